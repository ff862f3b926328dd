import type { PendingRow } from '../../../src/contract/pending';
import { snapshot, removeWorlds } from '../../sync/engine/world';
import { col } from '../../sheets/fixtures';
import { colOf, paneWorld, rowOf, tick, type PaneWorld } from './paneWorld';

let w: PaneWorld;
const NEVER_VIEW = col('associations', 'never');
const REASON_VIEW = col('associations', 'reason');
const SELECTED = col('customFields', 'selected');
const runPosts = () => w.requests.filter((r) => r.startsWith('POST') && r.endsWith('/runs'));

beforeAll(async () => {
  w = await paneWorld();
}, 60_000);
afterAll(async () => {
  await w?.service.close();
  removeWorlds();
});

/** The pending rows of the workbook's pull, from the service. */
const pulledRows = (): PendingRow[] => w.service.dossier('alpha').store.pullRows(w.controller.state.linkedPull!.id);
const sync = () => w.workbook.sheet('Synchronisation');

/** Blocked rows (duplicates, removals) must be set aside before anything can be applied. */
const setAsideBlocked = (rows: PendingRow[]) => {
  for (const row of rows.filter((r) => r.blockedReason !== '')) tick(sync(), row.key, 'skip');
};

describe('the task pane flow', () => {
  it('signs in with a dev token and opens the dossier', async () => {
    await w.controller.start();
    expect(w.controller.state.account).toBeNull();
    await w.controller.signIn(await w.token());
    const state = w.controller.state;
    expect(state.notice).toBeNull();
    expect(state.account).toEqual({ user: 'anne' });
    expect(state.dossier).toMatchObject({ id: 'alpha', roles: ['Sync.Review', 'Sync.Apply'] });
    expect(w.functionCalls).toContain('services alpha true');
  });

  it('refuses a workbook whose sheets were tampered with, lists each problem at its cell, and sends nothing', async () => {
    await w.controller.pull();
    expect(w.controller.state.notice).toBeNull();
    const rows = pulledRows();
    expect(w.controller.state.counts?.rows).toBe(rows.length);
    const sheet = sync();
    const [first, second, third] = rows.filter((r) => r.blockedReason === '');
    sheet.unprotect();
    sheet.type(rowOf(sheet, first.key), colOf('sync', 'name'), 'Autre nom');
    sheet.paste(rowOf(sheet, second.key), colOf('sync', 'never'), [['peut-être']]);
    sheet.deleteRow(rowOf(sheet, third.key));
    sheet.sortBy(colOf('sync', 'vat'));
    w.workbook.rename('Détails', 'Details (copie)');

    const before = runPosts().length;
    await w.controller.check();
    const { problems, check } = w.controller.state;
    expect(check).toBeNull();
    expect(runPosts().length).toBe(before);
    const lines = problems!.lines;
    const at = (text: string) => lines.find((l) => l.text.includes(text));
    expect(at('« Nom » a été modifié')?.target).toEqual({ sheet: 'Synchronisation', cell: `E${rowOf(sheet, first.key) + 1}` });
    expect(at('« peut-être »')?.target).toEqual({ sheet: 'Synchronisation', cell: `L${rowOf(sheet, second.key) + 1}` });
    expect(at('a disparu')?.text).toContain(third.key);
    expect(at('a été renommée')?.text).toBe('La feuille « Détails » a été renommée en « Details (copie) » : rendez-lui son nom.');

    await w.controller.select(at('« peut-être »')!.target!);
    expect(w.workbook.selection).toEqual({ sheet: 'Synchronisation', address: `L${rowOf(sheet, second.key) + 1}` });
  });

  it('keeps the decisions of a new pull on the rows that did not change, and says which it could not keep', async () => {
    await w.controller.pull();
    const rows = pulledRows();
    const [kept, changed] = rows.filter((r) => r.blockedReason === '');
    tick(sync(), kept.key, 'never');
    sync().type(rowOf(sync(), kept.key), colOf('sync', 'reason'), 'Client suivi à part');
    tick(sync(), changed.key, 'skip');
    // A never-sync flag set in the global view, and a custom field unselected.
    const associations = w.workbook.sheet('Associations');
    const viewRow = associations.grid().findIndex((r, i) => i > 0 && r[NEVER_VIEW] === false);
    const viewKey = String(associations.grid()[viewRow][0]);
    associations.type(viewRow, NEVER_VIEW, true);
    associations.type(viewRow, REASON_VIEW, 'Suivi par le siège');
    const fields = w.workbook.sheet('Champs personnalisés');
    const fieldRow = fields.grid().findIndex((r, i) => i > 0 && r[SELECTED] === true);
    fields.type(fieldRow, SELECTED, false);
    const field = String(fields.grid()[fieldRow][0]);
    // Someone edits the second customer in BOB 50 in the meantime: its row changes.
    const bob = w.service.dossier('alpha').engine.ctx.bob;
    const record = (await bob.readAll()).find((c) => c.cid === changed.bobId)!;
    await bob.update([{ cid: record.cid, values: { city: `${record.values.city ?? ''} (modifié)` } }]);

    await w.controller.pull();
    const state = w.controller.state;
    expect(state.carried?.count).toBe(3);
    expect(state.carried?.dropped).toEqual([{ key: changed.key, name: changed.name, reason: 'changed' }]);
    const row = sync().grid()[rowOf(sync(), kept.key)];
    expect([row[colOf('sync', 'never')], row[colOf('sync', 'reason')]]).toEqual([true, 'Client suivi à part']);
    const view = w.workbook.sheet('Associations').grid().find((r) => r[0] === viewKey)!;
    expect([view[NEVER_VIEW], view[REASON_VIEW]]).toEqual([true, 'Suivi par le siège']);
    expect(w.workbook.sheet('Champs personnalisés').grid().find((r) => r[0] === field)![SELECTED]).toBe(false);
    tick(sync(), kept.key, 'never', false);
    // Put back as the service has them, for the runs that follow.
    w.workbook.sheet('Associations').type(w.workbook.sheet('Associations').grid().findIndex((r) => r[0] === viewKey), NEVER_VIEW, false);
    w.workbook.sheet('Associations').type(w.workbook.sheet('Associations').grid().findIndex((r) => r[0] === viewKey), REASON_VIEW, '');
    w.workbook.sheet('Champs personnalisés').type(w.workbook.sheet('Champs personnalisés').grid().findIndex((r) => r[0] === field), SELECTED, true);
  });

  it('checks, backs up, synchronises with progress, writes the results and the journal, and exports the audit record', async () => {
    await w.controller.pull();
    const rows = pulledRows();
    setAsideBlocked(rows);
    const applicable = rows.filter((r) => r.blockedReason === '');
    const never = applicable[0];
    const skipped = applicable[1];
    const applied = applicable.filter((r) => r !== never && r !== skipped);
    tick(sync(), never.key, 'never');
    sync().type(rowOf(sync(), never.key), colOf('sync', 'reason'), 'Géré à la main');
    tick(sync(), skipped.key, 'skip');

    await w.controller.check();
    expect(w.controller.state.problems).toBeNull();
    expect(w.controller.state.check?.counts).toMatchObject({ would_apply: applied.length, never: 1 });
    expect(sync().grid()[rowOf(sync(), applied[0].key)][colOf('sync', 'status')]).toBe('Serait appliqué');

    await w.controller.backup();
    w.controller.confirm(true);
    const before = await snapshot(w.service.dossier('alpha'));
    const progress: string[] = [];
    const stop = w.controller.subscribe(() => w.controller.state.task?.kind === 'sync' && progress.push(w.controller.state.task.label));
    await w.controller.synchronise();
    stop();
    const state = w.controller.state;
    expect(state.notice).toEqual({ intent: 'success', text: `Synchronisation ${state.run!.runId} terminée.` });
    expect(progress.some((label) => label.startsWith('Écriture dans BOB 50 et Sage CRM'))).toBe(true);
    expect(state.run!.status).toMatchObject({ state: 'done', counts: { applied: applied.length, never: 1, skipped: rows.length - applied.length - 1 } });

    const grid = sync().grid();
    const statusOf = (key: string) => grid[rowOf(sync(), key)][colOf('sync', 'status')];
    expect(statusOf(applied[0].key)).toBe('Appliqué');
    expect(statusOf(never.key)).toBe('Jamais');
    expect(statusOf(skipped.key)).toBe('Ignoré cette fois');
    const journal = w.workbook.sheet('Journal').grid();
    expect(journal.length).toBeGreaterThan(applied.length);
    expect(new Set(journal.slice(1).map((r) => r[0]))).toEqual(new Set([state.run!.runId]));

    // What the run wrote: the skipped and never rows untouched on both sides.
    const after = await snapshot(w.service.dossier('alpha'));
    for (const row of [never, skipped]) {
      if (row.bobId) expect(after.bob.get(row.bobId)).toEqual(before.bob.get(row.bobId));
      if (row.crmId) expect(after.crm.get(row.crmId)?.values).toEqual(before.crm.get(row.crmId)?.values);
    }
    const update = applied.find((r) => r.crmId !== null && r.changes.some((c) => c.status === 'bob>crm'))!;
    const change = update.changes.find((c) => c.status === 'bob>crm')!;
    expect(after.crm.get(update.crmId!)?.values[change.field as 'city']).toBe(change.bob);

    expect(state.link?.appliedRun).toBe(state.run!.runId);
    expect(w.functionCalls.at(-1)).toBe('changed');
    await w.controller.exportJournal();
    expect(w.downloads).toEqual([{ filename: `audit-${state.run!.runId}.xlsx`, size: expect.any(Number) }]);
    expect(w.downloads[0].size).toBeGreaterThan(1000);
  }, 60_000);

  it('does not carry the decisions of a synchronised pull into the next one', async () => {
    await w.controller.pull();
    expect(w.controller.state.carried).toBeNull();
    expect(sync().grid().slice(1).every((r) => r[colOf('sync', 'skip')] === false)).toBe(true);
  });
});
