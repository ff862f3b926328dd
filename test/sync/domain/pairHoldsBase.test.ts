import fc from 'fast-check';
import type { CustomFieldSetting } from '../../../src/contract/customFields';
import { canonicalPair, pairHoldsBase } from '../../../src/sync/domain/canonical';
import { CANONICAL_FIELDS, type Values } from '../../../src/sync/domain/customer';
import { diffFields } from '../../../src/sync/domain/diff';
import { bob, crm, setting } from './fixtures';

// Values close to each other: padding, case, double spaces and VAT spellings make most of the
// differences that canonical values must see through.
const text = fc.constantFrom('', 'Gent', ' Gent', 'gent', 'Gent  ', 'Sint  Niklaas', 'Sint Niklaas', 'BE 0411.905.847', 'BE0411905847', 'be0403019261', 'X');
const values = fc.dictionary(fc.constantFrom(...CANONICAL_FIELDS, 'cf.SECTEUR', 'cf.REGION'), text) as fc.Arbitrary<Values>;
const settings: fc.Arbitrary<CustomFieldSetting[]> = fc.constantFrom<CustomFieldSetting[]>(
  [],
  [setting('SECTEUR')],
  [setting('SECTEUR', { transform: 'upper', maxLength: 3 }), setting('REGION', { condition: 'not_empty' })],
  [setting('REGION', { selected: false })],
);

describe('pairHoldsBase', () => {
  it('is true exactly when the three-way diff of the canonical pair finds nothing', () => {
    fc.assert(
      fc.property(values, values, values, settings, (b, c, base, s) => {
        const pair = canonicalPair(bob('C1', b), crm('1', c), s);
        const changes = diffFields(base, pair.bob, pair.crm, pair.fields, 'bob');
        expect(pairHoldsBase(bob('C1', b), crm('1', c), s, base)).toBe(changes.length === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is true for records that hold their own canonical values as base', () => {
    fc.assert(
      fc.property(values, settings, (v, s) => {
        const pair = canonicalPair(bob('C1', v), crm('1', v), s);
        expect(pairHoldsBase(bob('C1', v), crm('1', v), s, pair.bob)).toBe(true);
      }),
    );
  });
});
