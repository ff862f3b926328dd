import { CrmError } from '../../../../src/sync/connectors/sagecrm';
import { CrmHttp } from '../../../../src/sync/connectors/sagecrm/http';
import { company, PASSWORD, USER, withSimulator, type Harness } from './withSimulator';

const acme = company(1, {
  comp_name: 'Acme SA',
  comp_vatnumber: 'BE0411905847',
  comp_language: 'FR',
  comp_website: 'https://acme.example',
  address: {
    addr_address1: 'Rue de la Loi 16',
    addr_address2: 'Bte 3',
    addr_postcode: '1000',
    addr_city: 'Bruxelles',
    addr_country: 'BE',
  },
  phone: '+32 2 123 45 67',
  fax: '+32 2 123 45 68',
  email: 'info@acme.example',
  custom: { comp_secteur: 'Retail', comp_employees: '42' },
});

describe('SageCrmClient against the simulator', () => {
  let h: Harness;
  afterEach(async () => h.close());

  describe('reading', () => {
    beforeEach(async () => {
      h = await withSimulator([acme, company(2, { comp_type: 'Prospect', comp_bobsync: false })]);
    });

    test('maps a company, its primary address, Business phone and e-mail to canonical values', async () => {
      const [first, second] = await h.client().readAll();
      expect(first).toEqual({
        id: '1',
        type: 'Customer',
        bobsync: true,
        deleted: false,
        updatedAt: h.store.get(1)!.fields.comp_updateddate,
        values: {
          name: 'Acme SA',
          website: 'https://acme.example',
          vat: 'BE0411905847',
          language: 'FR',
          address1: 'Rue de la Loi 16',
          address2: 'Bte 3',
          postcode: '1000',
          city: 'Bruxelles',
          country: 'BE',
          phone: '+32 2 123 45 67',
          email: 'info@acme.example',
          'cf.Secteur': 'Retail',
          'cf.EMPLOYEES': '42',
        },
      });
      expect(second).toMatchObject({
        id: '2',
        type: 'Prospect',
        bobsync: false,
        values: { address1: '', phone: '', email: '', website: '', 'cf.Secteur': '', 'cf.EMPLOYEES': '' },
      });
    });

    test('custom fields not listed, or missing in CRM, are left out', async () => {
      const [first] = await h.client({}, [{ name: 'Secteur', type: 'string' }, { name: 'Colour', type: 'string' }]).readAll();
      expect(first.values['cf.Secteur']).toBe('Retail');
      expect(Object.keys(first.values)).not.toContain('cf.EMPLOYEES');
      expect(Object.keys(first.values)).not.toContain('cf.Colour');
    });

    test('readMany leaves unknown ids out of the map', async () => {
      const found = await h.client().readMany(['2', '999', '1']);
      expect([...found.keys()].sort()).toEqual(['1', '2']);
      expect(found.get('1')!.values.name).toBe('Acme SA');
    });

    test('findByVat finds by the VAT field as stored', async () => {
      expect((await h.client().findByVat('BE0411905847')).map((c) => c.id)).toEqual(['1']);
      expect(await h.client().findByVat("BE0'; --")).toEqual([]);
    });

    test('a wrong password is a CrmError that says what to check', async () => {
      const error = await h.client({ password: 'wrong' }).readAll().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({ kind: 'credentials', status: 401 });
      expect((error as CrmError).message).toBe(
        `Sage CRM refused the credentials for user ${USER}: check user and password and that the user has web-service rights`,
      );
    });

    test('customFields lists the custom comp_ fields from $prototypes/company, not the mapped ones', async () => {
      expect(await h.client().customFields()).toEqual([
        { name: 'comp_secteur', type: 'string', length: 20, readOnly: false, mandatory: false },
        { name: 'comp_employees', type: 'number', length: undefined, readOnly: false, mandatory: false },
      ]);
      const withOtherVat = await h.client({ vatField: 'comp_secteur' }).customFields();
      expect(withOtherVat.map((f) => f.name)).toEqual(['comp_vatnumber', 'comp_employees']);
    });

    test('a bad where is a CrmError carrying the server message', async () => {
      const http = new CrmHttp({ baseUrl: h.sim.url, user: USER, password: PASSWORD, timeoutMs: 5000 });
      const error = await http.send('GET', 'Company', { query: { where: "comp_nom eq 'x'" } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'invalid', status: 400 });
      expect((error as Error).message).toMatch(/^Sage CRM refused GET Company: Invalid where clause .*unknown field 'comp_nom'/);
    });
  });

  describe('paging', () => {
    const N = 47;
    beforeEach(async () => {
      h = await withSimulator(Array.from({ length: N }, (_, i) => company(i + 1)), { maxPageSize: 4 });
    });

    test('reads every record exactly once when the server cuts pages below the requested count', async () => {
      const progress: Array<[number, number | undefined]> = [];
      const client = h.client({ pageSize: 10, concurrency: 3 });
      const all = await client.readAll((done, total) => progress.push([done, total]));
      expect(all.map((c) => Number(c.id))).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      // ceil(47 / 4) pages: the client followed $itemsPerPage instead of asking for 10 again and again.
      expect(h.sim.requestCount()).toBe(12);
      expect(progress[progress.length - 1]).toEqual([N, N]);
      expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    });

    test('lists the companies changed since a moment, across pages', async () => {
      const since = h.store.get(1)!.fields.comp_updateddate as string;
      for (const id of [3, 17, 18, 30, 41, 44]) h.store.updateCompany(id, { comp_website: `https://c${id}.example` });
      h.store.softDelete(9);
      const changed = await h.client({ pageSize: 2 }).listChangedSince(since);
      expect(changed.map((c) => c.id)).toEqual(['3', '9', '17', '18', '30', '41', '44']);
      expect(changed.find((c) => c.id === '9')!.deleted).toBe(true);
      await expect(h.client().listChangedSince('last week')).rejects.toThrow(/ISO 8601/);
    });

    test('an empty CRM reads as no companies', async () => {
      await h.close();
      h = await withSimulator([]);
      expect(await h.client().readAll()).toEqual([]);
    });
  });

  describe('writing', () => {
    beforeEach(async () => {
      h = await withSimulator([acme, company(2)]);
    });

    test('update writes company, address, phone and e-mail fields where they live', async () => {
      const client = h.client();
      const before = (await client.readMany(['1'])).get('1')!;
      const addressId = h.store.get(1)!.address!.addr_addressid;
      await client.update('1', {
        name: 'Acme NV',
        vat: 'BE0403019261',
        'cf.Secteur': 'Horeca',
        city: 'Antwerpen',
        postcode: '2000',
        phone: '+32 3 000 00 00',
        email: 'hello@acme.example',
      });
      const after = (await client.readMany(['1'])).get('1')!;
      expect(after.values).toEqual({
        ...before.values,
        name: 'Acme NV',
        vat: 'BE0403019261',
        'cf.Secteur': 'Horeca',
        city: 'Antwerpen',
        postcode: '2000',
        phone: '+32 3 000 00 00',
        email: 'hello@acme.example',
      });
      expect(after.updatedAt > before.updatedAt).toBe(true);
      // Patched in place: same address, and the fax is untouched.
      const stored = h.store.get(1)!;
      expect(stored.address!.addr_addressid).toBe(addressId);
      expect(stored.phones.find((p) => p.phon_type === 'Fax')!.phon_number).toBe('+32 2 123 45 68');
    });

    test('each kind of linked write alone moves comp_updateddate', async () => {
      const client = h.client();
      let stamp = (await client.readMany(['1'])).get('1')!.updatedAt;
      for (const values of [{ address2: '' }, { phone: '+32 2 1' }, { email: 'x@acme.example' }, { website: '' }]) {
        await client.update('1', values);
        const now = (await client.readMany(['1'])).get('1')!;
        expect(now.values).toMatchObject(values);
        expect(now.updatedAt > stamp).toBe(true);
        stamp = now.updatedAt;
      }
    });

    test('update creates the address, phone and e-mail a company lacks, and skips blanks', async () => {
      const client = h.client();
      await client.update('2', { address1: 'Kerkstraat 1', city: 'Gent', phone: '+32 9 1', email: '' });
      const c = (await client.readMany(['2'])).get('2')!;
      expect(c.values).toMatchObject({ address1: 'Kerkstraat 1', city: 'Gent', phone: '+32 9 1', email: '' });
      expect(h.store.get(2)!.emails).toEqual([]);
    });

    test('only the given fields are sent', async () => {
      const requests = h.sim.requestCount();
      await h.client().update('1', { name: 'Only the name' });
      expect(h.sim.requestCount()).toBe(requests + 1);
      expect(h.store.get(1)!.fields.comp_website).toBe('https://acme.example');
    });

    test('a value too long is a CrmError naming the field', async () => {
      const error = await h.client().update('1', { name: 'x'.repeat(61) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({ kind: 'invalid', status: 400 });
      expect((error as Error).message).toMatch(/comp_name.*60 characters/);
    });

    test('an unknown company is a CrmError "Company N not found"', async () => {
      const client = h.client();
      await expect(client.update('999', { name: 'x' })).rejects.toMatchObject({ status: 404, message: 'Company 999 not found' });
      await expect(client.update('999', { city: 'x' })).rejects.toMatchObject({ status: 404, message: 'Company 999 not found' });
      await expect(client.remove('999')).rejects.toMatchObject({ kind: 'not_found' });
      await expect(client.update('abc', { name: 'x' })).rejects.toThrow(/not a Sage CRM company id/);
    });

    test('create makes a BobSync customer with its address, phone and e-mail', async () => {
      const client = h.client();
      const values = {
        name: 'Nouveau SPRL',
        vat: 'BE1000003682',
        language: 'NL',
        website: '',
        address1: 'Markt 1',
        address2: '',
        postcode: '8000',
        city: 'Brugge',
        country: 'BE',
        phone: '+32 50 1',
        email: 'info@nouveau.example',
        'cf.Secteur': 'Bouw',
      };
      const id = await client.create(values);
      const read = (await client.readMany([id])).get(id)!;
      expect(read).toMatchObject({ type: 'Customer', bobsync: true, deleted: false });
      expect(read.values).toEqual({ ...values, 'cf.EMPLOYEES': '' });
    });

    test('remove soft-deletes: the company is still read, flagged deleted', async () => {
      const client = h.client();
      await client.remove('2');
      const all = await client.readAll();
      expect(all.map((c) => [c.id, c.deleted])).toEqual([
        ['1', false],
        ['2', true],
      ]);
    });
  });

  test('an unreachable server is a CrmError naming the host', async () => {
    h = await withSimulator([]);
    const client = h.client();
    const host = new URL(h.sim.url).host;
    await h.sim.close();
    const error = await client.readAll().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect((error as Error).message).toContain(`Could not reach Sage CRM at ${host}`);
  });
});
