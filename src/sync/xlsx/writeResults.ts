/**
 * Puts the outcome of an apply or a dry run into the review workbook: Statut and Message of the
 * Synchronisation sheet, Statut of Détails, and the journal lines appended to Journal. Everything
 * else is kept. Uses the in-memory workbook, fine for the CLI's sizes.
 */
import ExcelJS, { type Cell, type Worksheet } from 'exceljs';
import type { RowResult } from '../../contract/pending';
import type { JournalLine } from '../../contract/views';
import {
  type CellValue,
  type Locale,
  type ResultColumn,
  type ResultSheet,
  columnsOf,
  encodeRows,
  sheetName,
  stringsFor,
  withResults,
} from '../../sheets';
import { escapeText } from './ooxmlText';
import { replaceFile } from './replaceFile';
import { SHEET_PROTECTION, cellStyles, fillRow, finish, frozenHeader, layOut, textValue } from './sheetLayout';
import { pickSheet, worksheetValues } from './sheetValues';
import { WorkbookError } from './workbookError';

/**
 * The in-memory reader decodes `_xHHHH_` escapes and its writer does not put them back, so every
 * text read must be escaped again before the workbook is written, or control characters would be
 * lost and literal escapes decoded on the next read.
 */
const reEscape = (cell: Cell): void => {
  const { value } = cell;
  if (typeof value === 'string') cell.value = escapeText(value);
  else if (value && typeof value === 'object' && 'richText' in value) {
    cell.value = { richText: value.richText.map((run) => ({ ...run, text: escapeText(run.text) })) };
  } else if (value && typeof value === 'object' && 'hyperlink' in value) {
    cell.value = { ...value, text: escapeText(value.text) };
  }
};

const writeColumn = (ws: Worksheet, column: ResultColumn, current: readonly CellValue[][]): void => {
  column.values.forEach((value, i) => {
    // Untouched rows are left alone: their cell may hold something the values do not show.
    if (value === (current[i + 1]?.[column.column] ?? null)) return;
    ws.getRow(i + 2).getCell(column.column + 1).value = typeof value === 'string' ? textValue(value) : value;
  });
};

/**
 * The new result cells of a sheet, worked out from its values as the reviewer left them. A
 * formula reads as empty; `writeColumn` leaves such a cell alone unless a result replaces it.
 */
const resultsFor = (ws: Worksheet, sheet: ResultSheet, results: readonly RowResult[], locale: Locale) => {
  const { values } = worksheetValues(ws);
  const columns = withResults(sheet, values, results, locale);
  return (): void => {
    writeColumn(ws, columns.status, values);
    if (columns.message) writeColumn(ws, columns.message, values);
  };
};

const lastRowWithValues = (ws: Worksheet): number => {
  let last = 0;
  ws.eachRow((_, rowNumber) => {
    last = rowNumber;
  });
  return last;
};

/** Appends journal lines to the Journal sheet, creating it when the workbook has none. */
export const appendJournal = async (
  wb: ExcelJS.Workbook,
  found: Worksheet | undefined,
  journal: readonly JournalLine[],
  locale: Locale,
): Promise<void> => {
  const specs = columnsOf('journal');
  let ws = found;
  if (!ws) {
    ws = wb.addWorksheet(sheetName('journal', locale), frozenHeader());
    layOut(ws, specs, locale);
    await ws.protect('', SHEET_PROTECTION);
  }
  const styles = cellStyles(specs);
  let last = Math.max(lastRowWithValues(ws), 1);
  for (const encoded of encodeRows('journal', journal, locale)) {
    last += 1;
    fillRow(ws.getRow(last), specs, styles, encoded.cells, false);
  }
  finish(ws, 'journal', specs, last, locale);
};

export const writeResults = async (
  path: string,
  results: readonly RowResult[],
  journal: readonly JournalLine[],
  locale: Locale,
): Promise<void> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);

  const sync = pickSheet(wb.worksheets, 'sync', locale);
  if (!sync) {
    const message = stringsFor(locale).workbook.sheet_missing({ sheet: sheetName('sync', locale) });
    throw new WorkbookError('sheet_missing', message);
  }
  // Détails only repeats the statuses for convenience; a reviewer may have deleted the sheet.
  const details = pickSheet(wb.worksheets, 'details', locale);
  const writes = [resultsFor(sync, 'sync', results, locale)];
  if (details) writes.push(resultsFor(details, 'details', results, locale));

  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell(reEscape));
  for (const write of writes) write();
  await appendJournal(wb, pickSheet(wb.worksheets, 'journal', locale), journal, locale);

  await replaceFile(path, (temporary) => wb.xlsx.writeFile(temporary));
};
