/** What a sheet is read back against: the pull it was written from. */
import type { PendingRow } from '../contract/pending';

export interface ExpectedPull {
  pullId: string;
  rows: readonly PendingRow[];
}

/** Items by key; two items under one key would make rows ambiguous, which is a bug upstream. */
export const byKey = <T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T> => {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (map.has(key)) throw new Error(`two items share the key ${key}`);
    map.set(key, item);
  }
  return map;
};
