/** Sheets found by their tab name in any locale, and the values of an in-memory worksheet. */
import type { Worksheet } from 'exceljs';
import { type CellValue, type Locale, type SheetId, a1, sheetName, sheetOfName } from '../../sheets';
import { readCell } from './readCell';

/**
 * The tab holding a sheet of the model. Two tabs may qualify ("Détails" and "Details"): the one
 * named in the workbook's language wins, otherwise the first.
 */
export const pickSheet = <T extends { name: string }>(
  tabs: readonly T[],
  sheet: SheetId,
  locale: Locale,
): T | undefined => {
  const candidates = tabs.filter((t) => sheetOfName(t.name) === sheet);
  return candidates.find((t) => t.name === sheetName(sheet, locale)) ?? candidates[0];
};

export interface WorksheetValues {
  /** Header row first; rows and cells absent from the file are empty. */
  values: CellValue[][];
  /** Addresses of the cells that hold a formula; they read as empty in `values`. */
  formulas: string[];
}

/** Values of a worksheet read by exceljs's in-memory reader, which has decoded the text already. */
export const worksheetValues = (ws: Worksheet): WorksheetValues => {
  const values: CellValue[][] = [];
  const formulas: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const read = readCell(cell.value);
      if (read.formula) formulas.push(a1(colNumber - 1, rowNumber - 1));
      cells[colNumber - 1] = read.formula ? null : read.value;
    });
    values[rowNumber - 1] = Array.from(cells, (v) => v ?? null);
  });
  return { values: Array.from(values, (row) => row ?? []), formulas };
};
