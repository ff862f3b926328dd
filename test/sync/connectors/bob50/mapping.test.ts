import { BobMappingError, DEFAULT_BOB_MAPPING, parseBobMapping } from '../../../../src/sync/connectors/bob50/mapping';

function problemsOf(input: unknown): string[] {
  try {
    parseBobMapping(input);
  } catch (error) {
    expect(error).toBeInstanceOf(BobMappingError);
    return (error as BobMappingError).problems;
  }
  throw new Error('expected the mapping to be rejected');
}

describe('BOB mapping', () => {
  it('defaults to the column names seen in public material', () => {
    expect(DEFAULT_BOB_MAPPING.table).toBe('AC_COMPAN');
    expect(DEFAULT_BOB_MAPPING.columns).toMatchObject({
      cid: 'CID',
      customer: 'CCUSTYPE',
      supplier: 'CSUPTYPE',
      name: 'CNAME1',
      vatPrefix: 'CVATREF',
      vatNumber: 'CVATNO',
      email: 'EMAILADDRESS',
      phone: 'CTELNO',
      website: 'CWEBSITE',
    });
    expect(DEFAULT_BOB_MAPPING.flags).toEqual({ customer: 'C', supplier: 'S' });
    expect(DEFAULT_BOB_MAPPING.widths).toMatchObject({ cid: 10, name: 40, vatNumber: 12, email: 80, website: 100 });
    expect(DEFAULT_BOB_MAPPING.customFields.definitions.table).toBe('AC_CFDEF');
    expect(DEFAULT_BOB_MAPPING.customFields.values).toEqual({
      table: 'AC_CFVAL',
      cid: 'CID',
      name: 'CFNAME',
      value: 'CFVALUE',
    });
  });

  it('keeps the defaults of the keys a partial mapping leaves out', () => {
    const mapping = parseBobMapping({ columns: { phone: 'TELEPHONE', website: null }, widths: { name: 100 } });
    expect(mapping.columns.phone).toBe('TELEPHONE');
    expect(mapping.columns.website).toBeNull();
    expect(mapping.columns.name).toBe('CNAME1');
    expect(mapping.widths.name).toBe(100);
    expect(mapping.widths.cid).toBe(10);
  });

  it('names the key of a value of the wrong type', () => {
    expect(problemsOf({ columns: { phone: 12 } }).join('\n')).toMatch(/^columns\.phone: /m);
  });

  it('names a misspelt key', () => {
    expect(problemsOf({ columns: { phon: 'CTELNO' } }).join('\n')).toMatch(/columns: .*phon/);
  });

  it('rejects identifiers that would need escaping, naming the key', () => {
    expect(problemsOf({ customFields: { values: { table: 'AC CFVAL' } } }).join('\n')).toMatch(
      /^customFields\.values\.table: /m,
    );
  });

  it('rejects two keys mapped to the same column', () => {
    expect(problemsOf({ columns: { phone: 'cname1' } })).toEqual([
      'columns.phone: maps to column cname1, already used by columns.name',
    ]);
  });
});
