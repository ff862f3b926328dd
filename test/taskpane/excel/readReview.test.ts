import type { PendingRow } from '../../../src/contract/pending';
import { columnsOf, estimateRowBytes } from '../../../src/sheets';
import { readReview } from '../../../src/taskpane/excel/readReview';
import { readSheetValues } from '../../../src/taskpane/excel/readSheet';
import type { Features } from '../../../src/taskpane/excel/types';
import { readLink, type WorkbookLink } from '../../../src/taskpane/excel/workbookLink';
import { writePull } from '../../../src/taskpane/excel/writePull';
import { DEFAULT_BUDGET } from '../../../src/taskpane/excel/writeRows';
import { REVIEW_SHEETS, decodeReview, type ExpectedPull } from '../../../src/taskpane/flow/decodeReview';
import { pullSheets } from '../../../src/taskpane/flow/pullSheets';
import { PULL_ID, associations, col, customFields, pendingRows } from '../../sheets/fixtures';
import { bigPull } from '../bigPull';
import { fakeHost } from '../fakeExcel/context';
import { FakeWorkbook } from '../fakeExcel/workbook';

const noWait = () => Promise.resolve();
const options = { budget: DEFAULT_BUDGET, yieldToUi: noWait };

const expectedOf = (rows: PendingRow[], pullId = PULL_ID): ExpectedPull => ({ pullId, rows, view: associations(), settings: customFields() });

async function pulled(rows = pendingRows(), features: Features = { checkboxes: true }, pullId = PULL_ID) {
  const wb = new FakeWorkbook();
  const data = expectedOf(rows, pullId);
  const link = await fakeHost(wb, features).run((ctx) =>
    writePull(ctx, { pullId, dossier: 'sandbox', locale: 'fr', sheets: pullSheets(data, 'fr'), previous: {}, features }, options),
  );
  return { wb, link, data };
}

const check = (wb: FakeWorkbook, link: WorkbookLink, data: ExpectedPull) =>
  fakeHost(wb).run(async (ctx) => decodeReview(await readReview(ctx, link, REVIEW_SHEETS, options), data, 'fr'));

const NEVER = col('sync', 'never');
const SKIP = col('sync', 'skip');
const REASON = col('sync', 'reason');
const NAME = col('sync', 'name');

