/** The stale guard: a row is applied only if both sides still hold what the user reviewed. */
import { createHash } from 'node:crypto';
import type { Values } from './customer';

/** JSON with keys sorted, so the hash does not depend on the order fields were read in. */
const stableValues = (values: Values | null): Array<[string, string | undefined]> | null =>
  values === null ? null : Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function rowVersion(bob: Values | null, crm: Values | null): string {
  const text = JSON.stringify([stableValues(bob), stableValues(crm)]);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
