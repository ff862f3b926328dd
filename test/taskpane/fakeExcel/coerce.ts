/**
 * What Excel makes of a string entered into a cell, typed or written through `values`: in a
 * cell formatted as Text it stays the string; otherwise Excel parses it as it parses typing.
 * `=…` and `@…` become formulas, `+`/`-` followed by something that is not a number too, numbers
 * become numbers ("0042" loses its zeros), Boolean words become Booleans.
 */
import type { CellValue } from '../../../src/sheets';

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?%?$/i;
const BOOLEANS: Record<string, boolean> = { true: true, false: false, vrai: true, faux: false, waar: true, onwaar: false };

export const enterText = (text: string, numberFormat: string): { value: CellValue; formula?: string } => {
  if (text === '') return { value: null };
  if (numberFormat === '@') return { value: text };
  if (NUMBER.test(text)) {
    const percent = text.endsWith('%');
    const n = Number(text.replace(',', '.').replace('%', ''));
    return { value: percent ? n / 100 : n };
  }
  if (text.length > 1 && (text[0] === '=' || text[0] === '+' || text[0] === '-' || text[0] === '@')) {
    return { value: null, formula: text[0] === '=' ? text : `=${text.replace(/^@/, '')}` };
  }
  const word = BOOLEANS[text.trim().toLowerCase()];
  return word === undefined ? { value: text } : { value: word };
};
