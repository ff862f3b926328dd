/**
 * Which characters a column's character set can store. A MySQL column in latin1 (BOB's data
 * came from Windows, so cp1252 in practice) would store "Łódź" as "?ódz" or refuse it; we find
 * such characters before writing and report them instead.
 */

/** The characters MySQL's latin1 holds beyond ISO 8859-1: it is cp1252 in truth. */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u0081\u008d\u008f\u0090\u009d');

type Repertoire = (codePoint: number, char: string) => boolean;

const REPERTOIRES: Record<string, Repertoire> = {
  ascii: (cp) => cp < 0x80,
  latin1: (cp, ch) => cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) || CP1252_EXTRAS.has(ch),
  // utf8 is utf8mb3 in MySQL and MariaDB: three bytes at most, the Basic Multilingual Plane.
  utf8: (cp) => cp <= 0xffff,
  utf8mb3: (cp) => cp <= 0xffff,
  ucs2: (cp) => cp <= 0xffff,
  utf8mb4: () => true,
  utf16: () => true,
  utf16le: () => true,
  utf32: () => true,
  binary: () => true,
};

/**
 * The distinct characters of `value` that `charset` cannot store. An absent charset stores
 * everything (SQLite); an unknown one is left to the database, which refuses in strict mode.
 */
export function unstorableCharacters(value: string, charset: string | undefined): string[] {
  const accepts = charset === undefined ? undefined : REPERTOIRES[charset.toLowerCase()];
  if (accepts === undefined) return [];
  const bad = new Set<string>();
  for (const char of value) if (!accepts(char.codePointAt(0) ?? 0, char)) bad.add(char);
  return [...bad];
}
