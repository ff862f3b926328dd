/**
 * Where the reviewer should look for each problem. Problems read from the sheets carry their
 * cell; those the service finds (dry run) carry a row key and a field, which are looked up in
 * the sheets as they were read: the row's flag for a blocked row, the chosen direction for a
 * field, the custom field's setting, the association's flag.
 */
import type { Problem } from '../../contract/pending';
import { type CellValue, type ColumnId, type Locale, type SheetId, a1, columnOfHeader, detailKey, problemText } from '../../sheets';
import { cellText } from '../../sheets/cells';
import type { ReviewRead } from '../excel/readReview';

export interface ProblemLine {
  text: string;
  /** The tab (by name) and cell to select; null when the problem is not about one cell. */
  target: { sheet: string; cell: string } | null;
}

/** The cell of the row holding `key`, in the column `column`, as the sheet was read. */
const cellOf = <S extends SheetId>(read: ReviewRead, sheet: S, key: string, column: ColumnId<S>, locale: Locale): ProblemLine['target'] => {
  const { values, tab } = read.sheets[sheet];
  if (!tab || values.length === 0) return null;
  const header = values[0];
  const keyCol = header.findIndex((h: CellValue) => columnOfHeader(sheet, h) === 'key');
  const col = header.findIndex((h: CellValue) => columnOfHeader(sheet, h) === column);
  if (keyCol < 0 || col < 0) return null;
  const row = values.findIndex((cells, r) => r > 0 && cellText(cells[keyCol], locale) === key);
  return row < 0 ? null : { sheet: tab.name, cell: a1(col, row) };
};

const FIELD_SETTING: Record<string, ColumnId<'customFields'>> = {
  max_length_not_string: 'maxLength',
  transform_not_string: 'transform',
  condition_value_missing: 'value',
};

const targetOf = (p: Problem, read: ReviewRead, locale: Locale): ProblemLine['target'] => {
  if (p.cell && p.sheet) return { sheet: p.sheet, cell: p.cell };
  if (p.code in FIELD_SETTING || p.code === 'unknown_custom_field' || p.code === 'duplicate_custom_field') {
    return p.field === null ? null : cellOf(read, 'customFields', p.field, FIELD_SETTING[p.code] ?? 'selected', locale);
  }
  if (p.key === null) return null;
  if (p.code === 'flag_of_other_user') return cellOf(read, 'associations', p.key, 'never', locale);
  if (p.field !== null && (p.code === 'direction_not_conflict' || p.code === 'unknown_field')) {
    return cellOf(read, 'details', detailKey(p.key, p.field), 'chosen', locale);
  }
  return cellOf(read, 'sync', p.key, p.code === 'blocked' ? 'never' : 'name', locale);
};

export const problemLines = (problems: readonly Problem[], read: ReviewRead, locale: Locale): ProblemLine[] =>
  problems.map((p) => ({ text: problemText(p, locale), target: targetOf(p, read, locale) }));
