/**
 * What happens to a dossier between two synchronisations, as edits to write on each side: about
 * `share` of the associated customers changed on each side, some on both (the same field to
 * different values: conflicts; to the same value: converged), new customers on each side (some
 * the same company entered on both, which the next pull will match by VAT), a few deletions,
 * a few BobSync boxes unticked. Pure: the seed decides all.
 */
import type { BobCustomer, CrmCompany, FieldKey, Values } from '../../domain/customer';
import { CidAllocator } from './cidAllocator';
import { makeCompany, pickCountry } from './companies';
import { customValues, withoutBobOnlyFields } from './customFields';
import { applyEdit, CONFLICTING_KINDS, EDIT_WEIGHTS, kindsByWeight, type EditKind } from './fieldEdits';
import { few, type SandboxCrmCompany } from './generateDossier';
import { Random } from './random';
import { compactVat, typedVatForm, UniqueVats } from './vatNumbers';

export interface PlanEditsOptions {
  seed: number;
  bob: readonly BobCustomer[];
  crm: readonly CrmCompany[];
  /** Share of the associated customers changed on each side; 0.1 when not given. */
  share?: number;
}

export interface PlannedEdits {
  bob: {
    update: Array<{ cid: string; values: Values }>;
    create: Array<{ cid: string; values: Values }>;
    remove: string[];
  };
  crm: {
    update: Array<{ id: string; values: Values }>;
    create: SandboxCrmCompany[];
    remove: string[];
    untick: string[];
  };
}

/** Of the customers changed on both sides, how many changed the same field, and how. */
const BOTH_SIDES = 0.3;
const CONFLICTS_OF_BOTH = 0.5;
const CONVERGED_OF_BOTH = 0.25;
/** New customers per side, relative to the customers changed, and how many of them on both sides. */
const NEW_PER_CHANGED = 0.2;
const NEW_ON_BOTH = 1 / 3;
const REMOVALS = 0.005;
const VAT_FIXES = 0.005;
/** A CRM-only change is now and then only the VAT number typed again in another form. */
const CRM_WEIGHTS: ReadonlyArray<[EditKind, number]> = [...EDIT_WEIGHTS, ['vatRetyped', 5]];

interface Pair {
  bob: BobCustomer;
  crm: CrmCompany;
}

const isEligibleCrm = (company: CrmCompany): boolean =>
  !company.deleted && company.type === 'Customer' && company.bobsync;

/**
 * The customers associated by the first synchronisation, found the way it found them: the one
 * BOB customer and the one eligible CRM customer sharing a VAT number.
 */
function pairByVat(bob: readonly BobCustomer[], crm: readonly CrmCompany[]): Pair[] {
  const byVat = <T>(records: readonly T[], vat: (record: T) => string) => {
    const groups = new Map<string, T[]>();
    for (const record of records) {
      const key = compactVat(vat(record));
      if (key === '') continue;
      groups.set(key, [...(groups.get(key) ?? []), record]);
    }
    return groups;
  };
  const bobGroups = byVat(bob.filter((c) => c.isCustomer), (c) => c.values.vat ?? '');
  const crmGroups = byVat(crm.filter(isEligibleCrm), (c) => c.values.vat ?? '');
  const pairs: Pair[] = [];
  for (const [vat, bobSide] of bobGroups) {
    const crmSide = crmGroups.get(vat);
    if (bobSide.length === 1 && crmSide?.length === 1) pairs.push({ bob: bobSide[0], crm: crmSide[0] });
  }
  return pairs;
}

/** The first kind in a weighted order that changes something on this customer. */
function someEdit(
  random: Random,
  values: Values,
  weights: ReadonlyArray<[EditKind, number]>,
  avoid: ReadonlySet<EditKind> = new Set(),
): { kind: EditKind; values: Values } | null {
  for (const kind of kindsByWeight(random, weights)) {
    if (avoid.has(kind)) continue;
    const edit = applyEdit(random, kind, values);
    if (edit !== null) return { kind, values: edit };
  }
  return null;
}

/** The same field changed on both sides, to values that differ from each other. */
function conflictingEdits(random: Random, pair: Pair): { bob: Values; crm: Values } | null {
  for (const kind of random.shuffle(CONFLICTING_KINDS)) {
    const bob = applyEdit(random, kind, pair.bob.values);
    const crm = applyEdit(random, kind, pair.crm.values);
    if (bob === null || crm === null) continue;
    const shared = (Object.keys(bob) as FieldKey[]).filter((key) => key in crm);
    if (shared.some((key) => bob[key] !== crm[key])) return { bob, crm };
  }
  return null;
}

