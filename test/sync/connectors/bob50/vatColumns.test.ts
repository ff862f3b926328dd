import { joinVat, splitVat } from '../../../../src/sync/connectors/bob50/vatColumns';

describe('VAT columns', () => {
  it('splits the two-letter prefix from the number', () => {
    expect(splitVat('BE0411905847')).toEqual({ prefix: 'BE', number: '0411905847' });
    expect(splitVat('NL123456789B01')).toEqual({ prefix: 'NL', number: '123456789B01' });
    expect(splitVat('')).toEqual({ prefix: '', number: '' });
  });

  it('leaves a number without prefix whole', () => {
    expect(splitVat('0411905847')).toEqual({ prefix: '', number: '0411905847' });
  });

  it('joins the columns as stored, trimmed but not normalised', () => {
    expect(joinVat('BE ', ' 0411.905.847 ')).toBe('BE0411.905.847');
    expect(joinVat('', '')).toBe('');
  });
});
