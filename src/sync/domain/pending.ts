/**
 * What the "mise à jour des synchronisations" proposes: from both systems' records and our
 * associations, the pending rows the accountant reviews and the global view of every customer.
 * Runs on whole dossiers (100,000 customers a side), so every lookup goes through a Map.
 */
import type { CustomFieldSetting } from '../../contract/customFields';
import type { Blocked, Direction, FieldChange, PendingRow, RowKind } from '../../contract/pending';
import type { AssociationView, IneligibleReason } from '../../contract/views';
import type { Association } from './association';
import { canonicalPair, canonicalValue, pairHoldsBase } from './canonical';
import type { BobCustomer, CrmCompany, FieldKey, Side, Values } from './customer';
import { diffFields } from './diff';
import { bobEligibility, crmEligibility } from './eligibility';
import { rowVersion } from './version';

const KEY_SEPARATOR = '⇄';

export const rowKey = (bobId: string | null, crmId: string | null): string =>
  `${bobId ?? ''}${KEY_SEPARATOR}${crmId ?? ''}`;

export function parseRowKey(key: string): { bobId: string | null; crmId: string | null } {
  const parts = key.split(KEY_SEPARATOR);
  if (parts.length !== 2 || (parts[0] === '' && parts[1] === '')) {
    throw new Error(`"${key}" is not a row key (<CID>${KEY_SEPARATOR}<CRM id>).`);
  }
  return { bobId: parts[0] === '' ? null : parts[0], crmId: parts[1] === '' ? null : parts[1] };
}

export interface PendingInput {
  /** BOB's records, or their index made with `indexBob` (while the CRM side is still being read). */
  bob: BobCustomer[] | BobIndex;
  crm: CrmCompany[];
  associations: Association[];
  settings: CustomFieldSetting[];
  policy: Side;
}

export interface PendingResult {
  rows: PendingRow[];
  view: AssociationView[];
}

/** A record of one side with what every rule below needs, computed once per record. */
interface Entry<R> {
  record: R;
  id: string;
  label: string;
  reasons: IneligibleReason[];
  name: string;
  vat: string;
  vatValid: boolean;
}

function entries<R extends { values: Values }>(
  records: R[],
  idOf: (record: R) => string,
  eligibility: (record: R) => IneligibleReason[],
  system: string,
): Map<string, Entry<R>> {
  const byId = new Map<string, Entry<R>>();
  for (const record of records) {
    const id = idOf(record);
    if (byId.has(id)) throw new Error(`${system} returned "${id}" twice.`);
    const reasons = eligibility(record);
    byId.set(id, {
      record,
      id,
      label: `${system} ${id}`,
      reasons,
      name: canonicalValue('name', record.values.name),
      vat: canonicalValue('vat', record.values.vat),
      vatValid: !reasons.includes('no_vat') && !reasons.includes('invalid_vat'),
    });
  }
  return byId;
}

/** BOB's records with what every rule needs, computed once: see `indexBob`. */
export interface BobIndex {
  readonly entries: Map<string, Entry<BobCustomer>>;
}

/**
 * Prepares BOB's side of a pull on its own. BOB is read long before CRM's pages have all come
 * in, so the engine does this work meanwhile rather than after.
 */
export const indexBob = (records: BobCustomer[]): BobIndex => ({
  entries: entries(records, (r) => r.cid, bobEligibility, 'BOB'),
});

function indexAssociations(associations: Association[]): {
  ofBob: Map<string, Association>;
  ofCrm: Map<string, Association>;
} {
  const ofBob = new Map<string, Association>();
  const ofCrm = new Map<string, Association>();
  const claim = (map: Map<string, Association>, id: string, association: Association, system: string): void => {
    const other = map.get(id);
    if (other !== undefined) {
      throw new Error(`${system} "${id}" belongs to two associations (${other.id} and ${association.id}).`);
    }
    map.set(id, association);
  };
  for (const association of associations) {
    if (association.bobId === null && association.crmId === null) {
      throw new Error(`Association ${association.id} has neither a BOB nor a CRM id.`);
    }
    if (association.bobId !== null) claim(ofBob, association.bobId, association, 'BOB third party');
    if (association.crmId !== null) claim(ofCrm, association.crmId, association, 'CRM company');
  }
  return { ofBob, ofCrm };
}

/** A pair, or a lone record the user excluded, keeps its VAT number out of new matches. */
const holdsItsRecords = (association: Association): boolean =>
  association.never !== null || (association.bobId !== null && association.crmId !== null);

const MAX_NAMED = 10;

/**
 * The others in a group of `labels` (sorted, unique). Only the head of the list is looked at,
 * so a VAT number shared by thousands of records stays linear.
 */
function othersThan(own: string, labels: string[]): Blocked {
  const others = labels
    .slice(0, MAX_NAMED + 1)
    .filter((label) => label !== own)
    .slice(0, MAX_NAMED);
  return { others, more: labels.length - 1 - others.length, bob: [], crm: [] };
}

