/**
 * BOB-like third-party codes: upper-case letters and digits taken from the name, as accountants
 * type them by hand (`DUPONT`, then `DUPONT1`, `DUPONT2`... when taken).
 */

/** Legal forms say nothing about who the customer is, so they do not spend the code's width. */
const LEGAL_FORMS = new Set([
  'SA', 'SPRL', 'SPRLU', 'SRL', 'SC', 'SCRL', 'SCS', 'SNC', 'SCA', 'ASBL', 'SARL', 'SAS',
  'NV', 'BV', 'BVBA', 'CV', 'CVBA', 'VZW', 'COMMV', 'VOF', 'GCV', 'GMBH', 'AG', 'LTD',
]);

/** Used when a name has no letter or digit at all, so that a code can still be made. */
const FALLBACK_STEM = 'TIERS';

export function cidStem(name: string, width: number): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[Œœ]/g, 'OE')
    .replace(/[Ææ]/g, 'AE')
    .replace(/ß/g, 'SS')
    .replace(/\./g, '') // "S.A." is the legal form SA
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '');
  const telling = words.filter((word) => !LEGAL_FORMS.has(word));
  const stem = (telling.length > 0 ? telling : words).join('').slice(0, width);
  return stem === '' ? FALLBACK_STEM.slice(0, width) : stem;
}

/** The `attempt`-th code for a stem: the stem itself, then the stem cut short to fit a counter. */
export function cidCandidate(stem: string, attempt: number, width: number): string {
  if (attempt === 0) return stem;
  const suffix = String(attempt);
  if (suffix.length >= width) throw new Error(`No free third-party code left for ${stem}`);
  return stem.slice(0, width - suffix.length) + suffix;
}
