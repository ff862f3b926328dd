import { SHEET_IDS, columnsOf, estimateRowBytes, sheetName } from '../../../src/sheets';
import { FormulaWrittenError, refuseFormulas, writePull } from '../../../src/taskpane/excel/writePull';
import { highlightedBy } from '../../../src/taskpane/excel/sheetLayout';
import { toExcelValues, DEFAULT_BUDGET } from '../../../src/taskpane/excel/writeRows';
import type { Features } from '../../../src/taskpane/excel/types';
import { pullSheets } from '../../../src/taskpane/flow/pullSheets';
import { FORMULA_LIKE, PULL_ID, associations, col, customFields, pendingRows } from '../../sheets/fixtures';
import { bigPull } from '../bigPull';
import { FakeContext, fakeHost } from '../fakeExcel/context';
import { FakeWorkbook } from '../fakeExcel/workbook';

const noWait = () => Promise.resolve();

async function pullInto(wb: FakeWorkbook, rows = pendingRows(), features: Features = { checkboxes: true }, budget = DEFAULT_BUDGET) {
  const sheets = pullSheets({ rows, view: associations(), settings: customFields() }, 'fr');
  const link = await fakeHost(wb, features).run((ctx) =>
    writePull(ctx, { pullId: PULL_ID, dossier: 'sandbox', locale: 'fr', sheets, previous: {}, features }, { budget, yieldToUi: noWait }),
  );
  return { link, sheets };
}

