import ExcelJS from 'exceljs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PendingRow } from '../../../src/contract/pending';
import { readDecisions } from '../../../src/sheets';
import { WorkbookError, readPendingWorkbook, writePendingWorkbook, writeResults } from '../../../src/sync/xlsx';
import { PULL_ID, associations, col, customFields, journal, pendingRows, result } from '../../sheets/fixtures';
import { zipEntries } from './zipEntries';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bobsync-results-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const write = async (rows: PendingRow[]): Promise<string> => {
  counter += 1;
  const path = join(dir, `results-${counter}.xlsx`);
  await writePendingWorkbook(path, { pullId: PULL_ID, dossier: 'sandbox', locale: 'fr', rows, view: associations(), customFields: customFields() });
  return path;
};

const RESULTS = [result('DUPONT⇄41', 'applied'), result('MARTIN⇄57', 'stale', 'Modifié dans CRM depuis la préparation')];

describe('writeResults', () => {
  it('fills Statut and Message, repeats the status in Détails and appends the journal', async () => {
    const path = await write(pendingRows());
    await writeResults(path, RESULTS, journal(), 'fr');

    const book = await readPendingWorkbook(path);
    const sync = book.sheets.sync;
    const status = col('sync', 'status');
    const message = col('sync', 'message');
    expect(sync.slice(1).map((r) => [r[0], r[status] ?? null, r[message] ?? null])).toEqual([
      ['DUPONT⇄41', 'Appliqué', ''],
      ['MARTIN⇄57', 'Obsolète', 'Modifié dans CRM depuis la préparation'],
      ['NEWCO⇄', null, null],
      ['⇄88', null, null],
      ['TWIN⇄', null, null],
    ]);
    expect(book.sheets.details.slice(1).map((r) => r[col('details', 'status')] ?? null)).toEqual([
      'Appliqué',
      'Appliqué',
      'Appliqué',
      'Obsolète',
      null,
      null,
    ]);
    expect(book.sheets.journal).toEqual([
      expect.arrayContaining(['Run', 'Après']),
      ['run-1', '2026-02-01T08:00:00Z', 'marie', 'bk-1', 'DUPONT⇄41', 'DUPONT', '41', 'Localité', 'Liège', 'Luik', 'BOB → CRM', 'Appliqué', ''],
    ]);
  });

  it('keeps everything else: decisions, exact texts, layout and protection', async () => {
    const rows = pendingRows();
    rows[0].name = 'ligne 1\r\nligne 2 _x0041_ \u0001';
    rows[0].changes[0].bob = '=1+1';
    const path = await write(rows);
    await writeResults(path, RESULTS, journal(), 'fr');
    await writeResults(path, [result('NEWCO⇄', 'failed', 'CRM indisponible')], journal(), 'fr');

    const book = await readPendingWorkbook(path);
    const read = readDecisions(book.sheets.sync, book.sheets.details, { pullId: PULL_ID, rows }, 'fr');
    expect([...book.problems, ...read.problems]).toEqual([]);
    expect(book).toMatchObject({ pullId: PULL_ID, dossier: 'sandbox', locale: 'fr' });
    expect(book.sheets.sync[1][col('sync', 'name')]).toBe(rows[0].name);
    expect(book.sheets.sync[3][col('sync', 'status')]).toBe('Échec');
    expect(book.sheets.journal).toHaveLength(3);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Synchronisation');
    expect(ws?.columns.slice(0, 3).map((c) => c.hidden === true)).toEqual([true, true, false]);
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true, autoFilter: true, sort: true });
    expect(ws?.getCell('L2').protection?.locked).toBe(false);
    expect(wb.getWorksheet('_bobsync')?.state).toBe('hidden');
    expect(wb.getWorksheet('Journal')?.autoFilter).toBe('A1:M3');

    const xml = await zipEntries(path);
    for (const [part, text] of xml) if (part.startsWith('xl/worksheets/')) expect(text).not.toMatch(/<f[ >]/);
    const sheetXml = xml.get('xl/worksheets/sheet1.xml') ?? '';
    const order = ['<sheetProtection', '<autoFilter', '<dataValidations'].map((tag) => sheetXml.indexOf(tag));
    expect(order.every((at) => at > 0) && [...order].sort((a, b) => a - b).join() === order.join()).toBe(true);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it('creates the Journal sheet when the reviewer deleted it', async () => {
    const path = await write(pendingRows());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const journalSheet = wb.getWorksheet('Journal');
    if (!journalSheet) throw new Error('no Journal sheet');
    wb.removeWorksheet(journalSheet.id);
    await wb.xlsx.writeFile(path);

    await writeResults(path, [], journal(), 'fr');
    const book = await readPendingWorkbook(path);
    expect(book.sheets.journal).toHaveLength(2);
    expect(book.sheets.journal[1][7]).toBe('Localité');

    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(path);
    const created = after.getWorksheet('Journal');
    expect(created?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((created as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
  });

  it('refuses a workbook without its Synchronisation sheet', async () => {
    const path = await write(pendingRows());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sync = wb.getWorksheet('Synchronisation');
    if (!sync) throw new Error('no Synchronisation sheet');
    wb.removeWorksheet(sync.id);
    await wb.xlsx.writeFile(path);
    await expect(writeResults(path, RESULTS, [], 'fr')).rejects.toThrow(WorkbookError);
  });
});
