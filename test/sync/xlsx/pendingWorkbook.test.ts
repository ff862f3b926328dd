import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PendingRow } from '../../../src/contract/pending';
import { readAssociations, readCustomFields, readDecisions } from '../../../src/sheets';
import { readPendingWorkbook, WorkbookError, writePendingWorkbook } from '../../../src/sync/xlsx';
import { FORMULA_LIKE, PULL_ID, associations, col, customFields, pendingRows } from '../../sheets/fixtures';
import { zipEntries } from './zipEntries';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bobsync-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const write = async (rows: PendingRow[] = pendingRows(), locale: 'fr' | 'nl' | 'en' = 'fr'): Promise<string> => {
  counter += 1;
  const path = join(dir, `pending-${counter}.xlsx`);
  await writePendingWorkbook(path, {
    pullId: PULL_ID,
    dossier: 'sandbox',
    locale,
    rows,
    view: associations(),
    customFields: customFields(),
  });
  return path;
};

/** Changes a workbook the way a reviewer in Excel would, then saves it. */
const edit = async (path: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  change(wb);
  await wb.xlsx.writeFile(path);
};
const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const decide = async (path: string, rows: PendingRow[] = pendingRows()) => {
  const book = await readPendingWorkbook(path);
  const read = readDecisions(book.sheets.sync, book.sheets.details, { pullId: book.pullId, rows }, book.locale);
  return { book, ...read, problems: [...book.problems, ...read.problems] };
};

/** Strings that a careless round trip would change: formulas, escapes, controls, spaces. */
const TRICKY = [
  ...FORMULA_LIKE,
  'A &lt; B & <c> "d"',
  '_x0041_ reste tel quel',
  'ligne 1\r\nligne 2',
  'contrôle\u0001\u001f',
  '  espaces  ',
  'é€😀',
  "'apostrophe",
];
const trickyRows = (): PendingRow[] =>
  TRICKY.map((text, i) => ({
    key: `T${i}⇄${100 + i}`,
    version: `v${i}`,
    kind: 'update',
    bobId: `T${i}`,
    crmId: String(100 + i),
    name: text,
    vat: text,
    changes: [{ field: 'name', base: text, bob: `${text}!`, crm: text, status: 'bob>crm', proposed: 'bob>crm' }],
    blockedReason: '',
  }));

