/**
 * The changes people make to a customer between two synchronisations: a move, a new phone, a new
 * e-mail domain, a new legal form, a website, a commercial custom field. Each returns only the
 * fields whose value really changes, or null when it does not apply to this customer.
 */
import { customFieldKey, type FieldKey, type Values } from '../../domain/customer';
import { citiesOf, cityName, companyDomain, emailAddress, phoneNumber, streetAddress, websiteOf } from './companies';
import { domainStem, withChangedLegalForm } from './companyNames';
import { discountOf, sectorOf } from './customFields';
import type { City, Country, Language } from './places';
import type { Random } from './random';
import { compactVat, typedVatForm } from './vatNumbers';

export type EditKind = 'address' | 'phone' | 'email' | 'legalForm' | 'website' | 'custom' | 'vatRetyped';

const COUNTRIES: readonly string[] = ['BE', 'NL', 'LU', 'FR'];
const LANGUAGES: readonly string[] = ['FR', 'NL', 'EN'];

const countryOf = (values: Values): Country =>
  COUNTRIES.includes(values.country ?? '') ? (values.country as Country) : 'BE';
const languageOf = (values: Values): Language =>
  LANGUAGES.includes(values.language ?? '') ? (values.language as Language) : 'FR';

/** The customer's city when it is one we know, so a new phone keeps its area code. */
function cityOf(random: Random, values: Values): City {
  const cities = citiesOf(countryOf(values));
  return cities.find((city) => city.postcode === values.postcode) ?? random.pick(cities);
}

/** Keeps the fields that differ from the current values; null when none does. */
function changed(values: Values, proposal: Values): Values | null {
  const out: Values = {};
  for (const [key, value] of Object.entries(proposal) as Array<[FieldKey, string]>) {
    if ((values[key] ?? '') !== value) out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function move(random: Random, values: Values): Values | null {
  const language = languageOf(values);
  const city = random.pick(citiesOf(countryOf(values)));
  return changed(values, {
    ...streetAddress(random, city, language),
    postcode: city.postcode,
    city: cityName(city, language),
  });
}

function newPhone(random: Random, values: Values): Values | null {
  return changed(values, { phone: phoneNumber(random, cityOf(random, values)) });
}

/** A rebranding or a group takeover moves the mailbox to another domain. */
function newEmailDomain(random: Random, values: Values): Values | null {
  const email = values.email ?? '';
  const stem = domainStem(values.name ?? '');
  const domain = random.pick([
    `${stem}-group.com`,
    `${stem}.eu`,
    `groupe-${stem}.be`,
    `${stem}-${random.int(1, 9)}.be`,
  ]);
  if (email === '') return changed(values, { email: emailAddress(random, domain, languageOf(values)) });
  return changed(values, { email: `${email.slice(0, email.indexOf('@'))}@${domain}` });
}

function newLegalForm(_random: Random, values: Values): Values | null {
  const name = withChangedLegalForm(values.name ?? '');
  return name === null ? null : changed(values, { name });
}

function newWebsite(random: Random, values: Values): Values | null {
  const website = values.website ?? '';
  if (website === '') {
    return changed(values, { website: websiteOf(random, companyDomain(random, values.name ?? '', countryOf(values))) });
  }
  return changed(values, { website: website.startsWith('https://') ? website.slice(8) : `https://${website}` });
}

function newCommercialTerms(random: Random, values: Values): Values | null {
  const options: Array<() => Values> = [];
  const remise = customFieldKey('REMISE');
  const secteur = customFieldKey('SECTEUR');
  const newsletter = customFieldKey('NEWSLETTER');
  if (remise in values) options.push(() => ({ [remise]: discountOf(random) }));
  if (secteur in values) options.push(() => ({ [secteur]: sectorOf(random, languageOf(values)) }));
  if (newsletter in values) options.push(() => ({ [newsletter]: values[newsletter] === 'true' ? 'false' : 'true' }));
  return options.length === 0 ? null : changed(values, random.pick(options)());
}

/** The same VAT number typed again in another form: a change of text that normalises to nothing. */
function retypedVat(random: Random, values: Values): Values | null {
  const vat = values.vat ?? '';
  return vat === '' ? null : changed(values, { vat: typedVatForm(random, compactVat(vat)) });
}

const EDITS: Record<EditKind, (random: Random, values: Values) => Values | null> = {
  address: move,
  phone: newPhone,
  email: newEmailDomain,
  legalForm: newLegalForm,
  website: newWebsite,
  custom: newCommercialTerms,
  vatRetyped: retypedVat,
};

/** How often each kind of change happens, per side. */
export const EDIT_WEIGHTS: ReadonlyArray<[EditKind, number]> = [
  ['address', 30],
  ['phone', 20],
  ['email', 15],
  ['legalForm', 10],
  ['website', 10],
  ['custom', 15],
];

/** Kinds where two people can type two different values for the same field. */
export const CONFLICTING_KINDS: readonly EditKind[] = ['address', 'phone', 'email', 'website'];

export function applyEdit(random: Random, kind: EditKind, values: Values): Values | null {
  return EDITS[kind](random, values);
}

/** Kinds in a random order drawn by weight, so the first that applies is a weighted pick. */
export function kindsByWeight(random: Random, weights: ReadonlyArray<[EditKind, number]> = EDIT_WEIGHTS): EditKind[] {
  return weights
    .map(([kind, weight]) => ({ kind, key: Math.pow(random.float(), 1 / weight) }))
    .sort((a, b) => b.key - a.key)
    .map(({ kind }) => kind);
}