describe('reading the review back', () => {
  it('round-trips the flags ticked as checkboxes and the reason typed', async () => {
    const { wb, link, data } = await pulled();
    const sync = wb.sheet('Synchronisation');
    sync.type(1, NEVER, true);
    sync.type(1, REASON, 'Client parti');
    sync.type(2, SKIP, true);
    const { request, problems } = await check(wb, link, data);
    expect(problems).toEqual([]);
    expect(request.decisions.map((d) => [d.key, d.never, d.skip, d.reason])).toEqual([
      ['DUPONT⇄41', true, false, 'Client parti'],
      ['MARTIN⇄57', false, true, ''],
      ['NEWCO⇄', false, false, ''],
      ['⇄88', false, false, ''],
      ['TWIN⇄', false, false, ''],
    ]);
    expect(request.pullId).toBe(PULL_ID);
  });

  it('reads the words of the drop-down where Excel has no checkboxes, and a chosen direction', async () => {
    const { wb, link, data } = await pulled(pendingRows(), { checkboxes: false });
    wb.sheet('Synchronisation').type(3, NEVER, 'VRAI');
    wb.sheet('Synchronisation').type(4, SKIP, 'x');
    const details = wb.sheet('Détails');
    const phoneRow = details.grid().findIndex((r) => r[col('details', 'field')] === 'Téléphone');
    details.type(phoneRow, col('details', 'chosen'), 'CRM → BOB');
    const { request, problems } = await check(wb, link, data);
    expect(problems).toEqual([]);
    expect(request.decisions.find((d) => d.key === 'NEWCO⇄')?.never).toBe(true);
    expect(request.decisions.find((d) => d.key === '⇄88')?.skip).toBe(true);
    expect(request.decisions.find((d) => d.key === 'DUPONT⇄41')?.directions).toEqual({ phone: 'crm>bob' });
  });

  it('is not bothered by a sort', async () => {
    const { wb, link, data } = await pulled();
    const sync = wb.sheet('Synchronisation');
    sync.type(2, SKIP, true);
    sync.unprotect();
    sync.sortBy(NAME, true);
    const { request, problems } = await check(wb, link, data);
    expect(problems).toEqual([]);
    expect(request.decisions.find((d) => d.key === 'MARTIN⇄57')?.skip).toBe(true);
  });

  it('reports text pasted into a checkbox column with its cell, and sends no decision for that row', async () => {
    const { wb, link, data } = await pulled();
    wb.sheet('Synchronisation').paste(3, NEVER, [['peut-être']]);
    const { request, problems } = await check(wb, link, data);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'flag_invalid', key: 'NEWCO⇄', sheet: 'Synchronisation', cell: 'L4', message: expect.stringContaining('« peut-être »') }),
    ]);
    expect(request.decisions.map((d) => d.key)).not.toContain('NEWCO⇄');
  });

  it('reports an edited name, a deleted row, a formula and rows from another pull, each with its cell', async () => {
    const { wb, link, data } = await pulled();
    const other = await pulled(pendingRows().map((r) => ({ ...r, version: `${r.version}-later` })), { checkboxes: true }, 'P-other');
    const sync = wb.sheet('Synchronisation');
    sync.unprotect();
    sync.type(1, NAME, 'Dupont et Fils');
    // Typed into a Text cell, =A1 stays text; pasted from a cell that holds a formula, it is one.
    sync.type(3, REASON, '=A1');
    sync.pasteFormula(2, REASON, '=A1');
    sync.deleteRow(5);
    // Rows copied from a workbook of another pull: same keys, other versions, pasted under the rest.
    const copied = other.wb.sheet('Synchronisation').grid().slice(4, 6);
    sync.paste(5, 0, copied);
    const { problems } = await check(wb, link, data);
    const seen = problems.map((p) => [p.code, p.cell ?? null, p.key]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['formula', 'N3', null],
        ['cell_changed', 'E2', 'DUPONT⇄41'],
        ['key_duplicate', 'A6', '⇄88'],
        ['version_changed', 'B7', 'TWIN⇄'],
      ]),
    );
  });

  it('refuses a renamed sheet and reports a missing one once', async () => {
    const { wb, link, data } = await pulled();
    wb.rename('Synchronisation', 'Mes décisions');
    wb.deleteSheet(wb.sheet('Champs personnalisés'));
    const { problems } = await check(wb, link, data);
    expect(problems.map((p) => [p.code, p.sheet])).toEqual([
      ['sheet_renamed', 'Mes décisions'],
      ['sheet_missing', 'Champs personnalisés'],
    ]);
    expect(problems[0].message).toBe('La feuille « Synchronisation » a été renommée en « Mes décisions » : rendez-lui son nom.');
  });

  it('treats lost or garbled settings as a workbook without a pull', async () => {
    const { wb } = await pulled();
    wb.settings.set('bobsync', '{"pullId": 3');
    expect(await fakeHost(wb).run((ctx) => readLink(ctx))).toBeNull();
    wb.settings.delete('bobsync');
    expect(await fakeHost(wb).run((ctx) => readLink(ctx))).toBeNull();
  });

  it('reads 100,000 rows in chunks under the budget, and type-checks every flag cell', async () => {
    const rows = bigPull(100_000);
    const { wb, link, data } = await pulled(rows);
    const sync = wb.sheet('Synchronisation');
    sync.type(5000, NEVER, true);
    sync.paste(100_000, SKIP, [['bof']]);
    wb.syncs.length = 0;
    const values = await fakeHost(wb).run((ctx) => readSheetValues(ctx, ctx.workbook.worksheets.getItemOrNullObject(link.sheets.sync!), options));
    const bytes = values.values.reduce((n, r) => n + estimateRowBytes(r), 0);
    expect(values.values).toHaveLength(100_001);
    expect(values.values[0]).toHaveLength(columnsOf('sync').length);
    expect(Math.max(...wb.syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(DEFAULT_BUDGET);
    expect(values.chunks).toBeLessThanOrEqual(Math.ceil((bytes / DEFAULT_BUDGET) * 1.1) + 1);

    const { problems, request } = decodeReview(
      { sheets: { ...emptyReview(), sync: { values: values.values, tab: { id: link.sheets.sync!, name: 'Synchronisation' } } }, problems: [] },
      { ...data, view: [], settings: [] },
      'fr',
    );
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['flag_invalid', 'M100001']]);
    expect(request.decisions.filter((d) => d.never).map((d) => d.key)).toEqual([rows[4999].key]);
  }, 60_000);
});

const emptyReview = () => ({
  sync: { values: [], tab: null },
  details: { values: [], tab: null },
  associations: { values: [], tab: null },
  customFields: { values: [], tab: null },
  journal: { values: [], tab: null },
});
