import type { RowResult } from '../../../src/contract/pending';
import { toRows } from '../../../src/sheets';
import { writePull } from '../../../src/taskpane/excel/writePull';
import { writeRunOutcome } from '../../../src/taskpane/excel/writeResults';
import { DEFAULT_BUDGET } from '../../../src/taskpane/excel/writeRows';
import { pullSheets } from '../../../src/taskpane/flow/pullSheets';
import { PULL_ID, associations, col, customFields, journal, pendingRows } from '../../sheets/fixtures';
import { fakeHost } from '../fakeExcel/context';
import { FakeWorkbook } from '../fakeExcel/workbook';

const options = { budget: DEFAULT_BUDGET, yieldToUi: () => Promise.resolve() };
const result = (key: string, status: RowResult['status'], message = ''): RowResult => ({ key, status, message, bobId: null, crmId: null, written: [] });

describe('writing a run’s outcome', () => {
  it('puts each status on its row however the rows were sorted, appends the journal, and protects the sheets again', async () => {
    const wb = new FakeWorkbook();
    const host = fakeHost(wb);
    const sheets = pullSheets({ rows: pendingRows(), view: associations(), settings: customFields() }, 'fr');
    const link = await host.run((ctx) => writePull(ctx, { pullId: PULL_ID, dossier: 'd', locale: 'fr', sheets, previous: {}, features: { checkboxes: true } }, options));
    const sync = wb.sheet('Synchronisation');
    sync.unprotect();
    sync.sortBy(col('sync', 'name'), true);
    const results = [result('DUPONT⇄41', 'applied'), result('MARTIN⇄57', 'failed', '=CRM a refusé')];
    const lines = toRows('journal', journal(), 'fr');
    for (let i = 0; i < 2; i++) await host.run((ctx) => writeRunOutcome(ctx, link, { results, journal: lines }, { checkboxes: true }, options));

    const grid = sync.grid();
    const row = (key: string) => grid.find((r) => r[0] === key)!;
    expect([row('DUPONT⇄41')[col('sync', 'status')], row('DUPONT⇄41')[col('sync', 'message')]]).toEqual(['Appliqué', null]);
    // A message from the service is text, even one that starts like a formula.
    expect([row('MARTIN⇄57')[col('sync', 'status')], row('MARTIN⇄57')[col('sync', 'message')]]).toEqual(['Échec', '=CRM a refusé']);
    expect(row('NEWCO⇄')[col('sync', 'status')]).toBeNull();
    expect(sync.formulas.size).toBe(0);
    const details = wb.sheet('Détails').grid().filter((r) => String(r[0]).startsWith('DUPONT⇄41'));
    expect(details.map((r) => r[col('details', 'status')])).toEqual(['Appliqué', 'Appliqué', 'Appliqué']);

    const journalSheet = wb.sheet('Journal');
    expect(journalSheet.grid()).toEqual([lines.header, ...lines.rows, ...lines.rows].map((r) => r.map((v) => (v === '' ? null : v))));
    expect(journalSheet.autoFilter).toEqual({ top: 0, left: 0, rows: 3, columns: lines.header.length });
    for (const name of ['Synchronisation', 'Détails', 'Journal']) expect(wb.sheet(name).protected).toBe(true);
  });
});
