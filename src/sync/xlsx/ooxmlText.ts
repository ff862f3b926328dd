/**
 * Text as OOXML stores it. XML 1.0 cannot hold most control characters and turns CR LF into
 * LF, and exceljs silently drops the former; OOXML's answer is the `_xHHHH_` escape, which Excel
 * and exceljs's reader decode on load. A literal `_xHHHH_` in the data must then be escaped too,
 * or it would be decoded. With both, any string from BOB or CRM comes back exactly as it went
 * in, which the tamper checks depend on. Escapes are written in upper case, the only case
 * exceljs decodes.
 */

/** Characters XML cannot carry as they are: C0 controls but tab and LF, CR, lone surrogates, U+FFFE/F. */
const UNSAFE = [
  '[\\u0000-\\u0008\\u000B-\\u001F\\uFFFE\\uFFFF]',
  '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
  '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
].join('|');
/**
 * An underscore is escaped when a decoder would otherwise read an escape from it: followed by
 * `xHHHH` and an underscore, or by `xHHHH` and a character whose own escape starts with one.
 */
const TO_ESCAPE = new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|${UNSAFE}))|${UNSAFE}`, 'g');

const hex4 = (char: string): string => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

export const escapeText = (text: string): string => text.replace(TO_ESCAPE, (char) => `_x${hex4(char)}_`);
