import { euVat } from 'stdnum';
import { DEFAULT_BOB_MAPPING, SIMPLE_FIELD_COLUMNS } from '../../../../src/sync/connectors/bob50/mapping';
import { splitVat } from '../../../../src/sync/connectors/bob50/vatColumns';
import { isCustomFieldKey, type Values } from '../../../../src/sync/domain/customer';
import { DOSSIER_SHARES, few, generateDossier } from '../../../../src/sync/sandbox/dossier/generateDossier';

/** The normalisation of shared/reference/vat.md, written independently of the generator. */
const normalise = (vat: string) => vat.toUpperCase().replace(/[\s.\-/]/g, '');
const isValidVat = (vat: string): boolean => {
  const country = vat.slice(0, 2) as keyof typeof euVat;
  return euVat[country] !== undefined && euVat[country][0].validate(vat).isValid;
};
const withoutBobOnly = (values: Values) =>
  Object.fromEntries(Object.entries(values).filter(([key]) => key !== 'cf.CENTRECOUT'));

const CUSTOMERS = 2000;
const dossier = generateDossier({ customers: CUSTOMERS, seed: 2024 });
const bobCustomers = dossier.bob.filter((c) => c.isCustomer);
const vatsOf = (records: Array<{ values: Values }>) => records.map((r) => r.values.vat ?? '');

