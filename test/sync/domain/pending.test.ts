import type { CustomFieldSetting } from '../../../src/contract/customFields';
import type { PendingRow } from '../../../src/contract/pending';
import type { Association } from '../../../src/sync/domain/association';
import { canonicalPair } from '../../../src/sync/domain/canonical';
import type { BobCustomer, CrmCompany, Side, Values } from '../../../src/sync/domain/customer';
import { computePending, parseRowKey, rowKey } from '../../../src/sync/domain/pending';
import { rowVersion } from '../../../src/sync/domain/version';
import { association, beVat, bob, crm, never, setting } from './fixtures';

const V1 = beVat(4119058);
const V2 = beVat(4030192);
const V3 = beVat(10000036);

interface World {
  bob?: BobCustomer[];
  crm?: CrmCompany[];
  associations?: Association[];
  settings?: CustomFieldSetting[];
  policy?: Side;
}
const pending = (world: World) =>
  computePending({
    bob: world.bob ?? [],
    crm: world.crm ?? [],
    associations: world.associations ?? [],
    settings: world.settings ?? [],
    policy: world.policy ?? 'bob',
  });
const rowOf = (rows: PendingRow[], key: string): PendingRow => {
  const row = rows.find((r) => r.key === key);
  if (row === undefined) throw new Error(`no row ${key} among ${rows.map((r) => r.key).join(', ')}`);
  return row;
};
/** The base a pair has after being synchronised with these values. */
const synced = (values: Values, settings: CustomFieldSetting[] = []): Values =>
  canonicalPair(bob('any', values), null, settings).bob;

describe('rowKey', () => {
  it('joins and splits both ids', () => {
    expect(rowKey('C1', '42')).toBe('C1⇄42');
    expect(rowKey('C1', null)).toBe('C1⇄');
    expect(rowKey(null, '42')).toBe('⇄42');
    expect(parseRowKey('C1⇄42')).toEqual({ bobId: 'C1', crmId: '42' });
    expect(parseRowKey('C1⇄')).toEqual({ bobId: 'C1', crmId: null });
    expect(parseRowKey('⇄42')).toEqual({ bobId: null, crmId: '42' });
  });

  it('rejects what is not a row key', () => {
    for (const key of ['', '⇄', 'C1', 'a⇄b⇄c']) expect(() => parseRowKey(key)).toThrow(/not a row key/);
  });
});