const othersInWords = ({ others, more }: Blocked): string =>
  more > 0 ? `${others.join(', ')} and ${more} more` : others.join(', ');

function creationChanges(values: Values, fields: FieldKey[], direction: Direction): FieldChange[] {
  return fields.flatMap((field): FieldChange[] => {
    const value = values[field] ?? '';
    if (value === '') return [];
    return [
      {
        field,
        base: null,
        bob: direction === 'bob>crm' ? value : null,
        crm: direction === 'crm>bob' ? value : null,
        status: direction,
        proposed: direction,
      },
    ];
  });
}

function pendingRow(
  kind: RowKind,
  bobId: string | null,
  crmId: string | null,
  sides: { bob: Values | null; crm: Values | null; fallback?: Values | null },
  changes: FieldChange[],
  blocked?: { reason: string; why: Blocked },
): PendingRow {
  const shown = sides.bob ?? sides.crm ?? sides.fallback ?? {};
  return {
    key: rowKey(bobId, crmId),
    version: rowVersion(sides.bob, sides.crm),
    kind,
    bobId,
    crmId,
    name: shown.name ?? '',
    vat: shown.vat ?? '',
    changes,
    blockedReason: blocked?.reason ?? '',
    ...(blocked ? { blocked: blocked.why } : {}),
  };
}

/** Accent- and case-insensitive, so "École" sorts beside "Ecole", not after "Z". */
const sortKey = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function sortByNameThenKey<T extends { name: string; key: string }>(items: T[]): T[] {
  const decorated = items.map((item) => ({ item, sort: sortKey(item.name) }));
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  decorated.sort(
    (a, b) => compare(a.sort, b.sort) || compare(a.item.name, b.item.name) || compare(a.item.key, b.item.key),
  );
  return decorated.map(({ item }) => item);
}

interface Context {
  settings: CustomFieldSetting[];
  policy: Side;
  bobs: Map<string, Entry<BobCustomer>>;
  crms: Map<string, Entry<CrmCompany>>;
}

function associationView(
  association: Association,
  bob: Entry<BobCustomer> | undefined,
  crm: Entry<CrmCompany> | undefined,
): AssociationView {
  const shown = bob ?? crm;
  return {
    key: rowKey(association.bobId, association.crmId),
    bobId: association.bobId,
    crmId: association.crmId,
    name: shown?.name ?? association.base?.name ?? '',
    vat: shown?.vat ?? association.base?.vat ?? '',
    state: association.bobId === null ? 'crm_only' : association.crmId === null ? 'bob_only' : 'associated',
    bobIneligible: association.bobId === null ? [] : (bob?.reasons ?? ['missing']),
    crmIneligible: association.crmId === null ? [] : (crm?.reasons ?? ['missing']),
    never: association.never !== null,
    neverReason: association.never?.reason ?? '',
    neverBy: association.never?.by ?? '',
    neverAt: association.never?.at ?? '',
    lastSyncAt: association.lastSyncAt ?? '',
  };
}

function unassociatedView(entry: Entry<unknown>, side: Side): AssociationView {
  return {
    key: side === 'bob' ? rowKey(entry.id, null) : rowKey(null, entry.id),
    bobId: side === 'bob' ? entry.id : null,
    crmId: side === 'crm' ? entry.id : null,
    name: entry.name,
    vat: entry.vat,
    state: side === 'bob' ? 'bob_only' : 'crm_only',
    bobIneligible: side === 'bob' ? entry.reasons : [],
    crmIneligible: side === 'crm' ? entry.reasons : [],
    never: false,
    neverReason: '',
    neverBy: '',
    neverAt: '',
    lastSyncAt: '',
  };
}

/** The row of a pair the user has not excluded, or null when nothing changed. */
function pairRow(association: Association, view: AssociationView, ctx: Context): PendingRow | null {
  const { bobId, crmId } = view;
  const bob = bobId === null ? undefined : ctx.bobs.get(bobId);
  const crm = crmId === null ? undefined : ctx.crms.get(crmId);
  if (bob === undefined || crm === undefined || view.bobIneligible.length > 0 || view.crmIneligible.length > 0) {
    const why = [
      ...(view.bobIneligible.length > 0 ? [`BOB: ${view.bobIneligible.join(', ')}`] : []),
      ...(view.crmIneligible.length > 0 ? [`CRM: ${view.crmIneligible.join(', ')}`] : []),
    ].join('; ');
    const pair = canonicalPair(bob?.record ?? null, crm?.record ?? null, ctx.settings);
    const blocked = { reason: why, why: { others: [], more: 0, bob: view.bobIneligible, crm: view.crmIneligible } };
    return pendingRow('removed', bobId, crmId, { ...pair, fallback: association.base }, [], blocked);
  }
  if (association.base !== null && pairHoldsBase(bob.record, crm.record, ctx.settings, association.base)) return null;
  const pair = canonicalPair(bob.record, crm.record, ctx.settings);
  const changes = diffFields(association.base, pair.bob, pair.crm, pair.fields, ctx.policy);
  // Without a base the pair was never synchronised: the row must appear to set one.
  if (association.base === null) return pendingRow('link', bobId, crmId, pair, changes);
  return changes.length > 0 ? pendingRow('update', bobId, crmId, pair, changes) : null;
}

