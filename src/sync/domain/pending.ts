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
  bob: BobCustomer[];
  crm: CrmCompany[];
  associations: Association[];
  settings: CustomFieldSetting[];
  policy: Side;
}

export interface PendingResult {
  rows: PendingRow[];
  view: AssociationView[];
}

/** What the global view and the VAT matching need of a record, computed once per record. */
interface Summary {
  id: string;
  label: string;
  reasons: IneligibleReason[];
  name: string;
  vat: string;
  vatValid: boolean;
}

/** A record with its summary, while the record itself may still be needed for a row. */
interface Entry<R> extends Summary {
  record: R;
}

function entryOf<R extends { values: Values }>(
  record: R,
  id: string,
  eligibility: (record: R) => IneligibleReason[],
  system: string,
): Entry<R> {
  const reasons = eligibility(record);
  return {
    record,
    id,
    label: `${system} ${id}`,
    reasons,
    name: canonicalValue('name', record.values.name),
    vat: canonicalValue('vat', record.values.vat),
    vatValid: !reasons.includes('no_vat') && !reasons.includes('invalid_vat'),
  };
}

const summaryOf = ({ id, label, reasons, name, vat, vatValid }: Summary): Summary => ({ id, label, reasons, name, vat, vatValid });

function claim(map: Map<string, Association>, id: string, association: Association, system: string): void {
  const other = map.get(id);
  if (other !== undefined) {
    throw new Error(`${system} "${id}" belongs to two associations (${other.id} and ${association.id}).`);
  }
  map.set(id, association);
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
export const sortKey = (name: string): string =>
  // Most names are plain ASCII, which has no accent to strip: the test spares a normalisation.
  (/^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();

/** Sorted by `sortKey` of the name, then the name, then the key: so are the rows and the view. */
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
}

/** Why one side of an association cannot be synchronised; a side it does not have has no reason. */
const ineligibility = (id: string | null, entry: Summary | undefined): IneligibleReason[] =>
  id === null ? [] : (entry?.reasons ?? ['missing']);

function associationView(association: Association, bob: Summary | undefined, crm: Summary | undefined): AssociationView {
  const shown = bob ?? crm;
  return {
    key: rowKey(association.bobId, association.crmId),
    bobId: association.bobId,
    crmId: association.crmId,
    name: shown?.name ?? association.base?.name ?? '',
    vat: shown?.vat ?? association.base?.vat ?? '',
    state: association.bobId === null ? 'crm_only' : association.crmId === null ? 'bob_only' : 'associated',
    bobIneligible: ineligibility(association.bobId, bob),
    crmIneligible: ineligibility(association.crmId, crm),
    never: association.never !== null,
    neverReason: association.never?.reason ?? '',
    neverBy: association.never?.by ?? '',
    neverAt: association.never?.at ?? '',
    lastSyncAt: association.lastSyncAt ?? '',
  };
}

function unassociatedView(entry: Summary, side: Side): AssociationView {
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
function pairRow(
  association: Association,
  bob: Entry<BobCustomer> | undefined,
  crm: Entry<CrmCompany> | undefined,
  ctx: Context,
): PendingRow | null {
  const { bobId, crmId } = association;
  const bobIneligible = ineligibility(bobId, bob);
  const crmIneligible = ineligibility(crmId, crm);
  if (bob === undefined || crm === undefined || bobIneligible.length > 0 || crmIneligible.length > 0) {
    const why = [
      ...(bobIneligible.length > 0 ? [`BOB: ${bobIneligible.join(', ')}`] : []),
      ...(crmIneligible.length > 0 ? [`CRM: ${crmIneligible.join(', ')}`] : []),
    ].join('; ');
    const pair = canonicalPair(bob?.record ?? null, crm?.record ?? null, ctx.settings);
    const blocked = { reason: why, why: { others: [], more: 0, bob: bobIneligible, crm: crmIneligible } };
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

/**
 * Computes a pull while CRM's pages come in. Once BOB's side and the associations are all in
 * (`ready`), each pair is settled as soon as its CRM company arrives: its entry of the global
 * view goes to `onView` and both records are let go; pages that come earlier wait. What needs
 * every record (the matching by VAT, the rest of the view) waits for `finish`. The view comes
 * in no order: whoever keeps it sorts it (`sortKey`, then name, then key).
 */
export class PendingBuilder {
  private readonly ctx: Context;
  private readonly bobIds: string[] = [];
  /** BOB's records not looked at yet. */
  private readonly bobRecords = new Map<string, BobCustomer>();
  /**
   * BOB's records looked at (most while CRM's pages come in): with the record while a row may
   * still need it, as a summary once its pair is settled.
   */
  private readonly bobEntries = new Map<string, Entry<BobCustomer> | Summary>();
  private readonly associations: Association[] = [];
  private readonly ofBob = new Map<string, Association>();
  private readonly ofCrm = new Map<string, Association>();
  /** CRM pages that came before `ready`. */
  private early: CrmCompany[][] | null = [];
  /** Every CRM company read, by id. */
  private readonly crms = new Map<string, Summary>();
  /** CRM companies outside any pair or exclusion, with their records: candidates for a match. */
  private readonly unpaired = new Map<string, Entry<CrmCompany>>();
  /** Each pair's row (null: nothing changed) by association id, once its CRM company came in. */
  private readonly settled = new Map<number, PendingRow | null>();

  constructor(
    rules: Pick<PendingInput, 'settings' | 'policy'>,
    private readonly onView: (view: AssociationView) => void,
  ) {
    this.ctx = { settings: rules.settings, policy: rules.policy };
  }

  /** Takes BOB's records, all of them. */
  addBob(records: BobCustomer[]): void {
    for (const record of records) {
      if (this.bobRecords.has(record.cid) || this.bobEntries.has(record.cid)) throw new Error(`BOB returned "${record.cid}" twice.`);
      this.bobIds.push(record.cid);
      this.bobRecords.set(record.cid, record);
    }
  }

  /** Takes some of the associations; all must be in before `ready`. */
  addAssociations(associations: Association[]): void {
    for (const association of associations) {
      if (association.bobId === null && association.crmId === null) {
        throw new Error(`Association ${association.id} has neither a BOB nor a CRM id.`);
      }
      if (association.bobId !== null) claim(this.ofBob, association.bobId, association, 'BOB third party');
      if (association.crmId !== null) claim(this.ofCrm, association.crmId, association, 'CRM company');
      this.associations.push(association);
    }
  }

  /** BOB's records and the associations are all in: the CRM pages kept so far are settled. */
  ready(): void {
    const early = this.early ?? [];
    this.early = null;
    for (const page of early) this.addCrm(page);
  }

  private bob(cid: string): Entry<BobCustomer> | Summary | undefined {
    const known = this.bobEntries.get(cid);
    if (known !== undefined) return known;
    const record = this.bobRecords.get(cid);
    if (record === undefined) return undefined;
    const entry = entryOf(record, cid, bobEligibility, 'BOB');
    this.bobRecords.delete(cid);
    this.bobEntries.set(cid, entry);
    return entry;
  }

  /** A BOB record a row is still to be made from: its pair is not settled, so it is still held. */
  private bobToCompute(cid: string): Entry<BobCustomer> | undefined {
    const bob = this.bob(cid);
    if (bob !== undefined && !('record' in bob)) throw new Error(`BOB "${cid}" belongs to a pair settled already.`);
    return bob;
  }

  /**
   * Takes a page of CRM companies. A company that comes again (the list moved while it was read)
   * keeps its first copy: both are snapshots, and the apply reads every row again anyway.
   */
  addCrm(companies: CrmCompany[]): void {
    if (this.early !== null) {
      this.early.push(companies);
      return;
    }
    for (const company of companies) {
      if (this.crms.has(company.id)) continue;
      const entry = entryOf(company, company.id, crmEligibility, 'CRM');
      this.crms.set(entry.id, summaryOf(entry));
      const association = this.ofCrm.get(entry.id);
      if (association === undefined || !holdsItsRecords(association)) {
        this.unpaired.set(entry.id, entry);
      } else if (association.never === null && association.bobId !== null) {
        const bob = this.bobToCompute(association.bobId);
        this.onView(associationView(association, bob, entry));
        this.settled.set(association.id, pairRow(association, bob, entry, this.ctx));
        // Settled: neither record is needed any more, only what the view and the matching read.
        if (bob !== undefined) this.bobEntries.set(bob.id, summaryOf(bob));
      }
    }
  }

  /** How many distinct BOB records and CRM companies came in. */
  get counts(): { bob: number; crm: number } {
    return { bob: this.bobIds.length, crm: this.crms.size };
  }

  /** The pending rows, sorted; the rest of the view goes to `onView`. */
  finish(): PendingRow[] {
    if (this.early !== null) throw new Error('The pull is finished before BOB and the associations were all in.');
    const rows: PendingRow[] = [];
    // Eligible records outside any pair or exclusion are matched by VAT number.
    const groups = new Map<string, VatGroup>();
    const candidate = (vat: string): VatGroup => {
      let group = groups.get(vat);
      if (group === undefined) {
        group = { bob: [], crm: [], taken: [] };
        groups.set(vat, group);
      }
      return group;
    };
    for (const cid of this.bobIds) {
      const association = this.ofBob.get(cid);
      if (association !== undefined && holdsItsRecords(association)) continue;
      const entry = this.bobToCompute(cid)!;
      if (association === undefined) this.onView(unassociatedView(entry, 'bob'));
      if (entry.reasons.length === 0) candidate(entry.vat).bob.push(entry);
    }
    for (const entry of this.unpaired.values()) {
      if (!this.ofCrm.has(entry.id)) this.onView(unassociatedView(entry, 'crm'));
      if (entry.reasons.length === 0) candidate(entry.vat).crm.push(entry);
    }

    for (const association of this.associations) {
      const bob = association.bobId === null ? undefined : this.bob(association.bobId);
      const crm = association.crmId === null ? undefined : this.crms.get(association.crmId);
      const settled = this.settled.get(association.id);
      if (settled === undefined) this.onView(associationView(association, bob, crm));
      if (!holdsItsRecords(association)) continue;
      // Its records keep their VAT numbers from the candidates that share them.
      if (bob?.vatValid) groups.get(bob.vat)?.taken.push(bob.label);
      if (crm?.vatValid) groups.get(crm.vat)?.taken.push(crm.label);
      if (association.never !== null) continue;
      // A pair not settled yet: its CRM company never came in.
      const row = settled === undefined ? pairRow(association, this.bobToCompute(association.bobId!), undefined, this.ctx) : settled;
      if (row !== null) rows.push(row);
    }
    for (const [vat, group] of groups) rows.push(...groupRows(vat, group, this.ctx));

    return sortByNameThenKey(rows);
  }
}

export function computePending(input: PendingInput): PendingResult {
  const view: AssociationView[] = [];
  const builder = new PendingBuilder(input, (entry) => view.push(entry));
  builder.addBob(input.bob);
  builder.addAssociations(input.associations);
  builder.ready();
  builder.addCrm(input.crm);
  const rows = builder.finish();
  return { rows, view: sortByNameThenKey(view) };
}
