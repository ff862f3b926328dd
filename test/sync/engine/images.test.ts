import { holds, movedFrom } from '../../../src/sync/engine/images';

describe('journal images against what a system holds', () => {
  const current = { name: 'Acme SA ', vat: 'BE 0411.905.847', city: 'Liège', phone: '' };

  it('names the fields that moved, blanks and VAT spellings aside', () => {
    expect(movedFrom(current, { name: 'Acme SA', vat: 'BE0411905847' })).toEqual([]);
    expect(movedFrom(current, { name: 'Acme', city: 'Liège', phone: '04 222 22 22', email: '' })).toEqual(['name', 'phone']);
    expect(holds(current, { city: 'Liège', email: '' })).toBe(true);
    expect(holds(current, { vat: 'BE0202239951' })).toBe(false);
  });
});
