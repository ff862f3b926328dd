/**
 * A realistic Belgian dossier as it stands right after a first synchronisation: most customers
 * on both sides with equal canonical values (CRM's VAT typed in varied forms), plus what a real
 * dossier also holds: customers BOB could not send (VAT missing or wrong), suppliers, prospects,
 * CRM companies kept out of the sync, and a few CRM duplicates. Pure: the seed decides all.
 */
import { isCustomFieldKey, type BobCustomer, type Values } from '../../domain/customer';
import { CidAllocator } from './cidAllocator';
import { makeCompany, pickCountry } from './companies';
import {
  BOB_CUSTOM_FIELDS,
  CRM_CUSTOM_FIELDS,
  customValues,
  withoutBobOnlyFields,
  type BobCustomFieldDef,
  type CrmCustomFieldDef,
} from './customFields';
import type { Country } from './places';
import { Random } from './random';
import { typedVatForm, UniqueVats } from './vatNumbers';

export type CrmCompanyType = 'Customer' | 'Prospect' | 'Supplier';

/** A CRM company before the simulator gives it an id. */
export interface SandboxCrmCompany {
  type: CrmCompanyType;
  bobsync: boolean;
  values: Values;
}

export interface SandboxDossier {
  /** Sorted by code, as BOB lists third parties. */
  bob: BobCustomer[];
  crm: SandboxCrmCompany[];
  customFieldDefs: { bob: BobCustomFieldDef[]; crm: CrmCustomFieldDef[] };
  /** BOB and CRM records that are the same customer, associated by the first synchronisation. */
  pairs: Array<{ cid: string; crmIndex: number }>;
}

export interface DossierOptions {
  /** Customer third parties in BOB; suppliers, prospects and the like come on top. */
  customers: number;
  seed: number;
}

/**
 * Share of the customers, as a count. Rare cases are kept (at least one) from ten customers up,
 * so that small sandboxes still show them.
 */
export function few(customers: number, share: number): number {
  return customers < 10 ? Math.floor(customers * share) : Math.max(1, Math.round(customers * share));
}

/** Proportions of the generated dossier, relative to the number of customers. */
export const DOSSIER_SHARES = {
  missingVat: 0.03,
  invalidVat: 0.02,
  alsoSupplier: 0.05,
  suppliers: 0.1,
  prospects: 0.1,
  unticked: 0.02,
  duplicates: 0.01,
  crmWithoutVat: 0.01,
} as const;

type BobKind = 'paired' | 'missingVat' | 'invalidVat';

export function generateDossier({ customers, seed }: DossierOptions): SandboxDossier {
  if (!Number.isInteger(customers) || customers < 0) {
    throw new Error(`customers must be a non-negative integer, got ${customers}`);
  }
  const random = new Random(seed);
  const vats = new UniqueVats(random);
  const cids = new CidAllocator();
  const bob: BobCustomer[] = [];
  const crm: SandboxCrmCompany[] = [];
  const pairedCrm = new Map<SandboxCrmCompany, string>();
  const paired: BobCustomer[] = [];

  const crmCompany = (type: CrmCompanyType, bobsync: boolean, values: Values): SandboxCrmCompany => {
    const crmValues = { ...withoutBobOnlyFields(values), vat: typedVatForm(random, values.vat ?? '') };
    const company = { type, bobsync, values: crmValues };
    crm.push(company);
    return company;
  };
  const newCompany = (country: Country, vat: string): Values => {
    const company = makeCompany(random, country, vat);
    return { ...company.values, ...customValues(random, company.city, company.language) };
  };

  const missing = few(customers, DOSSIER_SHARES.missingVat);
  const invalid = few(customers, DOSSIER_SHARES.invalidVat);
  const kinds = random.shuffle<BobKind>([
    ...Array<BobKind>(missing).fill('missingVat'),
    ...Array<BobKind>(invalid).fill('invalidVat'),
    ...Array<BobKind>(customers - missing - invalid).fill('paired'),
  ]);
  for (const kind of kinds) {
    // A wrong check digit is a Belgian typo; foreign numbers come from VIES and are right.
    const country = kind === 'invalidVat' ? 'BE' : pickCountry(random);
    const vat = kind === 'missingVat' ? '' : kind === 'invalidVat' ? vats.invalidBelgian() : vats.valid(country);
    const values = newCompany(country, vat);
    const customer: BobCustomer = {
      cid: cids.allocate(values.name ?? ''),
      isCustomer: true,
      isSupplier: random.chance(DOSSIER_SHARES.alsoSupplier),
      values,
    };
    bob.push(customer);
    // Only customers with a valid VAT number could be sent to CRM by the first synchronisation.
    if (kind === 'paired') {
      pairedCrm.set(crmCompany('Customer', true, values), customer.cid);
      paired.push(customer);
    }
  }

  // The same company entered a second time in CRM, as sales people do.
  for (const original of random.shuffle(paired).slice(0, few(customers, DOSSIER_SHARES.duplicates))) {
    crmCompany('Customer', true, duplicateOf(random, original.values));
  }
  for (let i = 0; i < few(customers, DOSSIER_SHARES.unticked); i++) {
    crmCompany('Customer', false, newCompany(pickCountry(random), vats.valid('BE')));
  }
  for (let i = 0; i < few(customers, DOSSIER_SHARES.crmWithoutVat); i++) {
    crmCompany('Customer', true, newCompany('BE', ''));
  }
  for (let i = 0; i < few(customers, DOSSIER_SHARES.prospects); i++) {
    const country = pickCountry(random);
    crmCompany('Prospect', random.chance(0.3), newCompany(country, random.chance(0.6) ? vats.valid(country) : ''));
  }
  for (let i = 0; i < few(customers, DOSSIER_SHARES.suppliers); i++) {
    const country = pickCountry(random);
    const values = blankCustomValues(newCompany(country, vats.valid(country)));
    bob.push({ cid: cids.allocate(values.name ?? ''), isCustomer: false, isSupplier: true, values });
    if (random.chance(0.5)) crmCompany('Supplier', false, values);
  }

  bob.sort((a, b) => (a.cid < b.cid ? -1 : a.cid > b.cid ? 1 : 0));
  const shuffled = random.shuffle(crm);
  const pairs = shuffled
    .flatMap((company, crmIndex) => {
      const cid = pairedCrm.get(company);
      return cid === undefined ? [] : [{ cid, crmIndex }];
    })
    .sort((a, b) => (a.cid < b.cid ? -1 : a.cid > b.cid ? 1 : 0));
  return {
    bob,
    crm: shuffled,
    customFieldDefs: { bob: [...BOB_CUSTOM_FIELDS], crm: [...CRM_CUSTOM_FIELDS] },
    pairs,
  };
}

/** A second CRM entry of a company: same VAT number, name typed differently, contact not copied. */
function duplicateOf(random: Random, values: Values): Values {
  const name = values.name ?? '';
  const variants = [name.toUpperCase(), name.replace(/ \S+$/, ''), `${name.replace(/ \S+$/, '')} (siège)`];
  const typed = random.pick(variants.filter((variant) => variant !== name && variant.length <= 40));
  return { ...values, name: typed, email: '', phone: '' };
}

/** Suppliers carry the customer custom fields empty. */
function blankCustomValues(values: Values): Values {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, isCustomFieldKey(key) ? '' : value]),
  ) as Values;
}
