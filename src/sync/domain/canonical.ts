/**
 * The values the diff compares. Both systems hold the same facts in slightly different
 * spellings (padding, double spaces, "be 0411.905.847", upper-case e-mail); comparing raw text
 * would report those as changes on every run. Each rule here is idempotent, so a canonical
 * value written to either side reads back as the same canonical value.
 */
import type { CustomFieldSetting } from '../../contract/customFields';
import {
  CANONICAL_FIELDS,
  customFieldKey,
  type BobCustomer,
  type CanonicalField,
  type CrmCompany,
  type FieldKey,
  type Values,
} from './customer';
import { applyStringRule, conditionHolds } from './customFields';
import { normaliseVat } from './vat';

/** Text that `cleanText` would change: padding, a run of blanks, or a blank other than a space. */
const UNCLEAN = /^\s|\s$|\s\s|[^\S ]/;

/**
 * Blank padding of fixed-width BOB columns and stray double spaces are not changes. Most values
 * are clean already, and a pull cleans millions of them: the test spares a copy of each.
 */
export const cleanText = (raw: string): string => (UNCLEAN.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw);

export function canonicalValue(field: CanonicalField, raw: string | undefined): string {
  const value = cleanText(raw ?? '');
  switch (field) {
    case 'vat': {
      const result = normaliseVat(value);
      // An invalid number is kept readable so the user can see what to correct.
      return result.ok ? result.vat : value.toUpperCase();
    }
    case 'country':
      return value.toUpperCase();
    case 'email':
      return value.toLowerCase();
    default:
      return value;
  }
}

export interface CanonicalPair {
  bob: Values | null;
  crm: Values | null;
  /** The fields compared for this pair; each side's values hold exactly these keys. */
  fields: FieldKey[];
}

/**
 * Custom fields are shaped on both sides by the setting's rule, so a CRM value already in the
 * shape BOB's would take compares equal, and a value coming back from CRM is written to BOB
 * in that shape. The condition is judged on the BOB value; a customer not in BOB yet has an
 * empty one, which is what BOB will hold for the fields not carried over at its creation.
 */
export function canonicalPair(
  bob: BobCustomer,
  crm: CrmCompany,
  settings: CustomFieldSetting[],
): CanonicalPair & { bob: Values; crm: Values };
export function canonicalPair(
  bob: BobCustomer,
  crm: null,
  settings: CustomFieldSetting[],
): CanonicalPair & { bob: Values; crm: null };
export function canonicalPair(
  bob: null,
  crm: CrmCompany,
  settings: CustomFieldSetting[],
): CanonicalPair & { bob: null; crm: Values };
export function canonicalPair(
  bob: BobCustomer | null,
  crm: CrmCompany | null,
  settings: CustomFieldSetting[],
): CanonicalPair;
export function canonicalPair(
  bob: BobCustomer | null,
  crm: CrmCompany | null,
  settings: CustomFieldSetting[],
): CanonicalPair {
  const travelling = travellingFields(bob, settings);
  const canonical = (values: Values): Values => {
    const out: Values = {};
    for (const field of CANONICAL_FIELDS) out[field] = canonicalValue(field, values[field]);
    for (const setting of travelling) {
      const key = customFieldKey(setting.bobField);
      out[key] = customValue(values, setting);
    }
    return out;
  };
  return {
    bob: bob === null ? null : canonical(bob.values),
    crm: crm === null ? null : canonical(crm.values),
    fields: [...CANONICAL_FIELDS, ...travelling.map((setting) => customFieldKey(setting.bobField))],
  };
}

/** The custom fields that travel for this customer: selected, and their condition holds on the BOB value. */
const travellingFields = (bob: BobCustomer | null, settings: CustomFieldSetting[]): CustomFieldSetting[] =>
  settings.filter(
    (setting) =>
      setting.selected && conditionHolds(cleanText(bob?.values[customFieldKey(setting.bobField)] ?? ''), setting),
  );

const customValue = (values: Values, setting: CustomFieldSetting): string =>
  applyStringRule(cleanText(values[customFieldKey(setting.bobField)] ?? ''), setting);

/**
 * True when both records still hold their base in every compared field: the pair has nothing
 * pending. Most pairs of a dossier are in that state, and this answers without building their
 * canonical values, which keeps a pull of a whole dossier light. Agrees with `diffFields` over
 * `canonicalPair`: it finds no change exactly when this returns true.
 */
export function pairHoldsBase(bob: BobCustomer, crm: CrmCompany, settings: CustomFieldSetting[], base: Values): boolean {
  for (const field of CANONICAL_FIELDS) {
    const was = base[field] ?? '';
    if (canonicalValue(field, bob.values[field]) !== was || canonicalValue(field, crm.values[field]) !== was) return false;
  }
  for (const setting of travellingFields(bob, settings)) {
    const was = base[customFieldKey(setting.bobField)] ?? '';
    if (customValue(bob.values, setting) !== was || customValue(crm.values, setting) !== was) return false;
  }
  return true;
}
