/** The runs of a dossier without their decisions and results, which can each hold a whole dossier. */
import { toRunHeader, type RunHeader, type Store } from './store';

export type { RunHeader };

export function runHeaders(store: Store, dossier: string): RunHeader[] {
  const rows = store.db
    .prepare(
      `SELECT id, dossier, kind, pull_id, backup_id, undoes, user, idempotency_key, started_at, finished_at, state
       FROM run WHERE dossier = ? ORDER BY started_at, id`,
    )
    .all(dossier) as Array<Record<string, string | null>>;
  return rows.map(toRunHeader);
}
