import type { PendingRow, RowDecision } from '../../../src/contract/pending';
import { canonicalPair } from '../../../src/sync/domain/canonical';
import type { Values } from '../../../src/sync/domain/customer';
import { computePending } from '../../../src/sync/domain/pending';
import { planRow } from '../../../src/sync/domain/plan';
import { association, beVat, bob, crm } from './fixtures';

const V1 = beVat(4119058);
const V2 = beVat(4030192);

const decision = (row: PendingRow, extra: Partial<RowDecision> = {}): RowDecision => ({
  key: row.key,
  version: row.version,
  never: false,
  skip: false,
  reason: '',
  directions: {},
  ...extra,
});

/** An update row: city changed in BOB, phone in CRM, name in both (conflict), email converged. */
function updateCase() {
  const base = canonicalPair(bob('C1', { name: 'A', vat: V1, city: 'Namur', phone: '081', email: 'a@a.be' }), null, []).bob;
  const b = bob('C1', { name: 'A sprl', vat: V1, city: 'Liège', phone: '081', email: 'new@a.be' });
  const c = crm('7', { name: 'A SRL', vat: V1, city: 'Namur', phone: '04', email: 'NEW@a.be' });
  const { rows } = computePending({ bob: [b], crm: [c], associations: [association(1, 'C1', '7', base)], settings: [], policy: 'bob' });
  return { row: rows[0], current: canonicalPair(b, c, []) };
}

describe('planRow for an update', () => {
  it('writes each field the way it goes and moves the base', () => {
    const { row, current } = updateCase();
    const plan = planRow(row, decision(row), current);
    expect(plan.problems).toEqual([]);
    expect(plan.toCrm).toEqual({ name: 'A sprl', city: 'Liège' });
    expect(plan.toBob).toEqual({ phone: '04' });
    expect(plan.writes).toEqual([
      { field: 'name', direction: 'bob>crm', before: 'A SRL', after: 'A sprl' },
      { field: 'city', direction: 'bob>crm', before: 'Namur', after: 'Liège' },
      { field: 'phone', direction: 'crm>bob', before: '081', after: '04' },
    ]);
    expect(plan.newBase).toEqual({ ...current.bob, phone: '04' });
    expect(plan.newBase).toMatchObject({ email: 'new@a.be', name: 'A sprl' });
  });

  it('follows the direction chosen for a conflict', () => {
    const { row, current } = updateCase();
    const plan = planRow(row, decision(row, { directions: { name: 'crm>bob' } }), current);
    expect(plan.toBob).toEqual({ name: 'A SRL', phone: '04' });
    expect(plan.toCrm).toEqual({ city: 'Liège' });
    expect(plan.newBase).toMatchObject({ name: 'A SRL', city: 'Liège', phone: '04' });
  });

  it('takes the proposed directions when there is no decision', () => {
    const { row, current } = updateCase();
    expect(planRow(row, undefined, current)).toEqual(planRow(row, decision(row), current));
  });

  it('lists writes without a base when no current values are given', () => {
    const { row, current } = updateCase();
    const plan = planRow(row, decision(row), null);
    expect(plan.newBase).toBeNull();
    expect(plan.writes).toEqual(planRow(row, decision(row), current).writes);
  });

  it('plans nothing for a skipped or never-synchronised row', () => {
    const { row, current } = updateCase();
    const empty = { toBob: {}, toCrm: {}, newBase: null, problems: [], writes: [] };
    expect(planRow(row, decision(row, { skip: true }), current)).toEqual(empty);
    expect(planRow(row, decision(row, { never: true, directions: { nope: 'bob>crm' } }), current)).toEqual(empty);
  });

  it('reports directions on fields that are no conflict or not in the row', () => {
    const { row, current } = updateCase();
    const plan = planRow(row, decision(row, { directions: { city: 'crm>bob', email: 'bob>crm', website: 'bob>crm' } }), current);
    expect(plan.problems.map((p) => [p.key, p.field, p.code])).toEqual([
      ['C1⇄7', 'city', 'direction_not_conflict'],
      ['C1⇄7', 'email', 'direction_not_conflict'],
      ['C1⇄7', 'website', 'unknown_field'],
    ]);
    expect(plan).toMatchObject({ toBob: {}, toCrm: {}, newBase: null, writes: [] });
  });

  it('refuses values that are not those of the row’s version', () => {
    const { row, current } = updateCase();
    const moved: Values = { ...current.crm, phone: '09' };
    expect(() => planRow(row, decision(row), { bob: current.bob, crm: moved })).toThrow(/stale/);
  });

  it('refuses a decision meant for another row', () => {
    const { row, current } = updateCase();
    expect(() => planRow(row, decision(row, { key: 'C2⇄8' }), current)).toThrow(/C2⇄8/);
  });
});

describe('planRow for links and creations', () => {
  it('creates in CRM with the non-empty fields and keeps BOB’s values as base', () => {
    const b = bob('C1', { name: 'A', vat: V1, city: 'Namur' });
    const row = computePending({ bob: [b], crm: [], associations: [], settings: [], policy: 'bob' }).rows[0];
    const current = canonicalPair(b, null, []);
    const plan = planRow(row, decision(row), current);
    expect(plan.toCrm).toEqual({ name: 'A', vat: V1, city: 'Namur' });
    expect(plan.toBob).toEqual({});
    expect(plan.writes.every((w) => w.before === null && w.direction === 'bob>crm')).toBe(true);
    expect(plan.newBase).toEqual(current.bob);
  });

  it('creates in BOB and keeps CRM’s values as base', () => {
    const c = crm('7', { name: 'B', vat: V2, phone: '02' });
    const row = computePending({ bob: [], crm: [c], associations: [], settings: [], policy: 'bob' }).rows[0];
    const current = canonicalPair(null, c, []);
    const plan = planRow(row, decision(row), current);
    expect(plan.toBob).toEqual({ name: 'B', vat: V2, phone: '02' });
    expect(plan.newBase).toEqual(current.crm);
  });

  it('sets the base of a link to the values both sides hold afterwards', () => {
    const b = bob('C1', { name: 'A', vat: V1, city: 'Namur' });
    const c = crm('7', { name: 'A', vat: 'BE 0411 905 847', phone: '02' });
    const row = computePending({ bob: [b], crm: [c], associations: [], settings: [], policy: 'bob' }).rows[0];
    const plan = planRow(row, decision(row), canonicalPair(b, c, []));
    expect(plan.toCrm).toEqual({ city: 'Namur' });
    expect(plan.toBob).toEqual({ phone: '02' });
    expect(plan.newBase).toMatchObject({ name: 'A', vat: 'BE0411905847', city: 'Namur', phone: '02', email: '' });
  });

  it('reports a blocked row that is not skipped', () => {
    const rows = computePending({
      bob: [bob('C1', { name: 'A', vat: V1 }), bob('C2', { name: 'A', vat: V1 })],
      crm: [],
      associations: [],
      settings: [],
      policy: 'bob',
    }).rows;
    const plan = planRow(rows[0], decision(rows[0]), canonicalPair(bob('C1', { name: 'A', vat: V1 }), null, []));
    expect(plan.problems).toEqual([expect.objectContaining({ key: 'C1⇄', field: null, code: 'blocked' })]);
    expect(plan.problems[0].message).toContain('BOB C2');
    expect(planRow(rows[0], undefined, null).problems.map((p) => p.code)).toEqual(['blocked']);
    expect(planRow(rows[0], decision(rows[0], { skip: true }), null).problems).toEqual([]);
  });
});
