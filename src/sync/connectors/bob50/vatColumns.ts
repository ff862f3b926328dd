/**
 * BOB keeps the VAT prefix (`CVATREF`) and number (`CVATNO`) apart; canonical values carry them
 * as one raw string. Neither direction normalises: the domain owns VAT normalisation, and a
 * connector that cleaned values would hide from the diff what BOB really holds.
 */
export const joinVat = (prefix: string, number: string): string => `${prefix.trim()}${number.trim()}`;

/** `'BE0411905847'` → `BE` + `0411905847`: the first two letters are the prefix, when present. */
export function splitVat(vat: string): { prefix: string; number: string } {
  const trimmed = vat.trim();
  if (/^[A-Za-z]{2}/.test(trimmed)) return { prefix: trimmed.slice(0, 2), number: trimmed.slice(2).trim() };
  return { prefix: '', number: trimmed };
}
