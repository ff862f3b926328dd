/**
 * An in-memory stand-in for the engine and both systems: pulls with computePending, applies
 * plans by writing canonical values into the records, and keeps associations the way the
 * engine's store does. Used by the property tests of the whole cycle.
 */
import fc from 'fast-check';
import type { ConditionOp, CustomFieldSetting, Transform } from '../../../src/contract/customFields';
import type { Direction, PendingRow, RowDecision } from '../../../src/contract/pending';
import type { Association } from '../../../src/sync/domain/association';
import { canonicalPair } from '../../../src/sync/domain/canonical';
import type { BobCustomer, CrmCompany, Side } from '../../../src/sync/domain/customer';
import { computePending, type PendingResult } from '../../../src/sync/domain/pending';
import { planRow } from '../../../src/sync/domain/plan';
import { association, beVat, bob, crm, never, setting } from './fixtures';

export interface World {
  bob: BobCustomer[];
  crm: CrmCompany[];
  associations: Association[];
  settings: CustomFieldSetting[];
  policy: Side;
}

export const pull = (world: World): PendingResult => computePending(world);

export type Action = 'apply' | 'skip' | 'never';

export const RUN_MARK = 'set by the run';

/** Applies one run: each row gets `action(row)`, conflicts take `direction(row, field)`. */
export function run(
  world: World,
  rows: PendingRow[],
  action: (key: string) => Action,
  direction: (key: string, field: string) => Direction,
): World {
  const bobs = new Map(world.bob.map((r) => [r.cid, { ...r, values: { ...r.values } }]));
  const crms = new Map(world.crm.map((r) => [r.id, { ...r, values: { ...r.values } }]));
  let associations = world.associations.map((a) => ({ ...a }));
  let nextId = Math.max(0, ...associations.map((a) => a.id)) + 1;

  const replace = (bobId: string | null, crmId: string | null, fields: Partial<Association>): void => {
    associations = associations.filter(
      (a) => !((bobId !== null && a.bobId === bobId) || (crmId !== null && a.crmId === crmId)),
    );
    associations.push({ ...association(nextId++, bobId, crmId, null), ...fields });
  };

  for (const row of rows) {
    const chosen = action(row.key);
    if (chosen === 'skip') continue;
    if (chosen === 'never') {
      const exact = associations.find((a) => a.bobId === row.bobId && a.crmId === row.crmId);
      if (exact !== undefined) exact.never = never(RUN_MARK);
      else replace(row.bobId, row.crmId, { never: never(RUN_MARK) });
      continue;
    }
    if (row.blockedReason !== '') continue;
    const directions = Object.fromEntries(
      row.changes.filter((c) => c.status === 'conflict').map((c) => [c.field, direction(row.key, c.field)]),
    );
    const decision: RowDecision = { key: row.key, version: row.version, never: false, skip: false, reason: '', directions };
    const bobRecord = row.bobId === null ? null : (bobs.get(row.bobId) ?? null);
    const crmRecord = row.crmId === null ? null : (crms.get(row.crmId) ?? null);
    const plan = planRow(row, decision, canonicalPair(bobRecord, crmRecord, world.settings));
    if (plan.problems.length > 0 || plan.newBase === null) throw new Error(`unexpected plan for ${row.key}`);

    let bobId = row.bobId;
    let crmId = row.crmId;
    if (bobRecord === null) {
      bobId = `NB${nextId}`;
      bobs.set(bobId, bob(bobId, { ...plan.toBob }));
    } else Object.assign(bobRecord.values, plan.toBob);
    if (crmRecord === null) {
      crmId = `NC${nextId}`;
      crms.set(crmId, crm(crmId, { ...plan.toCrm }));
    } else Object.assign(crmRecord.values, plan.toCrm);
    replace(row.bobId, row.crmId, { bobId, crmId, base: plan.newBase, lastSyncAt: '2024-03-01T00:00:00Z' });
  }
  return { ...world, bob: [...bobs.values()], crm: [...crms.values()], associations };
}

/** Clears the never flags a run set, as the Associations sheet would. */
export const clearRunNever = (world: World): World => ({
  ...world,
  associations: world.associations.map((a) => (a.never?.reason === RUN_MARK ? { ...a, never: null } : a)),
});

/** The row ids a pull mentions, to check what came back. */
export const idsOf = (rows: PendingRow[]): Set<string> =>
  new Set(rows.flatMap((r) => [...(r.bobId === null ? [] : [`bob:${r.bobId}`]), ...(r.crmId === null ? [] : [`crm:${r.crmId}`])]));

const VATS = [beVat(4119058), beVat(4030192), beVat(10000036), 'FR40303265045', 'NL001241643B01'];

