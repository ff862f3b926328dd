/**
 * Runs `fn` over `items` with at most `limit` calls in flight and returns the results in input
 * order. After the first failure no new call starts; once the calls in flight have settled the
 * first failure is rethrown. Failures of those remaining calls are not reported separately:
 * they belong to the same aborted operation, and the first one is what the caller acts on.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
