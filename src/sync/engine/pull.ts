import type { PendingRow } from '../../contract/pending';
import type { CustomFieldSetting } from '../../contract/customFields';
import { PendingBuilder, sortKey } from '../domain/pending';
import { newId, type PullMeta } from '../store/store';
import type { EngineContext, PhaseProgress } from './context';
import { currentCustomFieldSettings } from './customFieldSettings';

/** The pull and its rows; its global view is read from the store (`Store.pullView`). */
export interface PullResult {
  pull: PullMeta;
  rows: PendingRow[];
  settings: CustomFieldSetting[];
}

/** Reads both sides, computes the pending rows against the stored bases, and records them. */
export async function pull(ctx: EngineContext, user: string, progress?: PhaseProgress): Promise<PullResult> {
  const settings = await currentCustomFieldSettings(ctx);
  // CRM's pages take longest to come in: each is worked on as it arrives, once BOB's side and
  // our associations (read a slice at a time meanwhile) are in; the pages before wait for them.
  // The global view goes to the store as it is made rather than staying in memory.
  const view = ctx.store.viewStage(newId('S', ctx.clock()));
  try {
    const builder = new PendingBuilder({ settings, policy: ctx.policy }, (entry) => view.add(entry, sortKey(entry.name)));
    const crmRead = ctx.crm.readEach(
      (companies) => builder.addCrm(companies),
      (done, total) => progress?.('crm', done, total),
    );
    const bobRead = ctx.bob.readAll((done, total) => progress?.('bob', done, total)).then((records) => builder.addBob(records));
    const associationsRead = ctx.store.eachAssociationSlice(ctx.dossier, (slice) => builder.addAssociations(slice));
    await Promise.all([Promise.all([bobRead, associationsRead]).then(() => builder.ready()), crmRead]);
    const rows = builder.finish();
    const counts: Record<string, number> = { rows: rows.length, ...builder.counts };
    for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    counts.conflicts = rows.reduce((n, r) => n + r.changes.filter((c) => c.status === 'conflict').length, 0);
    const now = ctx.clock();
    const meta: PullMeta = { id: newId('P', now), dossier: ctx.dossier, createdAt: now.toISOString(), createdBy: user, settings, counts };
    ctx.store.createPull(meta, rows, view);
    progress?.('saved', rows.length, rows.length);
    return { pull: meta, rows, settings };
  } catch (error) {
    // Recording the pull moved the staged view; a pull that failed leaves it behind.
    view.discard();
    throw error;
  }
}
