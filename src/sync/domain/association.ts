import type { Values } from './customer';

export interface NeverSync {
  by: string;
  at: string;
  reason: string;
}

/**
 * A customer known to our store: a BOB third party, a CRM company, or the pair of them once
 * associated. `base` holds the canonical values as they were after the last successful
 * synchronisation of the pair: the merge base of the three-way diff.
 */
export interface Association {
  id: number;
  bobId: string | null;
  crmId: string | null;
  /** Set when the user chose "Jamais sync."; the customer leaves the pending list. */
  never: NeverSync | null;
  base: Values | null;
  lastSyncAt: string | null;
}
