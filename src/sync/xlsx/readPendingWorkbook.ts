/**
 * Reads a review workbook back into plain values for the sheet model to decode. A formula in a
 * sheet of the model is reported, never evaluated nor its cached result trusted.
 *
 * This uses exceljs's in-memory reader: its streaming reader (4.4) loses the tab names, and may
 * stop early, on files whose worksheets come before `workbook.xml` in the zip — which is how its
 * own streaming writer lays them out (exceljs issues #2663, #2790).
 */
import ExcelJS from 'exceljs';
import type { Problem } from '../../contract/pending';
import { type CellValue, SHEET_IDS, type SheetId, stringsFor } from '../../sheets';
import { SETTINGS_SHEET, type WorkbookSettings, parseSettings } from './settingsSheet';
import { pickSheet, worksheetValues } from './sheetValues';

export interface PendingWorkbook extends WorkbookSettings {
  /** Header row first; a sheet absent from the file reads as empty, which the decoders report. */
  sheets: Record<SheetId, CellValue[][]>;
  /** Formula cells, by sheet and address. */
  problems: Problem[];
}

export const readPendingWorkbook = async (path: string): Promise<PendingWorkbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const settingsSheet = wb.getWorksheet(SETTINGS_SHEET);
  const settings = parseSettings(settingsSheet ? worksheetValues(settingsSheet).values : undefined);
  const { locale } = settings;

  const sheets = {} as Record<SheetId, CellValue[][]>;
  const problems: Problem[] = [];
  for (const sheet of SHEET_IDS) {
    const ws = pickSheet(wb.worksheets, sheet, locale);
    const read = ws ? worksheetValues(ws) : { values: [], formulas: [] };
    sheets[sheet] = read.values;
    for (const cell of read.formulas) {
      problems.push({
        key: null,
        field: null,
        code: 'formula',
        message: stringsFor(locale).problems.formula(),
        sheet: ws?.name,
        cell,
      });
    }
  }
  return { ...settings, sheets, problems };
};
