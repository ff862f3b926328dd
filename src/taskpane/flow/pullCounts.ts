/** What a pull holds, as the pane summarises it before the reviewer opens the sheets. */
import type { PendingRow } from '../../contract/pending';
import { rowDirection } from '../../sheets';

export interface PullCounts {
  rows: number;
  bobToCrm: number;
  crmToBob: number;
  both: number;
  /** Conflicting fields. */
  conflicts: number;
  duplicates: number;
  /** Rows blocked for another reason than a duplicate (deleted or no longer eligible). */
  errors: number;
}

export const pullCounts = (rows: readonly PendingRow[]): PullCounts => {
  const counts: PullCounts = { rows: rows.length, bobToCrm: 0, crmToBob: 0, both: 0, conflicts: 0, duplicates: 0, errors: 0 };
  for (const row of rows) {
    const direction = rowDirection(row);
    if (direction === 'bob>crm') counts.bobToCrm += 1;
    else if (direction === 'crm>bob') counts.crmToBob += 1;
    else if (direction === 'both') counts.both += 1;
    counts.conflicts += row.changes.filter((c) => c.status === 'conflict').length;
    if (row.kind === 'duplicate') counts.duplicates += 1;
    else if (row.blockedReason !== '') counts.errors += 1;
  }
  return counts;
};