describe('writePendingWorkbook → readPendingWorkbook', () => {
  it('reads back what it wrote: no decision taken, no problem', async () => {
    const { book, decisions, problems } = await decide(await write());
    expect(problems).toEqual([]);
    expect(book).toMatchObject({ pullId: PULL_ID, dossier: 'sandbox', locale: 'fr' });
    expect(decisions.map((d) => [d.key, d.never, d.skip, d.directions])).toEqual(
      pendingRows().map((r) => [r.key, false, false, {}]),
    );
    expect(readAssociations(book.sheets.associations, associations(), 'fr')).toEqual({ changes: [], problems: [] });
    expect(readCustomFields(book.sheets.customFields, customFields(), 'fr')).toEqual({
      settings: customFields(),
      problems: [],
    });
    expect(book.sheets.journal).toEqual([expect.arrayContaining(['Run', 'Date', 'Utilisateur'])]);
  });

  it('keeps text from BOB and CRM as the exact string, never a formula', async () => {
    const rows = trickyRows();
    const path = await write(rows);

    const { book, problems } = await decide(path, rows);
    expect(problems).toEqual([]);
    expect(book.sheets.sync.slice(1).map((r) => r[col('sync', 'name')])).toEqual(TRICKY);
    expect(book.sheets.details.slice(1).map((r) => r[col('details', 'bob')])).toEqual(TRICKY.map((t) => `${t}!`));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
        }),
      );
    }
    const nameCell = sheet(wb, 'Synchronisation').getCell('E2');
    expect(nameCell.text).toBe('=HYPERLINK("http://x")');
    expect(nameCell.numFmt).toBe('@');

    const xml = await zipEntries(path);
    const parts = [...xml.keys()].filter((k) => k.startsWith('xl/worksheets/'));
    expect(parts.length).toBe(6);
    for (const part of parts) expect(xml.get(part)).not.toMatch(/<f[ >]/);
  });

  it('lays the sheets out for review', async () => {
    const path = await write();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['Synchronisation', 'visible'],
      ['Détails', 'visible'],
      ['Associations', 'visible'],
      ['Champs personnalisés', 'visible'],
      ['Journal', 'visible'],
      ['_bobsync', 'hidden'],
    ]);

    const sync = sheet(wb, 'Synchronisation');
    expect(sync.columns.map((c) => c.hidden === true)).toEqual([true, true, ...new Array(14).fill(false)]);
    expect(sync.getRow(1).getCell(12).font?.bold).toBe(true);
    expect(sync.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sync.autoFilter).toBe('A1:P6');
    const { sheetProtection } = sync as unknown as { sheetProtection: unknown };
    expect(sheetProtection).toMatchObject({ sheet: true, autoFilter: true, sort: true, formatColumns: true });
    expect(sheetProtection).not.toHaveProperty('hashValue');
    // Excel locks a cell unless its style says otherwise.
    const locked = (address: string) => sync.getCell(address).protection?.locked !== false;
    expect([locked('E2'), locked('L2'), locked('M2'), locked('N2'), locked('O2')]).toEqual([true, false, false, false, true]);
    expect(sync.getCell('L2').value).toBe(false);
    expect(sync.getCell('I2').value).toBe(3);

    const details = sheet(wb, 'Détails');
    const fill = (address: string) => (details.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([fill('B2'), fill('B3'), fill('K3'), fill('B4'), fill('B5')]).toEqual([
      undefined,
      'FFFCE4D6',
      'FFFCE4D6',
      'FFFCE4D6',
      undefined,
    ]);
    expect(details.getCell('K3').protection?.locked).toBe(false);

    const settings = sheet(wb, '_bobsync');
    expect([1, 2, 3].map((r) => [settings.getCell(r, 1).text, settings.getCell(r, 2).text])).toEqual([
      ['pullId', PULL_ID],
      ['dossier', 'sandbox'],
      ['locale', 'fr'],
    ]);
    expect(settings.rowCount).toBe(3);

    const xml = await zipEntries(path);
    const syncXml = xml.get('xl/worksheets/sheet1.xml') ?? '';
    // Excel rejects a sheet whose elements are out of the schema's order.
    const order = ['</sheetData>', '<sheetProtection', '<autoFilter', '<dataValidations', '<pageMargins'].map((tag) =>
      syncXml.indexOf(tag),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(syncXml).toContain('sqref="L2:L6"><formula1>&quot;VRAI,FAUX&quot;</formula1>');
    expect(syncXml).toContain('sqref="M2:M6"');
    expect(xml.get('xl/worksheets/sheet2.xml')).toContain('<formula1>&quot;BOB → CRM,CRM → BOB&quot;</formula1>');
    expect(xml.get('xl/worksheets/sheet4.xml')).toContain('type="whole" operator="greaterThanOrEqual"');
  });

  it('writes the sheets in the chosen language and reads them in any', async () => {
    const path = await write(pendingRows(), 'nl');
    const { book, problems } = await decide(path);
    expect(problems).toEqual([]);
    expect(book.locale).toBe('nl');
    expect(book.sheets.sync[0][col('sync', 'never')]).toBe('Nooit sync.');
    const xml = await zipEntries(path);
    expect(xml.get('xl/workbook.xml')).toContain('name="Koppelingen"');
    expect(xml.get('xl/worksheets/sheet1.xml')).toContain('&quot;WAAR,ONWAAR&quot;');
  });
});

