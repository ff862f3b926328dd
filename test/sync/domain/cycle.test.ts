/**
 * Properties of the whole cycle pull → decide → apply → pull, on small random dossiers
 * simulated in memory (see simulate.ts).
 */
import fc from 'fast-check';
import type { Direction, PendingRow } from '../../../src/contract/pending';
import { clearRunNever, idsOf, pull, run, worldArb, type Action } from './simulate';

const directionArb = fc.func<[string, string], Direction>(fc.constantFrom('bob>crm', 'crm>bob'));
const actionArb = fc.func<[string], Action>(fc.constantFrom('apply', 'apply', 'skip', 'never'));

/** The ids a row leaves behind once applied (a creation's new record is not known here, its source is). */
const appliedIds = (rows: PendingRow[], act: (key: string) => Action): Set<string> =>
  idsOf(rows.filter((r) => r.blockedReason === '' && act(r.key) === 'apply'));

describe('pull, apply, pull', () => {
  it('leaves nothing pending for a pair once its row is applied', () => {
    fc.assert(
      fc.property(worldArb({ vatDrift: true }), directionArb, (world, direction) => {
        const first = pull(world);
        const after = run(world, first.rows, () => 'apply', direction);
        const second = pull(after);
        const touched = appliedIds(first.rows, () => 'apply');
        for (const row of second.rows) {
          for (const id of idsOf([row])) expect(touched.has(id) ? row : null).toBeNull();
          // Pairs untouched by the run had nothing pending; a VAT number that moved can only
          // free or block unassociated records.
          expect(row.kind).not.toBe('update');
        }
        // Runs that apply everything settle quickly on rows only the user can unblock.
        let current = after;
        let rows = second.rows;
        for (let i = 0; i < 4 && rows.some((r) => r.blockedReason === ''); i++) {
          current = run(current, rows, () => 'apply', direction);
          rows = pull(current).rows;
        }
        expect(rows.filter((r) => r.blockedReason === '')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same pull again when every row is skipped', () => {
    fc.assert(
      fc.property(worldArb({ vatDrift: true }), directionArb, (world, direction) => {
        const first = pull(world);
        const second = pull(run(world, first.rows, () => 'skip', direction));
        expect(second).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('brings skipped rows back unchanged and never rows only once the flag is cleared', () => {
    fc.assert(
      fc.property(worldArb({ vatDrift: false }), actionArb, directionArb, (world, act, direction) => {
        const first = pull(world);
        const after = run(world, first.rows, act, direction);
        const second = pull(after);
        const applied = appliedIds(first.rows, act);
        const neverRows = first.rows.filter((r) => act(r.key) === 'never');
        const neverIds = idsOf(neverRows);

        for (const row of first.rows.filter((r) => act(r.key) === 'skip')) {
          expect(second.rows).toContainEqual(row);
        }
        for (const row of second.rows) {
          for (const id of idsOf([row])) {
            expect(applied.has(id) ? `${row.key} came back after apply` : '').toBe('');
            expect(neverIds.has(id) ? `${row.key} came back while never` : '').toBe('');
          }
        }
        // Still excluded on the next run, whatever happens to the other rows.
        const third = pull(run(after, second.rows, () => 'apply', direction));
        for (const id of idsOf(third.rows)) expect(neverIds.has(id) ? id : '').toBe('');

        const cleared = pull(clearRunNever(after));
        for (const row of neverRows) expect(cleared.rows).toContainEqual(row);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order records and associations are read in', () => {
    const all = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length });
    const worlds = worldArb({ vatDrift: true }).chain((world) =>
      fc.tuple(
        fc.constant(world),
        fc.record({ bob: all(world.bob), crm: all(world.crm), associations: all(world.associations) }),
      ),
    );
    fc.assert(
      fc.property(worlds, ([world, shuffled]) => {
        expect(pull({ ...world, ...shuffled })).toEqual(pull(world));
      }),
      { numRuns: 200 },
    );
  });
});
