/** The runs of a dossier without their decisions and results, which can each hold a whole dossier. */
import type { RunMeta, Store } from './store';

export type RunHeader = Omit<RunMeta, 'decisions' | 'result'>;

export function runHeaders(store: Store, dossier: string): RunHeader[] {
  const rows = store.db
    .prepare(
      `SELECT id, dossier, kind, pull_id, backup_id, undoes, user, idempotency_key, started_at, finished_at, state
       FROM run WHERE dossier = ? ORDER BY started_at, id`,
    )
    .all(dossier) as Array<Record<string, string | null>>;
  return rows.map((r) => ({
    id: String(r.id),
    dossier: String(r.dossier),
    kind: r.kind as RunMeta['kind'],
    pullId: r.pull_id,
    backupId: r.backup_id,
    undoes: r.undoes,
    user: String(r.user),
    idempotencyKey: r.idempotency_key,
    startedAt: String(r.started_at),
    finishedAt: r.finished_at,
    state: r.state as RunMeta['state'],
  }));
}