interface VatGroup {
  bob: Entry<BobCustomer>[];
  crm: Entry<CrmCompany>[];
  /** Records out of the matching pool (paired or excluded) that hold the same VAT number. */
  taken: string[];
}

/** Rows for unassociated records that share one VAT number: a match, a creation, or duplicates. */
function groupRows(vat: string, group: VatGroup, ctx: Context): PendingRow[] {
  const [bob] = group.bob;
  const [crm] = group.crm;
  if (group.taken.length === 0 && group.bob.length <= 1 && group.crm.length <= 1) {
    if (bob !== undefined && crm !== undefined) {
      const pair = canonicalPair(bob.record, crm.record, ctx.settings);
      return [pendingRow('link', bob.id, crm.id, pair, diffFields(null, pair.bob, pair.crm, pair.fields, ctx.policy))];
    }
    if (bob !== undefined) {
      const { fields, bob: values } = canonicalPair(bob.record, null, ctx.settings);
      const changes = creationChanges(values, fields, 'bob>crm');
      return [pendingRow('create_crm', bob.id, null, { bob: values, crm: null }, changes)];
    }
    if (crm !== undefined) {
      const { fields, crm: values } = canonicalPair(null, crm.record, ctx.settings);
      const changes = creationChanges(values, fields, 'crm>bob');
      return [pendingRow('create_bob', null, crm.id, { bob: null, crm: values }, changes)];
    }
    return [];
  }
  // Matching or creating any of these would leave two customers with one VAT number. Sorted,
  // so a reason reads the same whichever of the others were excluded since.
  const labels = [...group.bob.map((e) => e.label), ...group.crm.map((e) => e.label), ...group.taken].sort();
  const blocked = (own: string) => {
    const why = othersThan(own, labels);
    return { reason: `VAT ${vat} is also held by ${othersInWords(why)}.`, why };
  };
  return [
    ...group.bob.map((e) =>
      pendingRow('duplicate', e.id, null, canonicalPair(e.record, null, ctx.settings), [], blocked(e.label)),
    ),
    ...group.crm.map((e) =>
      pendingRow('duplicate', null, e.id, canonicalPair(null, e.record, ctx.settings), [], blocked(e.label)),
    ),
  ];
}

export function computePending(input: PendingInput): PendingResult {
  const ctx: Context = {
    settings: input.settings,
    policy: input.policy,
    bobs: Array.isArray(input.bob) ? indexBob(input.bob).entries : input.bob.entries,
    crms: entries(input.crm, (r) => r.id, crmEligibility, 'CRM'),
  };
  const { ofBob, ofCrm } = indexAssociations(input.associations);
  const rows: PendingRow[] = [];
  const view: AssociationView[] = [];
  const groups = new Map<string, VatGroup>();
  const groupOf = (vat: string): VatGroup => {
    let group = groups.get(vat);
    if (group === undefined) {
      group = { bob: [], crm: [], taken: [] };
      groups.set(vat, group);
    }
    return group;
  };

  for (const association of input.associations) {
    const bob = association.bobId === null ? undefined : ctx.bobs.get(association.bobId);
    const crm = association.crmId === null ? undefined : ctx.crms.get(association.crmId);
    const shown = associationView(association, bob, crm);
    view.push(shown);
    if (!holdsItsRecords(association)) continue;
    if (bob?.vatValid) groupOf(bob.vat).taken.push(bob.label);
    if (crm?.vatValid) groupOf(crm.vat).taken.push(crm.label);
    if (association.never !== null) continue;
    const row = pairRow(association, shown, ctx);
    if (row !== null) rows.push(row);
  }

  // Eligible records outside any pair or exclusion are matched by VAT number.
  for (const entry of ctx.bobs.values()) {
    const association = ofBob.get(entry.id);
    if (association === undefined) view.push(unassociatedView(entry, 'bob'));
    else if (holdsItsRecords(association)) continue;
    if (entry.reasons.length === 0) groupOf(entry.vat).bob.push(entry);
  }
  for (const entry of ctx.crms.values()) {
    const association = ofCrm.get(entry.id);
    if (association === undefined) view.push(unassociatedView(entry, 'crm'));
    else if (holdsItsRecords(association)) continue;
    if (entry.reasons.length === 0) groupOf(entry.vat).crm.push(entry);
  }
  for (const [vat, group] of groups) rows.push(...groupRows(vat, group, ctx));

  return { rows: sortByNameThenKey(rows), view: sortByNameThenKey(view) };
}
