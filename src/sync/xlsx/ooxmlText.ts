/**
 * Text as OOXML stores it. XML 1.0 cannot hold most control characters and turns CR LF into
 * LF, and exceljs silently drops the former; OOXML's answer is the `_xHHHH_` escape, which Excel
 * decodes on load. A literal `_xHHHH_` in the data must then be escaped too, or Excel would
 * decode it. With both, any string from BOB or CRM comes back exactly as it went in, which the
 * tamper checks depend on.
 */

const LITERAL_ESCAPE = /_x[0-9A-Fa-f]{4}_/g;
/** Characters XML cannot carry as they are: C0 controls but tab and LF, CR, lone surrogates, U+FFFE/F. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const hex4 = (char: string): string => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

export const escapeText = (text: string): string =>
  text.replace(LITERAL_ESCAPE, (literal) => `_x005F${literal}`).replace(UNSAFE, (char) => `_x${hex4(char)}_`);

/** For readers that hand the stored text over as is (exceljs's streaming reader). */
export const unescapeText = (text: string): string =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
