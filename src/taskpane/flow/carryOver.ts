/**
 * A new pull over a workbook that already holds decisions: the reviewer's flags, reason and
 * chosen directions are kept on every row whose version did not change (its records are the
 * same on both sides, so the decision still means what it meant), and every decision that
 * cannot be kept is listed, never dropped silently.
 *
 * The old sheets are read leniently, by header and key, without the old pull: this is not an
 * apply, a cell that does not read is reported and not carried.
 */
import type { PendingRow } from '../../contract/pending';
import {
  type CellValue,
  type ColumnId,
  type SheetRows,
  columnOfHeader,
  columnsOf,
  detailKey,
  isBlank,
  parseDirection,
  parseFlag,
  rowKeyOfDetail,
} from '../../sheets';

export type DropReason = 'changed' | 'gone' | 'unreadable';

export interface DroppedDecision {
  key: string;
  name: string;
  reason: DropReason;
}

interface PreviousRow {
  version: string;
  name: string;
  never: CellValue;
  skip: CellValue;
  reason: CellValue;
  /** Chosen direction cells of the row's Détails lines, by field. */
  chosen: Map<string, CellValue>;
}

/** The columns of a header row that this module reads, by id. */
const columnsIn = <S extends 'sync' | 'details'>(sheet: S, header: readonly CellValue[] | undefined): Map<ColumnId<S>, number> => {
  const found = new Map<ColumnId<S>, number>();
  (header ?? []).forEach((text, col) => {
    const id = columnOfHeader(sheet, text);
    if (id !== undefined && !found.has(id)) found.set(id, col);
  });
  return found;
};

const text = (value: CellValue | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The decisions the old Synchronisation and Détails sheets hold, by row key. */
export const previousDecisions = (sync: readonly (readonly CellValue[])[], details: readonly (readonly CellValue[])[]): Map<string, PreviousRow> => {
  const rows = new Map<string, PreviousRow>();
  const s = columnsIn('sync', sync[0]);
  const cell = (cells: readonly CellValue[], id: ColumnId<'sync'>): CellValue => {
    const col = s.get(id);
    return col === undefined ? null : (cells[col] ?? null);
  };
  for (const cells of sync.slice(1)) {
    const key = text(cell(cells, 'key'));
    if (key === '' || rows.has(key)) continue;
    rows.set(key, {
      version: text(cell(cells, 'version')),
      name: text(cell(cells, 'name')),
      never: cell(cells, 'never'),
      skip: cell(cells, 'skip'),
      reason: cell(cells, 'reason'),
      chosen: new Map(),
    });
  }
  const d = columnsIn('details', details[0]);
  const keyCol = d.get('key');
  const chosenCol = d.get('chosen');
  if (keyCol !== undefined && chosenCol !== undefined) {
    for (const cells of details.slice(1)) {
      const key = text(cells[keyCol]);
      const row = rows.get(rowKeyOfDetail(key));
      if (row && !isBlank(cells[chosenCol])) row.chosen.set(key, cells[chosenCol]);
    }
  }
  return rows;
};

const decided = (row: PreviousRow): boolean =>
  parseFlag(row.never) !== false || parseFlag(row.skip) !== false || !isBlank(row.reason) || row.chosen.size > 0;

const readable = (row: PreviousRow): boolean =>
  parseFlag(row.never) !== undefined && parseFlag(row.skip) !== undefined && [...row.chosen.values()].every((v) => parseDirection(v) !== undefined);

export interface CarriedSheets {
  sync: SheetRows;
  details: SheetRows;
  /** Rows whose decisions were kept. */
  carried: number;
  dropped: DroppedDecision[];
}

const at = <S extends 'sync' | 'details'>(sheet: S, id: ColumnId<S>): number => columnsOf(sheet).findIndex((c) => c.id === id);

/**
 * The new pull's Synchronisation and Détails rows (encoded in the pull's order, as `toRows`
 * lays them out) with the previous decisions put back where they still apply.
 */
export const carryOver = (
  previous: ReadonlyMap<string, PreviousRow>,
  rows: readonly PendingRow[],
  sheets: { sync: SheetRows; details: SheetRows },
): CarriedSheets => {
  const sync = { ...sheets.sync, rows: sheets.sync.rows.map((r) => [...r]) };
  const details = { ...sheets.details, rows: sheets.details.rows.map((r) => [...r]) };
  const detailRow = new Map(details.rows.map((cells, i) => [text(cells[at('details', 'key')]), i]));
  const dropped: DroppedDecision[] = [];
  let carried = 0;
  const seen = new Set<string>();

  rows.forEach((row, i) => {
    seen.add(row.key);
    const before = previous.get(row.key);
    if (!before || !decided(before)) return;
    if (before.version !== row.version) return void dropped.push({ key: row.key, name: row.name, reason: 'changed' });
    if (!readable(before)) return void dropped.push({ key: row.key, name: row.name, reason: 'unreadable' });
    const cells = sync.rows[i];
    cells[at('sync', 'never')] = parseFlag(before.never) === true;
    cells[at('sync', 'skip')] = parseFlag(before.skip) === true;
    cells[at('sync', 'reason')] = text(before.reason);
    for (const change of row.changes) {
      const chosen = before.chosen.get(detailKey(row.key, change.field));
      const index = detailRow.get(detailKey(row.key, change.field));
      if (chosen !== undefined && index !== undefined) details.rows[index][at('details', 'chosen')] = text(chosen);
    }
    carried += 1;
  });
  for (const [key, before] of previous) {
    if (!seen.has(key) && decided(before)) dropped.push({ key, name: before.name, reason: 'gone' });
  }
  return { sync, details, carried, dropped };
};