export function planEdits({ seed, bob, crm, share = 0.1 }: PlanEditsOptions): PlannedEdits {
  if (!(share >= 0 && share <= 1)) throw new Error(`share must be between 0 and 1, got ${share}`);
  const random = new Random(seed);
  const plan: PlannedEdits = {
    bob: { update: [], create: [], remove: [] },
    crm: { update: [], create: [], remove: [], untick: [] },
  };
  const updateBob = (cid: string, values: Values) => plan.bob.update.push({ cid, values });
  const updateCrm = (id: string, values: Values) => plan.crm.update.push({ id, values });

  const pairs = random.shuffle(pairByVat(bob, crm));
  const changedPerSide = Math.round(share * pairs.length);
  // Both sides draw from the same shuffled list and overlap on `both` customers.
  const both = Math.max(Math.round(changedPerSide * BOTH_SIDES), 2 * changedPerSide - pairs.length);
  const bobOnly = pairs.slice(0, changedPerSide - both);
  const onBothSides = pairs.slice(changedPerSide - both, changedPerSide);
  const crmOnly = pairs.slice(changedPerSide, 2 * changedPerSide - both);
  const untouched = pairs.slice(2 * changedPerSide - both);

  for (const pair of bobOnly) {
    const edit = someEdit(random, pair.bob.values, EDIT_WEIGHTS);
    if (edit !== null) updateBob(pair.bob.cid, edit.values);
  }
  for (const pair of crmOnly) {
    const edit = someEdit(random, pair.crm.values, CRM_WEIGHTS);
    if (edit !== null) updateCrm(pair.crm.id, edit.values);
  }
  const conflicts = Math.ceil(both * CONFLICTS_OF_BOTH);
  const converged = Math.round(both * CONVERGED_OF_BOTH);
  onBothSides.forEach((pair, index) => {
    const conflict = index < conflicts ? conflictingEdits(random, pair) : null;
    if (conflict !== null) {
      updateBob(pair.bob.cid, conflict.bob);
      updateCrm(pair.crm.id, conflict.crm);
      return;
    }
    const bobEdit = someEdit(random, pair.bob.values, EDIT_WEIGHTS);
    if (bobEdit === null) return;
    updateBob(pair.bob.cid, bobEdit.values);
    if (index < conflicts + converged) {
      updateCrm(pair.crm.id, { ...bobEdit.values });
      return;
    }
    // Different fields on each side: both changes travel, neither conflicts.
    const crmEdit = someEdit(random, pair.crm.values, EDIT_WEIGHTS, new Set([bobEdit.kind]));
    if (crmEdit !== null) updateCrm(pair.crm.id, crmEdit.values);
  });

  const removals = few(pairs.length, REMOVALS);
  plan.bob.remove = untouched.slice(0, removals).map((pair) => pair.bob.cid);
  plan.crm.remove = untouched.slice(removals, 2 * removals).map((pair) => pair.crm.id);
  plan.crm.untick = untouched.slice(2 * removals, 3 * removals).map((pair) => pair.crm.id);

  // The accountant completes VAT numbers BOB lacked: those customers become eligible.
  const vats = new UniqueVats(random, [...bob.map((c) => c.values.vat ?? ''), ...crm.map((c) => c.values.vat ?? '')]);
  const withoutVat = bob.filter((c) => c.isCustomer && (c.values.vat ?? '') === '');
  for (const customer of random.shuffle(withoutVat).slice(0, few(pairs.length, VAT_FIXES))) {
    updateBob(customer.cid, { vat: vats.valid('BE') });
  }

  const cids = new CidAllocator(bob.map((c) => c.cid));
  const newCustomers = changedPerSide === 0 ? 0 : Math.max(1, Math.round(changedPerSide * NEW_PER_CHANGED));
  const newOnBoth = Math.ceil(newCustomers * NEW_ON_BOTH);
  const newCompany = (): Values => {
    const country = pickCountry(random);
    const company = makeCompany(random, country, vats.valid(country));
    return { ...company.values, ...customValues(random, company.city, company.language) };
  };
  const toCrm = (values: Values): Values => ({
    ...withoutBobOnlyFields(values),
    vat: typedVatForm(random, values.vat ?? ''),
  });
  for (let i = 0; i < newCustomers; i++) {
    const values = newCompany();
    plan.bob.create.push({ cid: cids.allocate(values.name ?? ''), values });
    // Entered on both sides independently: CRM has it with less detail.
    if (i < newOnBoth) {
      plan.crm.create.push({ type: 'Customer', bobsync: true, values: { ...toCrm(values), phone: '' } });
    }
  }
  for (let i = newOnBoth; i < newCustomers; i++) {
    const prospect = random.chance(0.15);
    plan.crm.create.push({ type: prospect ? 'Prospect' : 'Customer', bobsync: !prospect, values: toCrm(newCompany()) });
  }

  return plan;
}
