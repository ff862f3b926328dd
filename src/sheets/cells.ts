/** Cell values as both Excel hosts hand them over, and the few helpers every sheet needs. */
import { type Locale, stringsFor } from './strings';

/** What a cell holds once read: Office.js `values` and the xlsx reader both reduce to this. */
export type CellValue = string | number | boolean | null;

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export const columnLetters = (col0: number): string => {
  if (!Number.isInteger(col0) || col0 < 0) throw new RangeError(`column index must be a natural number: ${col0}`);
  let letters = '';
  for (let n = col0 + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
};

/** A1-style address of a 0-based (column, row): a1(11, 2) → 'L3'. */
export const a1 = (col0: number, row0: number): string => {
  if (!Number.isInteger(row0) || row0 < 0) throw new RangeError(`row index must be a natural number: ${row0}`);
  return `${columnLetters(col0)}${row0 + 1}`;
};

export const isBlank = (value: CellValue | undefined): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * The text a cell shows, for comparing read-only cells and reading free text. Numbers come back
 * when Excel re-typed a code ("0042" stays text only if the cell was text), Booleans as Excel
 * spells them in the locale.
 */
export const cellText = (value: CellValue | undefined, locale: Locale): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? stringsFor(locale).booleans.true : stringsFor(locale).booleans.false;
  return String(value);
};

/** A cell value quoted for a message: the reviewer must see exactly what is in the cell. */
export const showValue = (value: CellValue | undefined, locale: Locale): string =>
  isBlank(value) ? stringsFor(locale).empty : stringsFor(locale).quote(cellText(value, locale));
