/**
 * Creation without duplicates over a network that may lose answers. A POST that failed with
 * `maybeApplied` may have created the record: `lookup` says whether it is there (and finishes
 * the write when it is) before the POST is sent again.
 */
import { CrmError } from './errors';

export async function createOnce<T>(
  post: () => Promise<T>,
  lookup: () => Promise<T | undefined>,
  maxAttempts: number,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await post();
    } catch (err) {
      if (!(err instanceof CrmError) || !err.maybeApplied) throw err;
      const found = await lookup();
      if (found !== undefined) return found;
      if (attempt >= maxAttempts) throw err;
    }
  }
}
