/**
 * Writes the review workbook of a pull with exceljs's streaming writer: rows are encoded one at
 * a time and committed as they go, so a large dossier is never held as a worksheet in memory.
 */
import ExcelJS from 'exceljs';
import type { CustomFieldSetting } from '../../contract/customFields';
import type { PendingRow } from '../../contract/pending';
import type { AssociationView } from '../../contract/views';
import { type Locale, type SheetId, type SheetItems, columnsOf, encodeRows, sheetName } from '../../sheets';
import { protectionInSchemaOrder, zipCaughtUp } from './exceljsGaps';
import { SETTINGS_SHEET, settingsRows } from './settingsSheet';
import { replaceFile } from './replaceFile';
import { SHEET_PROTECTION, cellStyles, fillRow, finish, frozenHeader, layOut, textValue } from './sheetLayout';

export interface PendingWorkbookInput {
  pullId: string;
  dossier: string;
  locale: Locale;
  rows: readonly PendingRow[];
  view: readonly AssociationView[];
  customFields: readonly CustomFieldSetting[];
}

/** Rows between two checks that the zip keeps up with what was committed. */
const ROWS_PER_CHECK = 500;

type WorkbookWriter = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

const writeSheet = async <S extends SheetId>(
  wb: WorkbookWriter,
  sheet: S,
  items: Iterable<SheetItems[S]>,
  locale: Locale,
): Promise<void> => {
  const specs = columnsOf(sheet);
  const ws = wb.addWorksheet(sheetName(sheet, locale), frozenHeader());
  layOut(ws, specs, locale);
  ws.getRow(1).commit();
  const styles = cellStyles(specs);
  let last = 1;
  for (const encoded of encodeRows(sheet, items, locale)) {
    last += 1;
    const row = ws.getRow(last);
    fillRow(row, specs, styles, encoded.cells, encoded.highlighted);
    row.commit();
    if (last % ROWS_PER_CHECK === 0) await zipCaughtUp(ws);
  }
  finish(ws, sheet, specs, last, locale);
  protectionInSchemaOrder(ws);
  await ws.protect('', SHEET_PROTECTION);
  ws.commit();
};

const writeWorkbook = async (path: string, input: PendingWorkbookInput): Promise<void> => {
  const { locale } = input;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'bobsync';
  await writeSheet(wb, 'sync', input.rows, locale);
  await writeSheet(wb, 'details', input.rows, locale);
  await writeSheet(wb, 'associations', input.view, locale);
  await writeSheet(wb, 'customFields', input.customFields, locale);
  await writeSheet(wb, 'journal', [], locale);

  const settings = wb.addWorksheet(SETTINGS_SHEET, { state: 'hidden' });
  settingsRows(input).forEach(([name, value], i) => {
    const row = settings.getRow(i + 1);
    row.getCell(1).value = textValue(name);
    row.getCell(2).value = textValue(value);
    row.commit();
  });
  protectionInSchemaOrder(settings);
  await settings.protect('', SHEET_PROTECTION);
  settings.commit();
  await wb.commit();
};

export const writePendingWorkbook = (path: string, input: PendingWorkbookInput): Promise<void> =>
  replaceFile(path, (temporary) => writeWorkbook(temporary, input));