describe('matching unassociated records by VAT', () => {
  it('links one BOB and one CRM record written in different forms', () => {
    const { rows } = pending({
      bob: [bob('C1', { name: 'Brasserie', vat: 'BE 0411.905.847', city: 'Liège' })],
      crm: [crm('7', { name: 'Brasserie', vat: 'BE0411905847', phone: '04 222 22 22' })],
    });
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({ key: 'C1⇄7', kind: 'link', bobId: 'C1', crmId: '7', blockedReason: '' });
    expect(row).toMatchObject({ name: 'Brasserie', vat: 'BE0411905847' });
    expect(row.changes).toEqual([
      { field: 'city', base: null, bob: 'Liège', crm: '', status: 'bob>crm', proposed: 'bob>crm' },
      { field: 'phone', base: null, bob: '', crm: '04 222 22 22', status: 'crm>bob', proposed: 'crm>bob' },
    ]);
  });

  it('proposes a link even when both sides already agree, so the base gets set', () => {
    const { rows } = pending({ bob: [bob('C1', { name: 'A', vat: V1 })], crm: [crm('7', { name: 'A', vat: V1 })] });
    expect(rows).toEqual([expect.objectContaining({ kind: 'link', changes: [] })]);
  });

  it('marks differing values of a first match as conflicts, proposed by the policy', () => {
    const world = { bob: [bob('C1', { name: 'A sprl', vat: V1 })], crm: [crm('7', { name: 'A SRL', vat: V1 })] };
    expect(pending(world).rows[0].changes).toEqual([
      { field: 'name', base: null, bob: 'A sprl', crm: 'A SRL', status: 'conflict', proposed: 'bob>crm' },
    ]);
    expect(pending({ ...world, policy: 'crm' }).rows[0].changes[0].proposed).toBe('crm>bob');
  });

  it('proposes creating in CRM with every non-empty field', () => {
    const { rows } = pending({ bob: [bob('C1', { name: ' A ', vat: V1, email: 'X@Y.BE', city: '' })] });
    expect(rows).toEqual([
      expect.objectContaining({ key: 'C1⇄', kind: 'create_crm', bobId: 'C1', crmId: null, name: 'A', vat: V1 }),
    ]);
    expect(rows[0].changes).toEqual([
      { field: 'name', base: null, bob: 'A', crm: null, status: 'bob>crm', proposed: 'bob>crm' },
      { field: 'vat', base: null, bob: V1, crm: null, status: 'bob>crm', proposed: 'bob>crm' },
      { field: 'email', base: null, bob: 'x@y.be', crm: null, status: 'bob>crm', proposed: 'bob>crm' },
    ]);
  });

  it('proposes creating in BOB with every non-empty field', () => {
    const { rows } = pending({ crm: [crm('7', { name: 'B', vat: V2 })] });
    expect(rows).toEqual([expect.objectContaining({ key: '⇄7', kind: 'create_bob', bobId: null, crmId: '7', name: 'B' })]);
    expect(rows[0].changes.map((c) => [c.field, c.status, c.crm, c.bob])).toEqual([
      ['name', 'crm>bob', 'B', null],
      ['vat', 'crm>bob', V2, null],
    ]);
  });

  it('carries custom fields into a creation when they travel', () => {
    const settings = [setting('SECTEUR', { transform: 'upper' }), setting('VIP', { condition: 'not_empty' })];
    const toCrm = pending({ bob: [bob('C1', { name: 'A', vat: V1, 'cf.SECTEUR': 'horeca', 'cf.VIP': '' })], settings });
    expect(toCrm.rows[0].changes.map((c) => [c.field, c.bob])).toContainEqual(['cf.SECTEUR', 'HORECA']);
    const toBob = pending({ crm: [crm('7', { name: 'B', vat: V2, 'cf.SECTEUR': 'food', 'cf.VIP': 'yes' })], settings });
    const fields = toBob.rows[0].changes.map((c) => c.field);
    expect(fields).toContain('cf.SECTEUR');
    expect(fields).not.toContain('cf.VIP');
  });

  it('blocks every record of a VAT group with two records on one side', () => {
    const { rows } = pending({
      bob: [bob('C1', { name: 'A', vat: V1 }), bob('C2', { name: 'A bis', vat: 'be 0411 905 847' })],
      crm: [crm('7', { name: 'A', vat: V1 })],
    });
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      ['C1⇄', 'duplicate'],
      ['⇄7', 'duplicate'],
      ['C2⇄', 'duplicate'],
    ]);
    expect(rowOf(rows, 'C1⇄').blockedReason).toBe(`VAT ${V1} is also held by BOB C2, CRM 7.`);
    expect(rowOf(rows, '⇄7').blockedReason).toBe(`VAT ${V1} is also held by BOB C1, BOB C2.`);
    for (const row of rows) expect(row.changes).toEqual([]);
  });

  it('blocks two CRM companies with one VAT number and no BOB record', () => {
    const { rows } = pending({ crm: [crm('7', { name: 'A', vat: V1 }), crm('8', { name: 'B', vat: V1 })] });
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      ['⇄7', 'duplicate'],
      ['⇄8', 'duplicate'],
    ]);
  });

  it('blocks a newcomer whose VAT number an associated customer already holds', () => {
    const base = synced({ name: 'A', vat: V1 });
    const { rows } = pending({
      bob: [bob('C1', { name: 'A', vat: V1 })],
      crm: [crm('7', { name: 'A', vat: V1 }), crm('8', { name: 'A again', vat: V1 })],
      associations: [association(1, 'C1', '7', base)],
    });
    expect(rows).toEqual([
      expect.objectContaining({ key: '⇄8', kind: 'duplicate', blockedReason: `VAT ${V1} is also held by BOB C1, CRM 7.` }),
    ]);
  });

  it('blocks a newcomer whose VAT number a never-synchronised customer holds', () => {
    const { rows } = pending({
      bob: [bob('C1', { name: 'A', vat: V1 })],
      crm: [crm('8', { name: 'A', vat: V1 })],
      associations: [association(1, 'C1', null, null, { never: never() })],
    });
    expect(rows).toEqual([expect.objectContaining({ key: '⇄8', kind: 'duplicate' })]);
  });

  it('treats a record in a lone association like an unassociated one', () => {
    const { rows } = pending({
      bob: [bob('C1', { name: 'A', vat: V1 })],
      crm: [crm('7', { name: 'A', vat: V1 })],
      associations: [association(1, 'C1', null, null)],
    });
    expect(rows).toEqual([expect.objectContaining({ key: 'C1⇄7', kind: 'link' })]);
  });

  it('ignores ineligible records for matching but shows them in the view', () => {
    const result = pending({
      bob: [bob('C1', { name: 'A', vat: V1 }, { isCustomer: false }), bob('C2', { name: 'B', vat: 'BE123' })],
      crm: [crm('7', { name: 'A', vat: V1 }, { bobsync: false }), crm('8', { name: 'C', vat: '' })],
    });
    expect(result.rows).toEqual([]);
    expect(result.view.map((v) => [v.key, v.state, v.bobIneligible, v.crmIneligible])).toEqual([
      ['C1⇄', 'bob_only', ['not_customer'], []],
      ['⇄7', 'crm_only', [], ['bobsync_off']],
      ['C2⇄', 'bob_only', ['invalid_vat'], []],
      ['⇄8', 'crm_only', [], ['no_vat']],
    ]);
  });

  it('lets an ineligible record with the same VAT not block a match', () => {
    const { rows } = pending({
      bob: [bob('C1', { name: 'A', vat: V1 }), bob('S1', { name: 'A', vat: V1 }, { isCustomer: false })],
      crm: [crm('7', { name: 'A', vat: V1 })],
    });
    expect(rows.map((r) => [r.key, r.kind])).toEqual([['C1⇄7', 'link']]);
  });
});

