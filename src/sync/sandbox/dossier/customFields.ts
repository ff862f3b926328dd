/**
 * The sandbox's custom fields: five BOB "champs supplémentaires" with a matching Sage CRM field
 * (`comp_` + the BOB name in lower case) and one kept for the books only, so the mapping sheet
 * has a field to leave out. Values are canonical text: numbers with a dot, dates ISO 8601,
 * booleans `true`/`false`.
 */
import { customFieldKey, customFieldName, isCustomFieldKey, type FieldKey, type Values } from '../../domain/customer';
import type { CustomFieldDef } from '../../domain/ports';
import type { City, Language } from './places';
import type { Random } from './random';

export type BobCustomFieldDef = CustomFieldDef & { tab: string };
export interface CrmCustomFieldDef {
  /** `comp_xxx` */
  name: string;
  type: CustomFieldDef['type'];
  length?: number;
}

export const BOB_CUSTOM_FIELDS: readonly BobCustomFieldDef[] = [
  { name: 'SECTEUR', type: 'string', length: 30, tab: 'Commercial' },
  { name: 'REMISE', type: 'number', tab: 'Commercial' },
  { name: 'CLIENTDEPUIS', type: 'date', tab: 'Commercial' },
  { name: 'NEWSLETTER', type: 'boolean', tab: 'Commercial' },
  { name: 'REGION', type: 'string', length: 20, tab: 'Commercial' },
  { name: 'CENTRECOUT', type: 'string', length: 10, tab: 'Comptabilité' },
];

/** BOB fields that have no CRM counterpart. */
const BOB_ONLY = new Set(['CENTRECOUT']);

export const crmFieldName = (bobName: string): string => `comp_${bobName.toLowerCase()}`;

export const CRM_CUSTOM_FIELDS: readonly CrmCustomFieldDef[] = BOB_CUSTOM_FIELDS.filter(
  (def) => !BOB_ONLY.has(def.name),
).map(({ name, type, length }) =>
  length === undefined ? { name: crmFieldName(name), type } : { name: crmFieldName(name), type, length },
);

const SECTORS: Record<Language, readonly string[]> = {
  FR: [
    'Horeca', 'Construction', 'Commerce de détail', 'Santé', 'Services aux entreprises', 'Industrie',
    'Transport et logistique', 'Agriculture', 'Artisanat', 'Non marchand',
  ],
  NL: [
    'Horeca', 'Bouw', 'Detailhandel', 'Gezondheidszorg', 'Zakelijke dienstverlening', 'Industrie',
    'Transport en logistiek', 'Landbouw', 'Ambacht', 'Social profit',
  ],
  EN: ['Hospitality', 'Construction', 'Retail', 'Healthcare', 'Business services', 'Manufacturing'],
};

const DISCOUNTS = ['0', '2', '2.5', '5', '7.5', '10', '15'];

function isoDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const sectorOf = (random: Random, language: Language): string => random.pick(SECTORS[language]);
export const discountOf = (random: Random): string => random.pick(DISCOUNTS);

/** Custom values of one customer, every BOB field present (blank when unset). */
export function customValues(random: Random, city: City, language: Language): Values {
  const region = language === 'NL' ? (city.region.NL ?? city.region.FR) : (city.region.FR ?? city.region.NL);
  return {
    [customFieldKey('SECTEUR')]: random.chance(0.9) ? sectorOf(random, language) : '',
    [customFieldKey('REMISE')]: random.chance(0.8) ? discountOf(random) : '',
    [customFieldKey('CLIENTDEPUIS')]: random.chance(0.95) ? isoDate(random, 1995, 2024) : '',
    [customFieldKey('NEWSLETTER')]: random.chance(0.6) ? 'true' : 'false',
    [customFieldKey('REGION')]: region ?? '',
    [customFieldKey('CENTRECOUT')]: random.chance(0.5) ? `CC${random.digits(3)}` : '',
  };
}

/** The values as CRM can hold them: without the custom fields CRM has no counterpart for. */
export function withoutBobOnlyFields(values: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values) as Array<[FieldKey, string]>) {
    if (isCustomFieldKey(key) && BOB_ONLY.has(customFieldName(key))) continue;
    out[key] = value;
  }
  return out;
}