describe('reading the reviewer\'s decisions from the file', () => {
  it('reads flags typed as words, Booleans and a chosen direction', async () => {
    const path = await write();
    await edit(path, (wb) => {
      const sync = sheet(wb, 'Synchronisation');
      sync.getCell('L2').value = 'oui';
      sync.getCell('N2').value = 'Client parti';
      sync.getCell('M3').value = 'x';
      sync.getCell('L4').value = 'ja';
      sync.getCell('M5').value = true;
      sheet(wb, 'Détails').getCell('K3').value = 'CRM → BOB';
    });
    const { decisions, problems } = await decide(path);
    expect(problems).toEqual([]);
    expect(decisions.map((d) => [d.key, d.never, d.skip, d.reason, d.directions])).toEqual([
      ['DUPONT⇄41', true, false, 'Client parti', { phone: 'crm>bob' }],
      ['MARTIN⇄57', false, true, '', {}],
      ['NEWCO⇄', true, false, '', {}],
      ['⇄88', false, true, '', {}],
      ['TWIN⇄', false, false, '', {}],
    ]);
  });

  it('still decodes a sorted sheet', async () => {
    const path = await write();
    await edit(path, (wb) => {
      for (const name of ['Synchronisation', 'Détails']) {
        const ws = sheet(wb, name);
        const rows = [];
        for (let r = 2; r <= ws.rowCount; r++) rows.push(ws.getRow(r).values);
        rows.reverse().forEach((values, i) => {
          ws.getRow(i + 2).values = values as ExcelJS.CellValue[];
        });
      }
      sheet(wb, 'Synchronisation').getCell('M2').value = 'X';
    });
    const { decisions, problems } = await decide(path);
    expect(problems).toEqual([]);
    expect(decisions.find((d) => d.key === 'TWIN⇄')?.skip).toBe(true);
  });

  it('reports bad cells, tampering, deleted and duplicated rows with their address', async () => {
    const path = await write();
    await edit(path, (wb) => {
      const sync = sheet(wb, 'Synchronisation');
      sync.getCell('L3').value = 'Peut-être';
      sync.getCell('E4').value = 'Nouveau nom';
      const copy = sync.getRow(2).values as ExcelJS.CellValue[];
      sync.spliceRows(6, 1);
      sync.getRow(6).values = copy;
    });
    const { problems } = await decide(path);
    expect(problems.map((p) => [p.sheet, p.cell, p.code, p.key])).toEqual([
      ['Synchronisation', 'L3', 'flag_invalid', 'MARTIN⇄57'],
      ['Synchronisation', 'E4', 'cell_changed', 'NEWCO⇄'],
      ['Synchronisation', 'A6', 'key_duplicate', 'DUPONT⇄41'],
      ['Synchronisation', undefined, 'row_missing', 'TWIN⇄'],
    ]);
    expect(problems[0].message).toContain('« Peut-être »');
  });

  it('reports a formula instead of trusting its result, and flattens rich text and dates', async () => {
    const path = await write();
    await edit(path, (wb) => {
      const sync = sheet(wb, 'Synchronisation');
      sync.getCell('L2').value = { formula: 'TRUE()', result: true } as ExcelJS.CellFormulaValue;
      sync.getCell('N3').value = { richText: [{ text: 'Client ', font: { bold: true } }, { text: 'parti' }] };
      // A reviewer who reformats the cell as a date before typing one.
      sync.getCell('N4').value = new Date(Date.UTC(2026, 1, 3));
      sync.getCell('N4').numFmt = 'dd/mm/yyyy';
    });
    const { book, problems, decisions } = await decide(path);
    expect(book.problems).toEqual([
      {
        key: null,
        field: null,
        code: 'formula',
        sheet: 'Synchronisation',
        cell: 'L2',
        message: 'Cette cellule contient une formule : saisissez une valeur.',
      },
    ]);
    expect(problems).toHaveLength(1);
    expect(decisions.find((d) => d.key === 'MARTIN⇄57')?.reason).toBe('Client parti');
    expect(decisions.find((d) => d.key === 'NEWCO⇄')?.reason).toBe('2026-02-03T00:00:00.000Z');
  });

  it('refuses a workbook bobsync did not prepare', async () => {
    const path = join(dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Feuil1').getCell('A1').value = 'x';
    await wb.xlsx.writeFile(path);
    await expect(readPendingWorkbook(path)).rejects.toThrow(WorkbookError);
    await expect(readPendingWorkbook(path)).rejects.toThrow('la feuille masquée « _bobsync » est absente');
  });
});
