/**
 * The walk every decoder shares: locate the columns, tie each row to the pull by its hidden key,
 * and report what breaks that tie (empty, unknown or repeated keys, rows that disappeared).
 * Rows are matched by key, never by position, so sorting and filtering are harmless.
 */
import { type CellValue, a1, cellText, isBlank, showValue } from './cells';
import { type ColumnIndex, headerText, locateColumns } from './header';
import type { ColumnId, SheetId } from './ids';
import type { ProblemList, Where } from './problems';
import type { Locale } from './strings';

export interface Cell {
  value: CellValue;
  address: string;
}

export interface SheetRow<S extends SheetId> {
  /** Where problems about this row are filed (row key, and the field for Détails). */
  where: Where;
  /** A column's cell, or undefined when that optional column was removed from the sheet. */
  cell(id: ColumnId<S>): Cell | undefined;
  /** A required column's cell; present once the header has been accepted. */
  required(id: ColumnId<S>): Cell;
  /** Where a problem in one of this row's cells is filed: the row's field, else the column id. */
  at(cell: Cell, id: ColumnId<S>): Where;
}

export interface ScanArgs<S extends SheetId, T> {
  sheet: S;
  values: readonly (readonly CellValue[])[];
  required: readonly ColumnId<S>[];
  expected: ReadonlyMap<string, T>;
  problems: ProblemList;
  locale: Locale;
  /** How a row of the pull is named in messages and under which key and field it is filed. */
  describe: (item: T) => { label: string; key: string; field: string | null };
  visit: (row: SheetRow<S>, item: T) => void;
}

/** Returns false when the header row does not allow reading the sheet at all. */
export const scanSheet = <S extends SheetId, T>(args: ScanArgs<S, T>): boolean => {
  const { sheet, values, expected, problems, locale } = args;
  const columns = locateColumns(sheet, values[0], args.required, problems, locale);
  if (!columns) return false;
  const keyCol = columnAt(columns, 'key' as ColumnId<S>);
  const seen = new Map<string, string>();

  for (let r = 1; r < values.length; r++) {
    const cells = values[r];
    if (cells.every((v) => isBlank(v))) continue;
    const keyAddress = a1(keyCol, r);
    const keyValue = cells[keyCol] ?? null;
    if (isBlank(keyValue)) {
      problems.add('key_missing', { key: null, field: null, cell: keyAddress });
      continue;
    }
    const key = cellText(keyValue, locale);
    const item = expected.get(key);
    if (item === undefined) {
      problems.add('key_unknown', { key, field: null, cell: keyAddress }, { key });
      continue;
    }
    const described = args.describe(item);
    const where: Where = { key: described.key, field: described.field };
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add('key_duplicate', { ...where, cell: keyAddress }, { key, first });
      continue;
    }
    seen.set(key, keyAddress);
    const cell = (id: ColumnId<S>): Cell | undefined => {
      const col = columns.get(id);
      return col === undefined ? undefined : { value: cells[col] ?? null, address: a1(col, r) };
    };
    args.visit(
      {
        where,
        cell,
        required: (id) => {
          const found = cell(id);
          if (!found) throw new Error(`required column ${id} of ${sheet} was not located`);
          return found;
        },
        at: (found, id) => ({ key: where.key, field: where.field ?? id, cell: found.address }),
      },
      item,
    );
  }

  for (const [key, item] of expected) {
    if (seen.has(key)) continue;
    const described = args.describe(item);
    problems.add('row_missing', { key: described.key, field: described.field }, { row: described.label });
  }
  return true;
};

const columnAt = <S extends SheetId>(columns: ColumnIndex<S>, id: ColumnId<S>): number => {
  const col = columns.get(id);
  if (col === undefined) throw new Error(`column ${id} was not located`);
  return col;
};

/**
 * A read-only cell must still hold what the pull wrote: a changed name or value means the
 * reviewer decided on something other than what will be written. Blank and absent are equal
 * because both hosts read an empty text cell back as empty.
 */
export const expectUnchanged = <S extends SheetId>(
  row: SheetRow<S>,
  sheet: S,
  id: ColumnId<S>,
  expected: string | null,
  problems: ProblemList,
  locale: Locale,
): void => {
  const cell = row.cell(id);
  if (!cell) return;
  const wanted = expected ?? '';
  // A Boolean never stands for text: Excel made it from something typed over the value.
  if (typeof cell.value !== 'boolean' && String(cell.value ?? '') === wanted) return;
  problems.add('cell_changed', row.at(cell, id), {
    column: headerText(sheet, id, locale),
    expected: showValue(wanted, locale),
    found: showValue(cell.value, locale),
  });
};
