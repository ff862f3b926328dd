import type { PendingRow } from '../../contract/pending';
import type { CustomFieldSetting } from '../../contract/customFields';
import type { AssociationView } from '../../contract/views';
import { computePending, indexBob } from '../domain/pending';
import { newId, type PullMeta } from '../store/store';
import type { EngineContext, PhaseProgress } from './context';
import { currentCustomFieldSettings } from './customFieldSettings';

export interface PullResult {
  pull: PullMeta;
  rows: PendingRow[];
  view: AssociationView[];
  settings: CustomFieldSetting[];
}

/** Reads both sides, computes the pending rows against the stored bases, and records them. */
export async function pull(ctx: EngineContext, user: string, progress?: PhaseProgress): Promise<PullResult> {
  const settings = await currentCustomFieldSettings(ctx);
  // BOB answers long before every CRM page is in: its side and our associations are prepared meanwhile.
  const [bob, crm] = await Promise.all([
    ctx.bob.readAll((done, total) => progress?.('bob', done, total)).then((records) => ({
      count: records.length,
      index: indexBob(records),
      associations: ctx.store.associations(ctx.dossier),
    })),
    ctx.crm.readAll((done, total) => progress?.('crm', done, total)),
  ]);
  const { rows, view } = computePending({
    bob: bob.index,
    crm,
    associations: bob.associations,
    settings,
    policy: ctx.policy,
  });
  const counts: Record<string, number> = { rows: rows.length, bob: bob.count, crm: crm.length };
  for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  counts.conflicts = rows.reduce((n, r) => n + r.changes.filter((c) => c.status === 'conflict').length, 0);
  const now = ctx.clock();
  const meta: PullMeta = { id: newId('P', now), dossier: ctx.dossier, createdAt: now.toISOString(), createdBy: user, settings, counts };
  ctx.store.createPull(meta, rows, view);
  progress?.('saved', rows.length, rows.length);
  return { pull: meta, rows, view, settings };
}
