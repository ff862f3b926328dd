/**
 * After a dry run or a run: Statut (and Message) of every row in Synchronisation and Détails,
 * placed by key wherever the reviewer sorted the rows, and the run's journal lines appended to
 * the Journal sheet. Locked columns are unprotected for the write and protected again.
 */
import type { RowResult } from '../../contract/pending';
import { type CellValue, type Locale, type ResultColumn, type ResultSheet, SheetLayoutError, type SheetRows, sheetName, stringsFor, withResults } from '../../sheets';
import { locateSheets } from './locateSheets';
import { readSheetValues } from './readSheet';
import { finishRows, formatRows, layOutHeader, protect, unprotect } from './sheetLayout';
import type { ExcelContext, Features, Worksheet } from './types';
import type { WorkbookLink } from './workbookLink';
import { refuseFormulas, withEventsOff } from './writePull';
import { type ChunkOptions, writeRows } from './writeRows';

const writeColumn = async (ctx: ExcelContext, ws: Worksheet, column: ResultColumn, locale: Locale, chunks: ChunkOptions): Promise<void> => {
  if (column.values.length === 0) return;
  await writeRows(ctx, ws, 1, column.column, column.values.map((v): CellValue[] => [v]), chunks);
  await refuseFormulas(ctx, ws, locale, { row: 1, column: column.column, rows: column.values.length, columns: 1 });
};

const writeStatuses = async (
  ctx: ExcelContext,
  ws: Worksheet,
  sheet: ResultSheet,
  results: readonly RowResult[],
  link: WorkbookLink,
  chunks: ChunkOptions,
): Promise<void> => {
  const { values } = await readSheetValues(ctx, ws, chunks);
  const columns = withResults(sheet, values, results, link.locale);
  await unprotect(ctx, ws);
  await writeColumn(ctx, ws, columns.status, link.locale, chunks);
  if (columns.message) await writeColumn(ctx, ws, columns.message, link.locale, chunks);
  await protect(ctx, ws);
};

/** Appends rows below the last used row of the Journal sheet, creating the sheet if it went missing. */
const appendJournal = async (
  ctx: ExcelContext,
  found: Worksheet | undefined,
  rows: SheetRows,
  link: WorkbookLink,
  features: Features,
  chunks: ChunkOptions,
): Promise<void> => {
  const ws = found ?? ctx.workbook.worksheets.add(sheetName('journal', link.locale));
  if (!found) layOutHeader(ws, 'journal', link.locale);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('isNullObject,rowIndex,rowCount');
  await ctx.sync();
  const first = used.isNullObject ? 1 : Math.max(1, used.rowIndex + used.rowCount);
  await unprotect(ctx, ws);
  formatRows(ws, 'journal', first, rows.rows.length);
  await ctx.sync();
  await writeRows(ctx, ws, first, 0, rows.rows, chunks);
  await refuseFormulas(ctx, ws, link.locale, { row: first, column: 0, rows: rows.rows.length, columns: rows.rows[0].length });
  finishRows(ws, 'journal', first, rows.rows.length, link.locale, features);
  await protect(ctx, ws);
};

export interface RunOutcome {
  results: readonly RowResult[];
  /** The Journal sheet's new rows; null after a dry run. */
  journal: SheetRows | null;
}

export const writeRunOutcome = async (
  ctx: ExcelContext,
  link: WorkbookLink,
  outcome: RunOutcome,
  features: Features,
  chunks: ChunkOptions,
): Promise<void> =>
  withEventsOff(ctx, async () => {
    const located = await locateSheets(ctx, ['sync', 'details', 'journal'], link.sheets, link.locale);
    if (!located.sheets.sync) {
      throw new SheetLayoutError(stringsFor(link.locale).workbook.sheet_missing({ sheet: sheetName('sync', link.locale) }));
    }
    for (const sheet of ['sync', 'details'] as const) {
      const ws = located.sheets[sheet];
      if (ws) await writeStatuses(ctx, ws, sheet, outcome.results, link, chunks);
    }
    if (outcome.journal && outcome.journal.rows.length > 0) {
      await appendJournal(ctx, located.sheets.journal, outcome.journal, link, features, chunks);
    }
  });
