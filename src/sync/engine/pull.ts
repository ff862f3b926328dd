import type { PendingRow } from '../../contract/pending';
import type { CustomFieldSetting } from '../../contract/customFields';
import type { AssociationView } from '../../contract/views';
import type { CrmCompany } from '../domain/customer';
import { PendingBuilder } from '../domain/pending';
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
  // CRM's pages take longest to come in: BOB's side and our associations are prepared first,
  // then each page is worked on as it arrives (pages that beat BOB wait for it).
  const waiting: CrmCompany[][] = [];
  let builder: PendingBuilder | undefined;
  const bobRead = ctx.bob.readAll((done, total) => progress?.('bob', done, total)).then((records) => {
    builder = new PendingBuilder({ bob: records, associations: ctx.store.associations(ctx.dossier), settings, policy: ctx.policy });
    for (const page of waiting.splice(0)) builder.addCrm(page);
    return { built: builder, bobCount: records.length };
  });
  const crmRead = ctx.crm.readEach(
    (companies) => {
      if (builder === undefined) waiting.push(companies);
      else builder.addCrm(companies);
    },
    (done, total) => progress?.('crm', done, total),
  );
  const [{ built, bobCount }] = await Promise.all([bobRead, crmRead]);
  const { rows, view } = built.finish();
  const counts: Record<string, number> = { rows: rows.length, bob: bobCount, crm: built.crmCompanies };
  for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  counts.conflicts = rows.reduce((n, r) => n + r.changes.filter((c) => c.status === 'conflict').length, 0);
  const now = ctx.clock();
  const meta: PullMeta = { id: newId('P', now), dossier: ctx.dossier, createdAt: now.toISOString(), createdBy: user, settings, counts };
  ctx.store.createPull(meta, rows, view);
  progress?.('saved', rows.length, rows.length);
  return { pull: meta, rows, view, settings };
}