describe('writePull', () => {
  it('writes the four review sheets and a Journal, laid out as the CLI lays out its files', async () => {
    const wb = new FakeWorkbook();
    const { link, sheets } = await pullInto(wb);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Feuil1', 'Synchronisation', 'Détails', 'Associations', 'Champs personnalisés', 'Journal']);

    const sync = wb.sheet('Synchronisation');
    // An empty string written is an empty cell.
    expect(sync.grid()).toEqual([sheets.sync.header, ...sheets.sync.rows.map((r) => r.map((v) => (v === '' ? null : v)))]);
    expect(sync.frozenRows).toBe(1);
    expect(sync.autoFilter).toEqual({ top: 0, left: 0, rows: pendingRows().length + 1, columns: columnsOf('sync').length });
    expect(sync.protected).toBe(true);
    expect(sync.protectionOptions).toMatchObject({ allowAutoFilter: true, allowSort: true });
    expect([...sync.hiddenColumns].sort()).toEqual([col('sync', 'key'), col('sync', 'version')]);
    columnsOf('sync').forEach((spec, c) => {
      expect(sync.locked.at(3, c)).toBe(!spec.editable);
      expect(sync.numberFormat.at(3, c)).toBe(spec.kind === 'text' || spec.kind === 'date' || spec.kind === 'choice' ? '@' : 'General');
    });
    expect(sync.controls.at(1, col('sync', 'never'))).toBe('Checkbox');
    expect(sync.controls.at(1, col('sync', 'skip'))).toBe('Checkbox');

    expect(wb.activeSheet).toBe(sync.id);
    expect(link).toEqual({
      pullId: PULL_ID,
      dossier: 'sandbox',
      locale: 'fr',
      sheets: Object.fromEntries(['sync', 'details', 'associations', 'customFields', 'journal'].map((id) => [id, wb.sheet(sheetName(id as never, 'fr')).id])),
    });
    // The workbook keeps opaque ids only.
    expect(JSON.parse(wb.settings.get('bobsync')!)).toEqual(link);
    expect(wb.enableEvents).toBe(true);
  });

  it('writes text that looks like a formula, a number or a date as text, and no cell holds a formula', async () => {
    const wb = new FakeWorkbook();
    await pullInto(wb);
    for (const ws of wb.sheets) expect([...ws.formulas]).toEqual([]);
    const names = wb.sheet('Synchronisation').grid().slice(1).map((r) => r[col('sync', 'name')]);
    expect(names).toEqual(pendingRows().map((r) => r.name));
    expect(names).toEqual(expect.arrayContaining(['=HYPERLINK("http://x")', '+32 2 123', '-5', '@SUM(A1)']));
    // The fake is a fair judge: the same text in a cell not formatted as Text becomes a formula or a number.
    const ctx = new FakeContext(wb);
    const scratch = ctx.workbook.worksheets.add('Brouillon');
    scratch.getRangeByIndexes(0, 0, 1, FORMULA_LIKE.length).values = [FORMULA_LIKE];
    await ctx.sync();
    const naive = wb.sheet('Brouillon');
    expect([...naive.formulas.values()]).toEqual(['=HYPERLINK("http://x")', '=+32 2 123', '=SUM(A1)']);
    expect(naive.value(0, 2)).toBe(-5);
  });

  it('offers the Booleans in a drop-down where Excel has no checkboxes', async () => {
    const wb = new FakeWorkbook();
    await pullInto(wb, pendingRows(), { checkboxes: false });
    const sync = wb.sheet('Synchronisation');
    expect(sync.controls.items).toEqual([]);
    const rules = sync.validations.map((v) => [v.rect.left, v.rule]);
    expect(rules).toEqual([
      [col('sync', 'never'), { list: { inCellDropDown: true, source: 'VRAI,FAUX' } }],
      [col('sync', 'skip'), { list: { inCellDropDown: true, source: 'VRAI,FAUX' } }],
    ]);
    expect(sync.validations[0].errorAlert).toMatchObject({ showAlert: true, style: 'Warning' });
    const details = wb.sheet('Détails');
    expect(details.validations.map((v) => [v.rect.left, v.rule])).toEqual([
      [col('details', 'chosen'), { list: { inCellDropDown: true, source: 'BOB → CRM,CRM → BOB' } }],
    ]);
  });

  it('highlights conflicts with one conditional format that marks exactly the rows the sheet model highlights', async () => {
    const wb = new FakeWorkbook();
    const { sheets } = await pullInto(wb);
    const [format] = wb.sheet('Détails').conditionalFormats;
    expect(format).toMatchObject({ formula: '=$I2="Conflit"', fill: '#FCE4D6' });
    expect(format.rect).toEqual({ top: 1, left: 0, rows: sheets.details.rows.length, columns: columnsOf('details').length });
    expect(sheets.details.rows.map((cells) => highlightedBy('details', 'fr', cells))).toEqual(sheets.details.highlighted);
    expect(sheets.details.highlighted.filter(Boolean).length).toBe(2);
  });

  it('replaces the sheets of a previous pull in place and keeps the Journal', async () => {
    const wb = new FakeWorkbook();
    const first = await pullInto(wb);
    const journal = wb.sheet('Journal');
    journal.unprotect();
    journal.paste(1, 0, [['run-1', 'hier']]);
    const sheets = pullSheets({ rows: pendingRows().slice(0, 2), view: associations(), settings: customFields() }, 'fr');
    const link = await fakeHost(wb).run((ctx) =>
      writePull(ctx, { pullId: 'P2', dossier: 'sandbox', locale: 'fr', sheets, previous: first.link.sheets, features: { checkboxes: true } }, { budget: DEFAULT_BUDGET, yieldToUi: noWait }),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['Feuil1', 'Synchronisation', 'Détails', 'Associations', 'Champs personnalisés', 'Journal']);
    expect(wb.sheet('Synchronisation').grid()).toHaveLength(3);
    expect(link.sheets.sync).not.toBe(first.link.sheets.sync);
    expect(link.sheets.journal).toBe(first.link.sheets.journal);
    expect(wb.sheet('Journal').grid()[1].slice(0, 2)).toEqual(['run-1', 'hier']);
  });

  describe('100,000 pending rows', () => {
    const rows = bigPull(100_000);
    const budget = DEFAULT_BUDGET;
    let wb: FakeWorkbook;
    beforeAll(async () => {
      wb = new FakeWorkbook();
      await pullInto(wb, rows, { checkboxes: true }, budget);
    }, 60_000);

    it('sends every request under the budget, in about as many chunks as the bytes need', () => {
      const biggest = Math.max(...wb.syncs.map((s) => s.requestBytes));
      expect(biggest).toBeLessThanOrEqual(budget);
      const sheets = pullSheets({ rows, view: associations(), settings: customFields() }, 'fr');
      for (const [name, sheet] of [['Synchronisation', sheets.sync], ['Détails', sheets.details]] as const) {
        const bytes = toExcelValues(sheet.rows).reduce((n, r) => n + estimateRowBytes(r), 0);
        const chunks = wb.syncs.filter((s) => s.ops.some((op) => op.kind === 'values' && op.sheet === name && op.cells > columnsOf('sync').length)).length;
        expect(chunks).toBeGreaterThanOrEqual(Math.ceil(bytes / budget));
        expect(chunks).toBeLessThanOrEqual(Math.ceil((bytes / budget) * 1.1));
      }
    });

    it('writes blocks of rows, never cell by cell', () => {
      const ops = wb.syncs.flatMap((s) => s.ops);
      const writes = ops.filter((op) => op.kind === 'values');
      const narrowest = Math.min(...SHEET_IDS.map((id) => columnsOf(id).length));
      expect(writes.every((op) => op.cells >= narrowest)).toBe(true);
      expect(writes.reduce((n, op) => n + op.cells, 0)).toBeGreaterThan(100_000 * columnsOf('sync').length);
      // Layout is per column and values per chunk: the number of calls does not grow with the rows.
      expect(ops.length).toBeLessThan(600);
      expect(wb.syncs.length).toBeLessThan(150);
    });

    it('leaves no formula cell and suspends calculation for each chunk', () => {
      for (const ws of wb.sheets) expect(ws.formulas.size).toBe(0);
      const sync = wb.sheet('Synchronisation');
      expect(sync.value(4, col('sync', 'name'))).toBe(rows[3].name);
      for (const s of wb.syncs.filter((x) => x.cellsWritten > 1000)) expect(s.ops[0].kind).toBe('suspendCalculation');
    });
  });
});

describe('refuseFormulas', () => {
  it('empties formula cells and names them', async () => {
    const wb = new FakeWorkbook();
    const ws = wb.addSheet('Synchronisation');
    ws.put(4, 2, '=1+1', 'General');
    ws.put(6, 2, 'texte', 'General');
    const ctx = new FakeContext(wb);
    const error = await refuseFormulas(ctx, ctx.workbook.worksheets.getItemOrNullObject('Synchronisation'), 'fr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormulaWrittenError);
    expect((error as FormulaWrittenError).cells).toEqual(['C5']);
    expect((error as Error).message).toContain('C5');
    expect(ws.formulas.size).toBe(0);
    expect(ws.value(6, 2)).toBe('texte');
  });
});
