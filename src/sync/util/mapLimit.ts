/**
 * Runs `fn` over `items` with at most `limit` calls in flight and returns the results in order.
 * After the first rejection no new call starts; it is rethrown once the calls already started
 * have settled, so no write is left running unobserved behind the caller's back. Failures of
 * those remaining calls belong to the same aborted operation: the first is what the caller acts on.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
