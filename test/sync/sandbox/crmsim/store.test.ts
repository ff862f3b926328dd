import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CrmSimStore,
  SimInputError,
  SimNotFoundError,
  type SimCompanyInput,
} from '../../../../src/sync/sandbox/crmsim';

const acme: SimCompanyInput = {
  comp_name: 'Acme SA',
  comp_type: 'Customer',
  comp_bobsync: true,
  comp_vatnumber: 'BE0411905847',
  comp_language: 'FR',
  comp_website: 'https://acme.example',
  address: { addr_address1: 'Rue de la Loi 16', addr_postcode: '1000', addr_city: 'Bruxelles', addr_country: 'BE' },
  phone: '+32 2 123 45 67',
  fax: '+32 2 123 45 68',
  email: 'info@acme.example',
};

describe('CrmSimStore', () => {
  let store: CrmSimStore;
  beforeEach(() => {
    store = CrmSimStore.open(':memory:');
  });
  afterEach(() => store.close());

  test('inserts companies with their address, phones and e-mail, linked as in CRM', () => {
    const bare = { comp_name: 'Bare', comp_type: 'Prospect', comp_bobsync: false };
    const [id, other] = store.insertCompanies([acme, bare]);
    expect(store.count()).toBe(2);

    const c = store.get(id)!;
    expect(c.fields).toMatchObject({
      comp_companyid: id,
      comp_name: 'Acme SA',
      comp_type: 'Customer',
      comp_bobsync: 'Y',
      comp_vatnumber: 'BE0411905847',
      comp_deleted: null,
    });
    expect(c.fields.comp_primaryaddressid).toBe(c.address!.addr_addressid);
    expect(c.address).toMatchObject({ addr_address1: 'Rue de la Loi 16', addr_city: 'Bruxelles', addr_address2: null });
    expect(c.phones.map((p) => [p.phon_type, p.phon_number])).toEqual([
      ['Business', '+32 2 123 45 67'],
      ['Fax', '+32 2 123 45 68'],
    ]);
    expect(c.emails.map((e) => e.emai_emailaddress)).toEqual(['info@acme.example']);
    expect(c.fields.comp_createddate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    expect(store.get(other)).toMatchObject({ address: null, phones: [], emails: [], fields: { comp_bobsync: 'N' } });
    expect(store.get(9999)).toBeUndefined();
  });

  test('refuses a seed the REST API would refuse, and inserts nothing of the batch', () => {
    expect(() => store.insertCompanies([acme, { ...acme, comp_name: 'x'.repeat(61) }])).toThrow(/comp_name.*60/);
    expect(() => store.insertCompanies([{ ...acme, custom: { comp_unknown: 'x' } }])).toThrow(SimInputError);
    expect(store.count()).toBe(0);
  });

  test('every write moves comp_updateddate forward, even many in the same millisecond', () => {
    const [id] = store.insertCompanies([acme]);
    const stamps = [store.get(id)!.fields.comp_updateddate as string];
    for (let i = 0; i < 50; i++) {
      store.updateCompany(id, { comp_website: `https://acme${i}.example` });
      stamps.push(store.get(id)!.fields.comp_updateddate as string);
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i] > stamps[i - 1]).toBe(true);
    expect(store.get(id)!.fields.comp_createddate).toBe(stamps[0]);
  });

  test('updateCompany changes linked records in place or creates them', () => {
    const empty = { comp_name: 'Bare', comp_type: 'Customer', comp_bobsync: true };
    const [full, bare] = store.insertCompanies([acme, empty]);
    const before = store.get(full)!;
    store.updateCompany(full, { address: { addr_city: 'Gent' }, phone: '+32 9 000 00 00', comp_bobsync: false });
    const after = store.get(full)!;
    expect(after.address).toMatchObject({ addr_addressid: before.address!.addr_addressid, addr_city: 'Gent', addr_postcode: '1000' });
    expect(after.phones[0]).toMatchObject({ phon_phoneid: before.phones[0].phon_phoneid, phon_number: '+32 9 000 00 00' });
    expect(after.fields.comp_bobsync).toBe('N');

    store.updateCompany(bare, { address: { addr_city: 'Liège' }, email: 'bare@example.be', fax: '+32 4 1' });
    const created = store.get(bare)!;
    expect(created.address).toMatchObject({ addr_city: 'Liège' });
    expect(created.fields.comp_primaryaddressid).toBe(created.address!.addr_addressid);
    expect(created.emails[0]).toMatchObject({ emai_type: 'Business', emai_emailaddress: 'bare@example.be' });
    expect(created.phones[0]).toMatchObject({ phon_type: 'Fax' });

    expect(() => store.updateCompany(9999, { comp_name: 'x' })).toThrow(SimNotFoundError);
  });

  test('softDelete marks the company and keeps it', () => {
    const [id] = store.insertCompanies([acme]);
    store.softDelete(id);
    expect(store.get(id)!.fields.comp_deleted).toBe('Y');
    expect(store.list({ offset: 0, limit: 10 }).companies.map((c) => c.id)).toEqual([id]);
    expect(() => store.softDelete(9999)).toThrow(SimNotFoundError);
  });

  test('custom fields are real columns with types and widths', () => {
    store.defineCustomField({ name: 'comp_secteur', type: 'string', length: 10 });
    store.defineCustomField({ name: 'comp_employees', type: 'number' });
    // The same definition again is accepted: the sandbox may define fields on every start.
    store.defineCustomField({ name: 'comp_secteur', type: 'string', length: 10 });
    expect(() => store.defineCustomField({ name: 'comp_secteur', type: 'number' })).toThrow(/another definition/);
    expect(() => store.defineCustomField({ name: 'comp_name', type: 'string' })).toThrow(SimInputError);
    expect(() => store.defineCustomField({ name: 'secteur', type: 'string' })).toThrow(/comp_/);
    expect(() => store.defineCustomField({ name: 'comp_x"; DROP TABLE Company; --', type: 'string' })).toThrow(SimInputError);

    const [id] = store.insertCompanies([{ ...acme, custom: { comp_secteur: 'Retail', comp_employees: '42' } }]);
    expect(store.get(id)!.fields).toMatchObject({ comp_secteur: 'Retail', comp_employees: 42 });
    expect(() => store.updateCompany(id, { custom: { comp_secteur: 'x'.repeat(11) } })).toThrow(/comp_secteur.*10/);
    expect(() => store.updateCompany(id, { custom: { comp_employees: 'many' } })).toThrow(/comp_employees/);
    const names = [...store.companyFields().keys()];
    expect(names).toEqual(expect.arrayContaining(['comp_name', 'comp_secteur', 'comp_employees']));
  });

  test('a reopened file keeps its companies, custom fields and clock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crmsim-'));
    try {
      const file = join(dir, 'crm.sqlite');
      const first = CrmSimStore.open(file);
      first.defineCustomField({ name: 'comp_secteur', type: 'string', length: 10 });
      const [id] = first.insertCompanies([{ ...acme, custom: { comp_secteur: 'Retail' } }]);
      const stamp = first.get(id)!.fields.comp_updateddate as string;
      first.close();

      const again = CrmSimStore.open(file);
      try {
        expect(again.get(id)!.fields.comp_secteur).toBe('Retail');
        again.updateCompany(id, { custom: { comp_secteur: 'Horeca' } });
        expect((again.get(id)!.fields.comp_updateddate as string) > stamp).toBe(true);
      } finally {
        again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('list filters, orders and pages, with a total', () => {
    store.insertCompanies(
      ['Delta', 'alpha', 'Charlie', 'Bravo'].map((name) => ({ ...acme, comp_name: name })),
    );
    const page = store.list({ orderBy: 'comp_name desc', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    // Text sorts without regard to case, as under SQL Server's default collation.
    expect(page.companies.map((c) => c.fields.comp_name)).toEqual(['Charlie', 'Bravo']);
    const filtered = store.list({ where: "comp_name like '%A' or comp_name eq 'bravo'", offset: 0, limit: 10 });
    expect(filtered.companies.map((c) => c.fields.comp_name)).toEqual(['Delta', 'alpha', 'Bravo']);
    expect(() => store.list({ orderBy: 'comp_nope asc', offset: 0, limit: 1 })).toThrow(/orderBy/);
  });
});
