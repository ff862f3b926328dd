/**
 * Apply and dry-run results → the Statut (and Message) cells of a sheet as it is now, sorted or
 * filtered however the reviewer left it. Both hosts write the returned columns back in place.
 */
import type { RowResult } from '../contract/pending';
import { type CellValue, cellText, isBlank } from './cells';
import { sheetName } from './columns';
import { rowKeyOfDetail } from './detailKey';
import { columnOfHeader, headerText } from './header';
import type { ColumnId } from './ids';
import { type Locale, stringsFor } from './strings';

export type ResultSheet = 'sync' | 'details';

export interface ResultColumn {
  /** 0-based column index in the sheet. */
  column: number;
  /** New value of each data row, aligned with `values.slice(1)`. */
  values: CellValue[];
}

export interface ResultColumns {
  status: ResultColumn;
  /** Only Synchronisation has a Message column. */
  message: ResultColumn | null;
}

/** Thrown when a sheet lost a column the results go into; the message is for the reviewer. */
export class SheetLayoutError extends Error {}

const findColumn = (
  sheet: ResultSheet,
  headerRow: readonly CellValue[],
  id: ColumnId<ResultSheet>,
  locale: Locale,
): number => {
  const col = headerRow.findIndex((text) => columnOfHeader(sheet, text) === id);
  if (col < 0) {
    const missing = stringsFor(locale).problems.column_missing({ column: headerText(sheet, id, locale) });
    throw new SheetLayoutError(`${sheetName(sheet, locale)} : ${missing}`);
  }
  return col;
};

export const withResults = (
  sheet: ResultSheet,
  values: readonly (readonly CellValue[])[],
  results: readonly RowResult[],
  locale: Locale,
): ResultColumns => {
  const s = stringsFor(locale);
  const headerRow = values[0] ?? [];
  const keyCol = findColumn(sheet, headerRow, 'key', locale);
  const statusCol = findColumn(sheet, headerRow, 'status', locale);
  const messageCol = sheet === 'sync' ? findColumn(sheet, headerRow, 'message', locale) : null;
  const byKey = new Map(results.map((r) => [r.key, r]));

  const status: CellValue[] = [];
  const message: CellValue[] = [];
  for (const cells of values.slice(1)) {
    const keyCell = cells[keyCol] ?? null;
    const cellKey = isBlank(keyCell) ? undefined : cellText(keyCell, locale);
    // Rows the run did not touch keep what they showed.
    const result = cellKey === undefined ? undefined : byKey.get(sheet === 'details' ? rowKeyOfDetail(cellKey) : cellKey);
    status.push(result ? s.statuses[result.status] : (cells[statusCol] ?? null));
    if (messageCol !== null) message.push(result ? result.message : (cells[messageCol] ?? null));
  }
  return {
    status: { column: statusCol, values: status },
    message: messageCol === null ? null : { column: messageCol, values: message },
  };
};