describe('generateDossier', () => {
  it('is deterministic for a seed and varies with it', () => {
    expect(generateDossier({ customers: 300, seed: 7 })).toEqual(generateDossier({ customers: 300, seed: 7 }));
    expect(generateDossier({ customers: 300, seed: 8 })).not.toEqual(generateDossier({ customers: 300, seed: 7 }));
  });

  it('makes the requested number of BOB customers, with suppliers on top', () => {
    expect(bobCustomers).toHaveLength(CUSTOMERS);
    const suppliersOnly = dossier.bob.filter((c) => !c.isCustomer);
    expect(suppliersOnly).toHaveLength(few(CUSTOMERS, DOSSIER_SHARES.suppliers));
    expect(suppliersOnly.every((c) => c.isSupplier)).toBe(true);
    const alsoSuppliers = bobCustomers.filter((c) => c.isSupplier).length;
    expect(alsoSuppliers / CUSTOMERS).toBeGreaterThan(0.03);
    expect(alsoSuppliers / CUSTOMERS).toBeLessThan(0.07);
  });

  it('gives unique BOB-like codes, sorted', () => {
    const cids = dossier.bob.map((c) => c.cid);
    expect(new Set(cids).size).toBe(cids.length);
    for (const cid of cids) expect(cid).toMatch(/^[A-Z0-9]{1,10}$/);
    expect([...cids].sort()).toEqual(cids);
  });

  it('holds valid VAT numbers of both Belgian series, and a few invalid or missing ones', () => {
    const vats = vatsOf(bobCustomers);
    const missing = vats.filter((vat) => vat === '');
    const invalid = vats.filter((vat) => vat !== '' && !isValidVat(vat));
    expect(missing).toHaveLength(few(CUSTOMERS, DOSSIER_SHARES.missingVat));
    expect(invalid).toHaveLength(few(CUSTOMERS, DOSSIER_SHARES.invalidVat));
    for (const vat of invalid) expect(vat).toMatch(/^BE\d{10}$/);

    const belgian = vatsOf(dossier.bob).filter((vat) => vat.startsWith('BE') && !invalid.includes(vat));
    for (const vat of belgian) {
      expect(vat).toMatch(/^BE[01]\d{9}$/);
      expect(euVat.BE[0].validate(vat).isValid).toBe(true);
    }
    const oneSeries = belgian.filter((vat) => vat.startsWith('BE1')).length / belgian.length;
    expect(oneSeries).toBeGreaterThan(0.05);
    expect(oneSeries).toBeLessThan(0.2);
  });

  it('has neighbours from the Netherlands, Luxembourg and France with valid VAT numbers', () => {
    for (const country of ['NL', 'LU', 'FR']) {
      const foreign = dossier.bob.filter((c) => c.values.country === country);
      expect(foreign.length).toBeGreaterThan(CUSTOMERS * 0.01);
      // Missing numbers aside, foreign numbers come from VIES and are right.
      for (const vat of vatsOf(foreign).filter((v) => v !== '')) expect(isValidVat(vat)).toBe(true);
    }
    expect(dossier.bob.filter((c) => c.values.country === 'BE').length / dossier.bob.length).toBeGreaterThan(0.85);
  });

  it('pairs most customers with a CRM customer holding the same canonical values', () => {
    expect(dossier.pairs).toHaveLength(
      CUSTOMERS - few(CUSTOMERS, DOSSIER_SHARES.missingVat) - few(CUSTOMERS, DOSSIER_SHARES.invalidVat),
    );
    const byCid = new Map(dossier.bob.map((c) => [c.cid, c]));
    const crmIndexes = new Set<number>();
    for (const { cid, crmIndex } of dossier.pairs) {
      const bob = byCid.get(cid)!;
      const crm = dossier.crm[crmIndex];
      crmIndexes.add(crmIndex);
      expect(bob.isCustomer).toBe(true);
      expect(crm.type).toBe('Customer');
      expect(crm.bobsync).toBe(true);
      expect(isValidVat(bob.values.vat ?? '')).toBe(true);
      expect({ ...crm.values, vat: normalise(crm.values.vat ?? '') }).toEqual(withoutBobOnly(bob.values));
    }
    expect(crmIndexes.size).toBe(dossier.pairs.length);
  });

  it('types CRM VAT numbers in varied real-world forms', () => {
    const paired = dossier.pairs.map(({ crmIndex }) => dossier.crm[crmIndex].values.vat ?? '');
    const retyped = paired.filter((vat) => vat !== normalise(vat)).length / paired.length;
    expect(retyped).toBeGreaterThan(0.4);
    expect(retyped).toBeLessThan(0.8);
    const shapes = new Set(paired.map((vat) => vat.replace(/\d/g, '9')));
    expect(shapes.size).toBeGreaterThanOrEqual(8);
    expect(paired).toContainEqual(expect.stringMatching(/^BE \d{4}\.\d{3}\.\d{3}$/));
    expect(paired).toContainEqual(expect.stringMatching(/^BE\d{10}$/));
  });

  it('has CRM-only companies: prospects, suppliers, unticked and VAT-less customers', () => {
    const count = (predicate: (c: (typeof dossier.crm)[number]) => boolean) => dossier.crm.filter(predicate).length;
    expect(count((c) => c.type === 'Prospect')).toBe(few(CUSTOMERS, DOSSIER_SHARES.prospects));
    expect(count((c) => c.type === 'Supplier')).toBeGreaterThan(0);
    expect(count((c) => c.type === 'Supplier' && c.bobsync)).toBe(0);
    expect(count((c) => c.type === 'Customer' && !c.bobsync)).toBe(few(CUSTOMERS, DOSSIER_SHARES.unticked));
    expect(count((c) => c.type === 'Customer' && c.values.vat === '')).toBe(
      few(CUSTOMERS, DOSSIER_SHARES.crmWithoutVat),
    );
  });

  it('has a few CRM duplicates: two eligible customers with the same VAT number', () => {
    const eligible = dossier.crm.filter((c) => c.type === 'Customer' && c.bobsync && c.values.vat !== '');
    const counts = new Map<string, number>();
    for (const c of eligible) {
      const vat = normalise(c.values.vat ?? '');
      counts.set(vat, (counts.get(vat) ?? 0) + 1);
    }
    const duplicated = [...counts.values()].filter((n) => n > 1);
    expect(duplicated).toEqual(Array(few(CUSTOMERS, DOSSIER_SHARES.duplicates)).fill(2));
  });

  it('writes French and Dutch names with accents and Belgian legal forms', () => {
    const names = dossier.bob.map((c) => c.values.name ?? '');
    const accented = names.filter((name) => /[À-ÿŒœ]/.test(name)).length / names.length;
    expect(accented).toBeGreaterThan(0.2);
    const forms = new Set(names.map((name) => name.split(' ').at(-1)));
    for (const form of ['SA', 'SPRL', 'SRL', 'BV', 'NV', 'VZW', 'ASBL']) expect(forms).toContain(form);
  });

  it('places customers in real Belgian cities with their postcodes, in the customer language', () => {
    const cities = new Set(dossier.bob.map((c) => `${c.values.postcode} ${c.values.city}`));
    const expected = ['1000 Bruxelles', '1000 Brussel', '4000 Liège', '9000 Gent', '2000 Antwerpen', '5000 Namur'];
    for (const city of [...expected, '4700 Eupen', '3000 Leuven', '6000 Charleroi', '7000 Mons', '8000 Brugge']) {
      expect(cities).toContain(city);
    }
    const languages = new Set(dossier.bob.map((c) => c.values.language));
    expect(languages).toEqual(new Set(['FR', 'NL', 'EN']));
    const belgianPhones = dossier.bob.filter((c) => c.values.country === 'BE' && c.values.phone !== '');
    for (const c of belgianPhones) expect(c.values.phone).toMatch(/^\+32 \d{1,3}( \d{2,3}){3}$/);
  });

  it('fits every value in the BOB column widths', () => {
    const widths = DEFAULT_BOB_MAPPING.widths;
    for (const { cid, values } of dossier.bob) {
      expect(cid.length).toBeLessThanOrEqual(widths.cid);
      for (const field of SIMPLE_FIELD_COLUMNS) expect((values[field] ?? '').length).toBeLessThanOrEqual(widths[field]);
      const { prefix, number } = splitVat(values.vat ?? '');
      expect(prefix.length).toBeLessThanOrEqual(widths.vatPrefix);
      expect(number.length).toBeLessThanOrEqual(widths.vatNumber);
    }
  });

  it('defines custom fields on both sides, one of them BOB-only', () => {
    const { bob, crm } = dossier.customFieldDefs;
    expect(bob.map((d) => d.name)).toEqual(['SECTEUR', 'REMISE', 'CLIENTDEPUIS', 'NEWSLETTER', 'REGION', 'CENTRECOUT']);
    expect(crm).toEqual([
      { name: 'comp_secteur', type: 'string', length: 30 },
      { name: 'comp_remise', type: 'number' },
      { name: 'comp_clientdepuis', type: 'date' },
      { name: 'comp_newsletter', type: 'boolean' },
      { name: 'comp_region', type: 'string', length: 20 },
    ]);
    for (const { values } of dossier.bob) {
      expect(Object.keys(values).filter(isCustomFieldKey)).toEqual(bob.map((d) => `cf.${d.name}`));
      expect(values['cf.CLIENTDEPUIS']).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      expect(['true', 'false', '']).toContain(values['cf.NEWSLETTER']);
    }
  });

  it('handles tiny dossiers', () => {
    expect(generateDossier({ customers: 0, seed: 1 })).toMatchObject({ bob: [], crm: [], pairs: [] });
    expect(generateDossier({ customers: 3, seed: 1 }).pairs).toHaveLength(3);
    expect(() => generateDossier({ customers: -1, seed: 1 })).toThrow(/non-negative integer/);
  });
});
