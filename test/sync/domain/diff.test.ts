import fc from 'fast-check';
import type { FieldChange } from '../../../src/contract/pending';
import type { Side, Values } from '../../../src/sync/domain/customer';
import { diffFields } from '../../../src/sync/domain/diff';

const one = (base: string | null, b: string, c: string, policy: Side = 'bob'): FieldChange[] =>
  diffFields(base === null ? null : { city: base }, { city: b }, { city: c }, ['city'], policy);

describe('diffFields with a base', () => {
  it.each<[string, string, string, Side, FieldChange['status'] | null, FieldChange['proposed']]>([
    ['B', 'B', 'B', 'bob', null, null],
    ['B', 'b', 'B', 'bob', 'bob>crm', 'bob>crm'],
    ['B', 'b', 'B', 'crm', 'bob>crm', 'bob>crm'],
    ['B', 'B', 'c', 'bob', 'crm>bob', 'crm>bob'],
    ['B', 'x', 'x', 'bob', 'converged', null],
    ['B', 'b', 'c', 'bob', 'conflict', 'bob>crm'],
    ['B', 'b', 'c', 'crm', 'conflict', 'crm>bob'],
    ['B', '', 'B', 'bob', 'bob>crm', 'bob>crm'],
    ['B', '', 'c', 'bob', 'conflict', 'bob>crm'],
    ['', 'b', '', 'bob', 'bob>crm', 'bob>crm'],
  ])('B=%j b=%j c=%j policy %s → %s', (base, b, c, policy, status, proposed) => {
    const changes = one(base, b, c, policy);
    if (status === null) expect(changes).toEqual([]);
    else expect(changes).toEqual([{ field: 'city', base, bob: b, crm: c, status, proposed }]);
  });

  it('reads a field missing from the base as empty', () => {
    const changes = diffFields({}, { 'cf.X': 'v' }, { 'cf.X': '' }, ['cf.X'], 'bob');
    expect(changes).toEqual([{ field: 'cf.X', base: '', bob: 'v', crm: '', status: 'bob>crm', proposed: 'bob>crm' }]);
    expect(diffFields({}, {}, {}, ['cf.X'], 'bob')).toEqual([]);
  });

  it('compares only the fields asked for, in their order', () => {
    const bob: Values = { name: 'N2', city: 'C2', phone: 'P2' };
    const crm: Values = { name: 'N1', city: 'C1', phone: 'P3' };
    const base: Values = { name: 'N1', city: 'C1', phone: 'P1' };
    expect(diffFields(base, bob, crm, ['phone', 'name'], 'bob').map((c) => [c.field, c.status])).toEqual([
      ['phone', 'conflict'],
      ['name', 'bob>crm'],
    ]);
  });
});

describe('diffFields without a base (first match by VAT)', () => {
  it.each<[string, string, Side, FieldChange['status'] | null, FieldChange['proposed']]>([
    ['', '', 'bob', null, null],
    ['same', 'same', 'bob', null, null],
    ['b', '', 'crm', 'bob>crm', 'bob>crm'],
    ['', 'c', 'bob', 'crm>bob', 'crm>bob'],
    ['b', 'c', 'bob', 'conflict', 'bob>crm'],
    ['b', 'c', 'crm', 'conflict', 'crm>bob'],
  ])('b=%j c=%j policy %s → %s', (b, c, policy, status, proposed) => {
    const changes = one(null, b, c, policy);
    if (status === null) expect(changes).toEqual([]);
    else expect(changes).toEqual([{ field: 'city', base: null, bob: b, crm: c, status, proposed }]);
  });
});

describe('diffFields properties', () => {
  const value = fc.constantFrom('', 'a', 'b', 'c');
  const base = fc.option(value, { nil: null });

  it('reports a field exactly when the sides differ or both left the base', () => {
    fc.assert(
      fc.property(base, value, value, fc.constantFrom<Side>('bob', 'crm'), (B, b, c, policy) => {
        const changes = one(B, b, c, policy);
        const expectChange = b !== c || (B !== null && b !== B);
        expect(changes.length).toBe(expectChange ? 1 : 0);
      }),
    );
  });

  it('proposes a direction that makes both sides equal, from the side that moved', () => {
    fc.assert(
      fc.property(base, value, value, fc.constantFrom<Side>('bob', 'crm'), (B, b, c, policy) => {
        for (const change of one(B, b, c, policy)) {
          if (change.status === 'converged') {
            expect(change.proposed).toBeNull();
            expect(b).toBe(c);
            continue;
          }
          expect(change.proposed).not.toBeNull();
          if (change.status === 'conflict') expect(change.proposed).toBe(policy === 'bob' ? 'bob>crm' : 'crm>bob');
          else expect(change.proposed).toBe(change.status);
          // The side that is overwritten never holds a value the user changed alone.
          if (change.status === 'bob>crm' && B !== null) expect(c).toBe(B);
          if (change.status === 'crm>bob' && B !== null) expect(b).toBe(B);
        }
      }),
    );
  });

  it('is symmetric: swapping sides and policy swaps directions', () => {
    const flip = (s: string | null): string | null =>
      s === 'bob>crm' ? 'crm>bob' : s === 'crm>bob' ? 'bob>crm' : s;
    fc.assert(
      fc.property(base, value, value, fc.constantFrom<Side>('bob', 'crm'), (B, b, c, policy) => {
        const there = one(B, b, c, policy);
        const back = one(B, c, b, policy === 'bob' ? 'crm' : 'bob');
        expect(back.map((x) => [flip(x.status), flip(x.proposed)])).toEqual(there.map((x) => [x.status, x.proposed]));
      }),
    );
  });
});