/** The same number as people write it: as stored, lower case, or spaced out. */
const written = (vat: string, style: number): string =>
  style === 0 ? vat : style === 1 ? vat.toLowerCase() : `${vat.slice(0, 2)} ${vat.slice(2).replace(/(...)/g, '$1 ')}`;

const text = fc.constantFrom('', 'a', 'b', ' a ', 'A  b', 'c');
const valuesArb = fc.record({
  name: text,
  city: text,
  email: fc.constantFrom('', 'x@y.be', 'X@Y.be', 'z@y.be'),
  'cf.SECTEUR': text,
});

const settingArb = fc
  .record({
    selected: fc.boolean(),
    maxLength: fc.constantFrom(null, 1, 3),
    transform: fc.constantFrom<Transform[]>('none', 'upper', 'lower', 'trim', 'capitalize'),
    condition: fc.constantFrom<Array<[ConditionOp, string]>>(
      ['always', ''],
      ['not_empty', ''],
      ['equals', 'a'],
      ['differs', 'a'],
      ['contains', 'b'],
      ['starts_with', 'A'],
    ),
  })
  .map(({ condition: [condition, conditionValue], ...rest }) => setting('SECTEUR', { ...rest, condition, conditionValue }));

const customerArb = (vatDrift: boolean) =>
  fc.record({
    sides: fc.constantFrom('both', 'both', 'both', 'bob', 'crm', 'none'),
    link: fc.constantFrom('none', 'none', 'pair', 'pair', 'pair_without_base', 'lone'),
    vat: fc.nat({ max: VATS.length - 1 }),
    crmVat: vatDrift ? fc.option(fc.nat({ max: VATS.length - 1 }), { freq: 3 }) : fc.constant(null),
    bobVatStyle: fc.nat({ max: 2 }),
    crmVatStyle: fc.nat({ max: 2 }),
    bobFlaw: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, fc.constantFrom('supplier', 'no_vat')),
    crmFlaw: fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      fc.constantFrom('prospect', 'unticked', 'deleted', 'bad_vat'),
    ),
    bobValues: valuesArb,
    crmValues: valuesArb,
    baseValues: valuesArb,
  });

/** Small dossiers where records share VAT numbers, pairs drift apart, and records fall out of scope. */
export const worldArb = (options: { vatDrift: boolean }): fc.Arbitrary<World> =>
  fc
    .record({
      customers: fc.array(customerArb(options.vatDrift), { maxLength: 8 }),
      settings: fc.array(settingArb, { maxLength: 1 }),
      policy: fc.constantFrom<Side>('bob', 'crm'),
      never: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    })
    .map(({ customers, settings, policy, never: neverFlags }) => {
      const world: World = { bob: [], crm: [], associations: [], settings, policy };
      customers.forEach((c, i) => {
        const bobId = `B${i}`;
        const crmId = `C${i}`;
        const bobVat = VATS[c.vat];
        const crmVat = VATS[c.crmVat ?? c.vat];
        const hasBob = c.sides === 'both' || c.sides === 'bob';
        const hasCrm = c.sides === 'both' || c.sides === 'crm';
        if (hasBob) {
          const vat = c.bobFlaw === 'no_vat' ? '' : written(bobVat, c.bobVatStyle);
          world.bob.push(bob(bobId, { ...c.bobValues, vat }, { isCustomer: c.bobFlaw !== 'supplier' }));
        }
        if (hasCrm) {
          const vat = c.crmFlaw === 'bad_vat' ? 'BE0411905848' : written(crmVat, c.crmVatStyle);
          world.crm.push(
            crm(crmId, { ...c.crmValues, vat }, {
              type: c.crmFlaw === 'prospect' ? 'Prospect' : 'customer',
              bobsync: c.crmFlaw !== 'unticked',
              deleted: c.crmFlaw === 'deleted',
            }),
          );
        }
        const flag = neverFlags[i] && i % 3 === 0 ? never() : null;
        const base = canonicalPair(bob(bobId, { ...c.baseValues, vat: bobVat }), null, settings).bob;
        if (c.link === 'pair') world.associations.push(association(i + 1, bobId, crmId, base, { never: flag }));
        else if (c.link === 'pair_without_base') world.associations.push(association(i + 1, bobId, crmId, null, { never: flag }));
        else if (c.link === 'lone' || flag !== null) {
          if (hasBob || !hasCrm) world.associations.push(association(i + 1, bobId, null, null, { never: flag }));
          else world.associations.push(association(i + 1, null, crmId, null, { never: flag }));
        }
      });
      return world;
    });