describe('associated pairs', () => {
  const base = synced({ name: 'A', vat: V1, city: 'Namur', phone: '081' });
  const pair = (b: Values, c: Values, extra: Partial<Association> = {}): World => ({
    bob: [bob('C1', { vat: V1, ...b })],
    crm: [crm('7', { vat: V1, ...c })],
    associations: [association(1, 'C1', '7', base, extra)],
  });

  it('proposes nothing when neither side changed (spelling aside)', () => {
    expect(pending(pair({ name: ' A', city: 'Namur', phone: '081' }, { name: 'A ', city: 'Namur', phone: '081' })).rows).toEqual([]);
  });

  it('proposes an update with each side’s changes', () => {
    const { rows } = pending(pair({ name: 'A', city: 'Liège', phone: '081' }, { name: 'A', city: 'Namur', phone: '04' }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'C1⇄7', kind: 'update', name: 'A', vat: V1, blockedReason: '' });
    expect(rows[0].changes.map((c) => [c.field, c.base, c.status])).toEqual([
      ['city', 'Namur', 'bob>crm'],
      ['phone', '081', 'crm>bob'],
    ]);
  });

  it('proposes an update when the sides converged, so that the base moves', () => {
    const { rows } = pending(pair({ name: 'A', city: 'Liège', phone: '081' }, { name: 'A', city: 'Liège', phone: '081' }));
    expect(rows).toEqual([expect.objectContaining({ kind: 'update' })]);
    expect(rows[0].changes).toEqual([{ field: 'city', base: 'Namur', bob: 'Liège', crm: 'Liège', status: 'converged', proposed: null }]);
  });

  it('proposes conflicts by the policy', () => {
    const world = pair({ name: 'A', city: 'Liège', phone: '081' }, { name: 'A', city: 'Huy', phone: '081' });
    expect(pending(world).rows[0].changes[0]).toMatchObject({ status: 'conflict', proposed: 'bob>crm' });
    expect(pending({ ...world, policy: 'crm' }).rows[0].changes[0]).toMatchObject({ status: 'conflict', proposed: 'crm>bob' });
  });

  it('proposes a link for a pair that was never synchronised', () => {
    const { rows } = pending({ ...pair({ name: 'A' }, { name: 'A' }), associations: [association(1, 'C1', '7', null)] });
    expect(rows).toEqual([expect.objectContaining({ key: 'C1⇄7', kind: 'link', changes: [] })]);
  });

  it('compares a newly selected custom field against an empty base', () => {
    const same = { name: 'A', city: 'Namur', phone: '081' };
    const world = { ...pair({ ...same, 'cf.SECTEUR': 'horeca' }, same), settings: [setting('SECTEUR')] };
    expect(pending(world).rows[0].changes).toEqual([
      { field: 'cf.SECTEUR', base: '', bob: 'horeca', crm: '', status: 'bob>crm', proposed: 'bob>crm' },
    ]);
  });

  const paired = [association(1, 'C1', '7', base)];
  it.each<[string, World, string]>([
    ['BOB record deleted', { crm: [crm('7', { name: 'A', vat: V1 })], associations: paired }, 'BOB: missing'],
    ['CRM company deleted', { bob: [bob('C1', { name: 'A', vat: V1 })], associations: paired }, 'CRM: missing'],
    [
      'BobSync unticked and soft-deleted',
      {
        bob: [bob('C1', { name: 'A', vat: V1 })],
        crm: [crm('7', { name: 'A', vat: V1 }, { bobsync: false, deleted: true })],
        associations: paired,
      },
      'CRM: deleted, bobsync_off',
    ],
    [
      'both sides gone wrong',
      { bob: [bob('C1', { name: 'A', vat: '' }, { isCustomer: false })], associations: paired },
      'BOB: not_customer, no_vat; CRM: missing',
    ],
  ])('shows a removed pair for review: %s', (_name, world, reason) => {
    const { rows } = pending(world);
    expect(rows).toEqual([expect.objectContaining({ key: 'C1⇄7', kind: 'removed', name: 'A', changes: [], blockedReason: reason })]);
  });

  it('names a removed pair from the base when both records are gone', () => {
    const { rows } = pending({ associations: [association(1, 'C1', '7', base)] });
    expect(rows).toEqual([expect.objectContaining({ kind: 'removed', name: 'A', vat: V1, blockedReason: 'BOB: missing; CRM: missing' })]);
  });

  it('leaves never-synchronised pairs and records out of the pending rows', () => {
    const result = pending({
      bob: [bob('C1', { name: 'A', vat: V1, city: 'changed' }), bob('C2', { name: 'B', vat: V2 })],
      crm: [crm('7', { name: 'A', vat: V1 }), crm('9', { name: 'C', vat: V3 })],
      associations: [
        association(1, 'C1', '7', base, { never: never('test') }),
        association(2, 'C2', null, null, { never: never() }),
        association(3, null, '9', null, { never: never() }),
      ],
    });
    expect(result.rows).toEqual([]);
    expect(result.view.map((v) => [v.key, v.never, v.neverReason, v.neverBy])).toEqual([
      ['C1⇄7', true, 'test', 'alice'],
      ['C2⇄', true, 'not ours', 'alice'],
      ['⇄9', true, 'not ours', 'alice'],
    ]);
  });
});

