/** One company's canonical values: where it is, how to reach it, in which language. */
import type { Values } from '../../domain/customer';
import { companyName, domainStem } from './companyNames';
import {
  BELGIAN_CITIES,
  MOBILE_PREFIXES,
  NEIGHBOUR_CITIES,
  STREETS,
  type City,
  type Country,
  type Language,
} from './places';
import type { Random } from './random';

/** Most customers of a Belgian dossier are Belgian; the rest come from across the borders. */
export function pickCountry(random: Random): Country {
  const roll = random.float();
  if (roll < 0.9) return 'BE';
  if (roll < 0.95) return 'NL';
  if (roll < 0.98) return 'FR';
  return 'LU';
}

export const citiesOf = (country: Country): readonly City[] =>
  country === 'BE' ? BELGIAN_CITIES : NEIGHBOUR_CITIES[country];

function pickLanguage(random: Random, city: City): Language {
  const { FR, NL } = city.names;
  if (FR !== undefined && NL !== undefined) {
    const roll = random.float();
    return roll < 0.6 ? 'FR' : roll < 0.93 ? 'NL' : 'EN';
  }
  if (city.country === 'BE' && random.chance(0.03)) return 'EN';
  return NL !== undefined ? 'NL' : 'FR';
}

/** The city as a customer writing in this language names it (Bruxelles, Brussel). */
export function cityName(city: City, language: Language): string {
  const name = language === 'NL' ? (city.names.NL ?? city.names.FR) : (city.names.FR ?? city.names.NL);
  if (name === undefined) throw new Error(`City ${city.postcode} has no name`);
  return name;
}

export function streetAddress(random: Random, city: City, language: Language): { address1: string; address2: string } {
  const belgianStreets = language === 'NL' || city.names.FR === undefined ? STREETS['BE-NL'] : STREETS['BE-FR'];
  const streets = city.country === 'BE' ? belgianStreets : STREETS[city.country];
  const street = random.pick(streets);
  const number = String(random.int(1, 250));
  // Belgians and the Dutch put the number after the street, the French and Luxembourgers before.
  const address1 = city.country === 'BE' || city.country === 'NL' ? `${street} ${number}` : `${number} ${street}`;
  const roll = random.float();
  let address2 = '';
  if (roll < 0.1) address2 = language === 'NL' ? `Bus ${random.int(1, 20)}` : `Boîte ${random.int(1, 20)}`;
  else if (roll < 0.15) address2 = language === 'NL' ? 'Industriezone Noord' : 'Zoning industriel des Hauts-Sarts';
  return { address1, address2 };
}

const group = (random: Random, size: number): string =>
  String(random.int(size === 1 ? 1 : 10 ** (size - 1) * 2, 10 ** size - 1));

/** A telephone number in the international form people copy from letterheads. */
export function phoneNumber(random: Random, city: City): string {
  switch (city.country) {
    case 'BE':
      if (random.chance(0.15)) {
        return `+32 4${random.pick(MOBILE_PREFIXES)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`;
      }
      return city.zone.length === 1
        ? `+32 ${city.zone} ${group(random, 3)} ${random.digits(2)} ${random.digits(2)}`
        : `+32 ${city.zone} ${group(random, 2)} ${random.digits(2)} ${random.digits(2)}`;
    case 'NL':
      return city.zone.length === 2
        ? `+31 ${city.zone} ${group(random, 3)} ${random.digits(4)}`
        : `+31 ${city.zone} ${group(random, 2)} ${random.digits(2)} ${random.digits(2)}`;
    case 'LU':
      return `+352 ${group(random, 2)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`;
    case 'FR':
      return `+33 ${city.zone} ${group(random, 2)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`;
  }
}

const TOP_LEVEL: Record<Country, string> = { BE: 'be', NL: 'nl', LU: 'lu', FR: 'fr' };
const FREE_MAIL = ['skynet.be', 'telenet.be', 'proximus.be', 'gmail.com', 'outlook.com', 'hotmail.com'];
const MAILBOXES: Record<Language, readonly string[]> = {
  FR: ['info', 'contact', 'comptabilite', 'facturation', 'secretariat'],
  NL: ['info', 'boekhouding', 'facturatie', 'administratie'],
  EN: ['info', 'accounts', 'office'],
};

export function companyDomain(random: Random, name: string, country: Country): string {
  return `${domainStem(name)}.${random.chance(0.1) ? 'com' : TOP_LEVEL[country]}`;
}

export function emailAddress(random: Random, domain: string, language: Language): string {
  if (random.chance(0.15)) {
    const owner = domain.slice(0, domain.lastIndexOf('.')).replace(/-/g, '.');
    return `${owner}@${random.pick(FREE_MAIL)}`;
  }
  return `${random.pick(MAILBOXES[language])}@${domain}`;
}

export const websiteOf = (random: Random, domain: string): string =>
  random.chance(0.2) ? `https://www.${domain}` : `www.${domain}`;

export interface Company {
  city: City;
  language: Language;
  /** Canonical values without custom fields; `vat` as BOB holds it (compact). */
  values: Values;
}

/** A company of this country with the given VAT number ('' for none). */
export function makeCompany(random: Random, country: Country, vat: string): Company {
  const city = random.pick(citiesOf(country));
  const language = pickLanguage(random, city);
  const name = companyName(random, country, language);
  const domain = companyDomain(random, name, country);
  return {
    city,
    language,
    values: {
      name,
      ...streetAddress(random, city, language),
      postcode: city.postcode,
      city: cityName(city, language),
      country,
      vat,
      language,
      phone: random.chance(0.9) ? phoneNumber(random, city) : '',
      email: random.chance(0.85) ? emailAddress(random, domain, language) : '',
      website: random.chance(0.7) ? websiteOf(random, domain) : '',
    },
  };
}
