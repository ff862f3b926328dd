import fc from 'fast-check';
import { rowVersion } from '../../../src/sync/domain/version';

describe('rowVersion', () => {
  it('is 16 hex characters', () => {
    expect(rowVersion({ name: 'A' }, null)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('does not depend on key order', () => {
    expect(rowVersion({ name: 'A', city: 'B' }, { city: 'C', name: 'D' })).toBe(
      rowVersion({ city: 'B', name: 'A' }, { name: 'D', city: 'C' }),
    );
  });

  it('tells the sides, an absent side and an empty one apart', () => {
    const versions = [
      rowVersion({ name: 'A' }, { name: 'B' }),
      rowVersion({ name: 'B' }, { name: 'A' }),
      rowVersion({ name: 'A' }, null),
      rowVersion(null, { name: 'A' }),
      rowVersion({ name: 'A' }, {}),
      rowVersion({ name: 'A', city: '' }, {}),
    ];
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('changes when any value changes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(rowVersion({ name: a }, null)).not.toBe(rowVersion({ name: b }, null));
      }),
    );
  });
});