describe('rows and view', () => {
  it('versions each row with its canonical values', () => {
    const b = bob('C1', { name: 'A', vat: V1 });
    const c = crm('7', { name: 'A', vat: V1, city: 'X' });
    const { rows } = pending({ bob: [b], crm: [c] });
    const pair = canonicalPair(b, c, []);
    expect(rows[0].version).toBe(rowVersion(pair.bob, pair.crm));
  });

  it('names a row from BOB when it has the record', () => {
    const { rows } = pending({ bob: [bob('C1', { name: 'From BOB', vat: V1 })], crm: [crm('7', { name: 'From CRM', vat: V1 })] });
    expect(rows[0].name).toBe('From BOB');
  });

  it('lists every customer in the view, sorted by name then key', () => {
    const base = synced({ name: 'Zeta', vat: V1 });
    const { view } = pending({
      bob: [bob('C1', { name: 'Zeta', vat: V1 }), bob('C2', { name: 'école', vat: V2 }), bob('C3', { name: 'Alpha', vat: '' })],
      crm: [crm('7', { name: 'Zeta', vat: V1 }), crm('8', { name: 'Ecole', vat: V3 }), crm('9', { name: 'alpha', vat: V3 })],
      associations: [association(1, 'C1', '7', base), association(2, null, '10', null, { never: never() })],
    });
    expect(view.map((v) => [v.key, v.state, v.name])).toEqual([
      ['⇄10', 'crm_only', ''],
      ['C3⇄', 'bob_only', 'Alpha'],
      ['⇄9', 'crm_only', 'alpha'],
      ['⇄8', 'crm_only', 'Ecole'],
      ['C2⇄', 'bob_only', 'école'],
      ['C1⇄7', 'associated', 'Zeta'],
    ]);
    expect(view[0]).toMatchObject({ crmIneligible: ['missing'], never: true, neverAt: '2024-02-01T00:00:00Z' });
    expect(view[5]).toMatchObject({ vat: V1, lastSyncAt: '2024-01-01T00:00:00Z', never: false, neverReason: '' });
  });

  it('sorts rows by name then key', () => {
    const { rows } = pending({
      bob: [bob('C2', { name: 'b', vat: V1 }), bob('C1', { name: 'B', vat: V2 }), bob('C3', { name: 'a', vat: V3 })],
    });
    expect(rows.map((r) => r.key)).toEqual(['C3⇄', 'C1⇄', 'C2⇄']);
  });

  it('keeps the first copy of a CRM company read twice, paired or not', () => {
    const base = synced({ name: 'A', vat: V1, city: 'Namur' });
    const { rows } = pending({
      bob: [bob('C1', { name: 'A', vat: V1, city: 'Namur' })],
      crm: [
        crm('7', { name: 'A', vat: V1, city: 'Liège' }),
        crm('8', { name: 'B', vat: V2 }),
        crm('7', { name: 'A', vat: V1, city: 'Mons' }),
        crm('8', { name: 'B bis', vat: V2 }),
      ],
      associations: [association(1, 'C1', '7', base)],
    });
    expect(rows.map((r) => [r.key, r.name])).toEqual([
      ['C1⇄7', 'A'],
      ['⇄8', 'B'],
    ]);
    expect(rowOf(rows, 'C1⇄7').changes.map((c) => [c.field, c.crm])).toEqual([['city', 'Liège']]);
  });

  it('refuses inconsistent input instead of guessing', () => {
    expect(() => pending({ bob: [bob('C1', {}), bob('C1', {})] })).toThrow(/BOB returned "C1" twice/);
    expect(() => pending({ associations: [association(1, null, null, null)] })).toThrow(/neither/);
    expect(() =>
      pending({ associations: [association(1, 'C1', '7', null), association(2, 'C1', null, null)] }),
    ).toThrow(/two associations/);
  });

  it('names at most ten others in a duplicate’s reason', () => {
    const crms = Array.from({ length: 14 }, (_, i) => crm(String(i), { name: 'Same', vat: V1 }));
    const { rows } = pending({ crm: crms });
    expect(rows).toHaveLength(14);
    expect(rows[0].blockedReason).toMatch(/and 3 more\.$/);
  });
});
