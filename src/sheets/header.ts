/**
 * Finding columns by their header text rather than their position: the reviewer may reorder,
 * hide or add columns, and a workbook prepared in one language may be read in another.
 */
import { type CellValue, a1 } from './cells';
import { columnsOf, normaliseLabel, sheetName } from './columns';
import type { ColumnId, SheetId } from './ids';
import type { ProblemList } from './problems';
import { LOCALES, type Locale } from './strings';

export type ColumnIndex<S extends SheetId> = ReadonlyMap<ColumnId<S>, number>;

const idsByHeader = new Map<SheetId, ReadonlyMap<string, string>>();

const headerLookup = <S extends SheetId>(sheet: S): ReadonlyMap<string, ColumnId<S>> => {
  let lookup = idsByHeader.get(sheet);
  if (!lookup) {
    const built = new Map<string, string>();
    for (const column of columnsOf(sheet)) {
      for (const locale of LOCALES) {
        const text = normaliseLabel(column.header[locale]);
        const known = built.get(text);
        if (known !== undefined && known !== column.id) {
          throw new Error(`header "${column.header[locale]}" of ${sheet} names both ${known} and ${column.id}`);
        }
        built.set(text, column.id);
      }
    }
    idsByHeader.set(sheet, built);
    lookup = built;
  }
  return lookup as ReadonlyMap<string, ColumnId<S>>;
};

/** The id a header cell names in this sheet, in any locale; undefined for the reviewer's own columns. */
export const columnOfHeader = <S extends SheetId>(sheet: S, text: CellValue): ColumnId<S> | undefined =>
  typeof text === 'string' ? headerLookup(sheet).get(normaliseLabel(text)) : undefined;

/**
 * Where each known column sits in the header row. Reports a header that is missing altogether,
 * each required column that is absent, and each column that appears twice; returns `undefined`
 * when the sheet cannot be read safely.
 */
export const locateColumns = <S extends SheetId>(
  sheet: S,
  headerRow: readonly CellValue[] | undefined,
  required: readonly ColumnId<S>[],
  problems: ProblemList,
  locale: Locale,
): ColumnIndex<S> | undefined => {
  const index = new Map<ColumnId<S>, number>();
  let duplicated = false;
  (headerRow ?? []).forEach((text, col) => {
    const id = columnOfHeader(sheet, text);
    if (id === undefined) return;
    if (index.has(id)) {
      duplicated = true;
      const column = headerText(sheet, id, locale);
      problems.add('column_duplicate', { key: null, field: id, cell: a1(col, 0) }, { column });
    } else index.set(id, col);
  });
  if (index.size === 0) {
    problems.add('header_missing', { key: null, field: null, cell: 'A1' }, { sheet: sheetName(sheet, locale) });
    return undefined;
  }
  const missing = required.filter((id) => !index.has(id));
  for (const id of missing) {
    problems.add('column_missing', { key: null, field: id }, { column: headerText(sheet, id, locale) });
  }
  return missing.length > 0 || duplicated ? undefined : index;
};

export const headerText = <S extends SheetId>(sheet: S, id: ColumnId<S>, locale: Locale): string => {
  const column = columnsOf(sheet).find((c) => c.id === id);
  if (!column) throw new Error(`no column ${id} in ${sheet}`);
  return column.header[locale];
};
