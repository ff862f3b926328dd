/**
 * VAT numbers that pass (or, on purpose, fail) the official check rules, and the forms people
 * type them in. BOB holds them compact ('BE' + 10 digits); CRM users type whatever they like.
 */
import type { Random } from './random';
import type { Country } from './places';

/** Last two digits of a Belgian enterprise number: 97 − (first eight mod 97). */
export function belgianCheck(firstEight: string): string {
  return String(97 - (Number(firstEight) % 97)).padStart(2, '0');
}

/**
 * A valid Belgian VAT number. The 0-series was issued until 2023 (real ones run from 02…
 * upwards); the 1-series since then, so its numbers are still low (10…).
 */
export function belgianVat(random: Random, series: 0 | 1): string {
  const firstEight = series === 0 ? `0${random.int(2_000_000, 9_999_999)}` : `10${random.digits(6)}`;
  return `BE${firstEight}${belgianCheck(firstEight)}`;
}

/** A Belgian VAT number whose check digits are wrong, as a typo leaves it. */
export function invalidBelgianVat(random: Random): string {
  const valid = belgianVat(random, 0);
  const check = Number(valid.slice(10));
  // Check digits run from 1 to 97; shifting within that range never lands on the right one.
  const wrong = ((check - 1 + random.int(1, 96)) % 97) + 1;
  return `${valid.slice(0, 10)}${String(wrong).padStart(2, '0')}`;
}

/** NL + 9 digits passing the eleven-test + B + 2 digits. */
function dutchVat(random: Random): string {
  for (;;) {
    const eight = random.digits(8);
    const sum = [...eight].reduce((total, digit, i) => total + Number(digit) * (9 - i), 0);
    const last = sum % 11;
    if (last < 10) return `NL${eight}${last}B${String(random.int(1, 3)).padStart(2, '0')}`;
  }
}

/** LU + 6 digits + (those six mod 89). */
function luxembourgVat(random: Random): string {
  const six = String(random.int(100_000, 999_999));
  return `LU${six}${String(Number(six) % 89).padStart(2, '0')}`;
}

/** Luhn check digit of a digit string. */
function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** FR + 2-digit key + SIREN (9 digits, Luhn), key = (12 + 3 × (SIREN mod 97)) mod 97. */
function frenchVat(random: Random): string {
  const eight = String(random.int(30_000_000, 99_999_999));
  const siren = eight + luhnDigit(eight);
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

/** A valid VAT number of a company in this country (Belgium: 0- or 1-series as asked). */
export function vatFor(random: Random, country: Country, belgianSeries: 0 | 1): string {
  switch (country) {
    case 'BE':
      return belgianVat(random, belgianSeries);
    case 'NL':
      return dutchVat(random);
    case 'LU':
      return luxembourgVat(random);
    case 'FR':
      return frenchVat(random);
  }
}

const dotted = (digits: string, sizes: number[], separator: string): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
};

/**
 * The same VAT number as a CRM user might have typed it: spaces, dots, dashes, lower case. Every
 * form keeps the country prefix, so normalising (upper-case, drop separators) gives back `vat`.
 */
export function typedVatForm(random: Random, vat: string): string {
  if (vat === '') return vat;
  const prefix = vat.slice(0, 2);
  const number = vat.slice(2);
  if (random.chance(0.4)) return vat;
  switch (prefix) {
    case 'BE':
      return random.pick([
        `BE ${dotted(number, [4, 3, 3], '.')}`,
        `BE ${dotted(number, [4, 3, 3], ' ')}`,
        `BE${dotted(number, [4, 3, 3], '.')}`,
        `be${number}`,
        `BE-${dotted(number, [4, 3, 3], '.')}`,
        `BE ${number}`,
      ]);
    case 'NL':
      return random.pick([`NL ${number}`, `NL ${dotted(number, [4, 2, 3, 3], '.')}`, `nl${number.toLowerCase()}`]);
    case 'LU':
      return random.pick([`LU ${number}`, `LU ${dotted(number, [4, 4], ' ')}`]);
    default:
      return random.pick([`${prefix} ${number}`, `${prefix} ${dotted(number, [2, 3, 3, 3], ' ')}`]);
  }
}

/** Upper case without separators: the forms above all compact to the number BOB holds. */
export const compactVat = (typed: string): string => typed.toUpperCase().replace(/[\s.\-/]/g, '');

/** Hands out VAT numbers never used before in the dossier: a VAT number identifies a company. */
export class UniqueVats {
  private readonly used: Set<string>;

  constructor(
    private readonly random: Random,
    existing: Iterable<string> = [],
  ) {
    this.used = new Set([...existing].map(compactVat).filter((vat) => vat !== ''));
  }

  /** Valid; Belgian ones are of the 1-series about one time in eight. */
  valid(country: Country): string {
    return this.unused(() => vatFor(this.random, country, this.random.chance(0.12) ? 1 : 0));
  }

  invalidBelgian(): string {
    return this.unused(() => invalidBelgianVat(this.random));
  }

  private unused(make: () => string): string {
    for (;;) {
      const vat = make();
      if (!this.used.has(vat)) {
        this.used.add(vat);
        return vat;
      }
    }
  }
}
