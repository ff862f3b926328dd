/**
 * A new pull over a workbook that already holds decisions: the reviewer's flags, reason and
 * chosen directions are kept on every row whose version did not change (its records are the
 * same on both sides, so the decision still means what it meant), and every decision that
 * cannot be kept is listed, never dropped silently.
 *
 * Synchronisation and Détails are read leniently, by header and key, without the old pull: a
 * row's version says whether it changed. Associations and Champs personnalisés hold edits of
 * the previous pull's view and settings, so they are read against those, by the sheet model.
 * A cell that does not read is reported and not carried.
 */
import type { CustomFieldSetting } from '../../contract/customFields';
import type { PendingRow } from '../../contract/pending';
import type { AssociationView, NeverFlagChange } from '../../contract/views';
import {
  type CellValue,
  type ColumnId,
  type Locale,
  type SheetRows,
  columnOfHeader,
  columnsOf,
  detailKey,
  isBlank,
  parseDirection,
  parseFlag,
  rowKeyOfDetail,
  toRows,
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

export interface CarriedSheet {
  sheet: SheetRows;
  carried: number;
  dropped: DroppedDecision[];
}

/** Settings hold plain values only. */
export const sameSetting = (a: CustomFieldSetting, b: CustomFieldSetting): boolean =>
  (Object.keys(a) as Array<keyof CustomFieldSetting>).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;

/** Row indexes of `sheet` by their key (first column). */
const rowsByKey = (sheet: SheetRows): Map<string, number> => new Map(sheet.rows.map((cells, i) => [text(cells[0]), i]));

/**
 * The never-sync flags the reviewer changed in Associations (read against the previous pull's
 * view) carried to the new view where that customer's row is as it was.
 */
export const carryAssociations = (
  edits: readonly NeverFlagChange[],
  unreadable: ReadonlySet<string>,
  oldView: readonly AssociationView[],
  newView: readonly AssociationView[],
  sheet: SheetRows,
): CarriedSheet => {
  const before = new Map(oldView.map((v) => [v.key, v]));
  const after = new Map(newView.map((v) => [v.key, v]));
  const rows = sheet.rows.map((r) => [...r]);
  const index = rowsByKey(sheet);
  const dropped: DroppedDecision[] = [...unreadable].map((key) => ({ key, name: before.get(key)?.name ?? key, reason: 'unreadable' as const }));
  let carried = 0;
  for (const edit of edits) {
    const old = before.get(edit.key);
    const now = after.get(edit.key);
    const same = old && now && old.never === now.never && old.neverReason === now.neverReason && old.name === now.name && old.vat === now.vat;
    if (!same || !index.has(edit.key)) {
      dropped.push({ key: edit.key, name: now?.name ?? old?.name ?? edit.key, reason: now ? 'changed' : 'gone' });
      continue;
    }
    const cells = rows[index.get(edit.key)!];
    cells[columnsOf('associations').findIndex((c) => c.id === 'never')] = edit.never;
    cells[columnsOf('associations').findIndex((c) => c.id === 'reason')] = edit.reason;
    carried += 1;
  }
  return { sheet: { ...sheet, rows }, carried, dropped };
};

/**
 * The custom-field settings the reviewer changed (read against the previous pull's) carried to
 * the new pull where the service's setting is as it was.
 */
export const carryCustomFields = (
  edited: readonly CustomFieldSetting[],
  unreadable: ReadonlySet<string>,
  oldSettings: readonly CustomFieldSetting[],
  newSettings: readonly CustomFieldSetting[],
  sheet: SheetRows,
  locale: Locale,
): CarriedSheet => {
  const before = new Map(oldSettings.map((s) => [s.bobField, s]));
  const after = new Map(newSettings.map((s) => [s.bobField, s]));
  const rows = sheet.rows.map((r) => [...r]);
  const index = rowsByKey(sheet);
  const dropped: DroppedDecision[] = [...unreadable].map((key) => ({ key, name: key, reason: 'unreadable' as const }));
  let carried = 0;
  for (const setting of edited) {
    const old = before.get(setting.bobField);
    const now = after.get(setting.bobField);
    if (!old || !now || !sameSetting(old, now) || !index.has(setting.bobField)) {
      dropped.push({ key: setting.bobField, name: setting.bobField, reason: now ? 'changed' : 'gone' });
      continue;
    }
    rows[index.get(setting.bobField)!] = toRows('customFields', [setting], locale).rows[0];
    carried += 1;
  }
  return { sheet: { ...sheet, rows }, carried, dropped };
};
