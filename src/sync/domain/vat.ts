/**
 * VAT numbers are the key that matches customers across BOB 50 and Sage CRM, so both sides
 * must reduce every written form ("BE 0411.905.847", "be0411905847", "BE (0)411 905 847") to
 * one string before comparing. Validation is stdnum's; this module only cleans and maps.
 */
import { euVat } from 'stdnum';

export type VatErrorCode = 'empty' | 'unknown_country' | 'bad_format' | 'bad_checksum' | 'invalid';

export type VatResult =
  | { ok: true; vat: string; country: string; number: string }
  | { ok: false; code: VatErrorCode; message: string };

/** Separators people type inside VAT numbers; a comma is not one of them (it hides a typo). */
const SEPARATORS = /[\s.\-/():]/g;

/** stdnum's map also covers Andorra and Switzerland, whose numbers are not EU VAT numbers. */
const NOT_EU = new Set(['AD', 'CH']);

/** Greece writes its VAT prefix EL while its ISO code (and stdnum's key) is GR. */
const validatorKey = (prefix: string): string => (prefix === 'EL' ? 'GR' : prefix);

/**
 * stdnum (koblas) accepts a Dutch suffix `B00`, which python-stdnum rejects: the company
 * counter after the B starts at 01. Without this, "NL009122746B00" would pass as valid.
 */
const dutchSuffixIsZero = (number: string): boolean => number.endsWith('B00');

const STDNUM_ERROR_CODES: Record<string, VatErrorCode> = {
  InvalidFormat: 'bad_format',
  InvalidLength: 'bad_format',
  InvalidChecksum: 'bad_checksum',
  InvalidComponent: 'invalid',
};

/**
 * A pull checks every record's VAT number several times (eligibility, matching, comparison) and
 * stdnum's validation is the costliest step of it; results are remembered per cleaned input.
 * Bounded so that a long-running service does not keep every number it ever saw.
 */
const remembered = new Map<string, VatResult>();
const REMEMBER_AT_MOST = 500_000;

export function normaliseVat(input: string): VatResult {
  const known = remembered.get(input);
  if (known) return known;
  const result = validateVat(input);
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(input, result);
  return result;
}

function validateVat(input: string): VatResult {
  const cleaned = input.toUpperCase().replace(SEPARATORS, '');
  if (cleaned === '') return { ok: false, code: 'empty', message: 'No VAT number.' };

  const written = cleaned.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(written)) {
    return { ok: false, code: 'unknown_country', message: `"${input}" does not start with a country prefix.` };
  }
  // GR is not a VAT prefix but people type it; EL is what VIES and invoices use.
  const country = written === 'GR' ? 'EL' : written;
  const validator = NOT_EU.has(country) ? undefined : euVat[validatorKey(country)]?.[0];
  if (validator === undefined) {
    return { ok: false, code: 'unknown_country', message: `"${written}" is not an EU VAT country prefix.` };
  }

  const result = validator.validate(cleaned);
  if (!result.isValid) {
    const code = STDNUM_ERROR_CODES[result.error.name] ?? 'invalid';
    return { ok: false, code, message: `"${input}" is not a valid ${country} VAT number: ${result.error.message}` };
  }
  if (country === 'NL' && dutchSuffixIsZero(result.compact)) {
    const message = `"${input}" is not a valid NL VAT number: the suffix B00 does not exist.`;
    return { ok: false, code: 'bad_format', message };
  }
  return { ok: true, vat: `${country}${result.compact}`, country, number: result.compact };
}

/**
 * BOB keeps the prefix (`CVATREF`) and the number (`CVATNO`) apart, and users sometimes type
 * the prefix into the number as well; joining must not double it. A prefix alone (BOB fills
 * one in by default) is no VAT number.
 */
export function vatFromBob(prefix: string, number: string): string {
  const ref = prefix.trim();
  const no = number.trim();
  if (ref === '' || no === '' || no.toUpperCase().startsWith(ref.toUpperCase())) return no;
  return `${ref}${no}`;
}

/** Splits a VAT number into BOB's two columns; throws when it is not a valid one. */
export function vatToBob(vat: string): { prefix: string; number: string } {
  const result = normaliseVat(vat);
  if (!result.ok) throw new Error(`Cannot store an invalid VAT number in BOB: ${result.message}`);
  return { prefix: result.country, number: result.number };
}
