import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CrmError, parseSageCrmConfig, SageCrmClient } from '../../../../src/sync/connectors/sagecrm';
import { CrmHttp } from '../../../../src/sync/connectors/sagecrm/http';
import type { CrmSimFaults } from '../../../../src/sync/sandbox/crmsim';
import { company, FAULTS, PASSWORD, SESSION_ID, USER, withSimulator, type Harness } from './withSimulator';

// With faults on, each request may take several attempts of 100 ms.
jest.setTimeout(120_000);

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

describe.each<[string, Partial<CrmSimFaults> | null]>([
  ['SageCrmClient against the simulator', null],
  ['SageCrmClient against the simulator with faults on (20% 5xx/429, 100 ms, dropped connections)', FAULTS],
])('%s', (_title, faults) => {
  let h: Harness;
  afterEach(async () => h.close());
  const start = (seed: Parameters<typeof withSimulator>[0], opts: { maxPageSize?: number } = {}) =>
    withSimulator(seed, { ...opts, faults });

  describe('reading', () => {
    beforeEach(async () => {
      h = await start([acme, company(2, { comp_type: 'Prospect', comp_bobsync: false })]);
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
      const http = new CrmHttp(parseSageCrmConfig({ baseUrl: h.sim.url, user: USER, password: PASSWORD, maxAttempts: 12, retryBaseMs: 5 }));
      const error = await http.send('GET', 'Company', { query: { where: "comp_nom eq 'x'" } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'invalid', status: 400 });
      expect((error as Error).message).toMatch(/^Sage CRM refused GET Company: Invalid where clause .*unknown field 'comp_nom'/);
      await http.close();
    });

    test('reads the Business phone and e-mail records, not the company copies, and never a fax as the phone', async () => {
      const [id, onlyFax] = h.store.insertCompanies([
        company(3, { phone: '+32 2 1', fax: '+32 2 9', email: 'a@x.be' }),
        company(4, { fax: '+32 2 8' }),
      ]);
      // Copies someone wrote on the company, which no longer match the records.
      const http = new CrmHttp(parseSageCrmConfig({ baseUrl: h.sim.url, user: USER, password: PASSWORD, maxAttempts: 12, retryBaseMs: 5 }));
      await http.send('PATCH', `Company('${id}')`, { body: { comp_phonenumber: 'stale', comp_emailaddress: 'stale@x.be' } });
      await http.close();
      const read = await h.client().readMany([String(id), String(onlyFax)]);
      expect(read.get(String(id))!.values).toMatchObject({ phone: '+32 2 1', email: 'a@x.be' });
      expect(read.get(String(onlyFax))!.values.phone).toBe('');
    });

    test('verify accepts a CRM that has the configured fields', async () => {
      await expect(h.client().verify()).resolves.toBeUndefined();
    });

    test('verify names a missing BobSync field and what to do', async () => {
      const error = await h.client({ bobsyncField: 'comp_bobsync50' }).verify().catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'setup' });
      expect((error as Error).message).toBe(
        'Sage CRM has no Company field comp_bobsync50 (bobsyncField): create the BobSync check box in CRM, or set bobsyncField to its name',
      );
      const notABox = await h.client({ bobsyncField: 'comp_secteur' }).verify().catch((e: unknown) => e);
      expect((notABox as Error).message).toMatch(/comp_secteur \(bobsyncField\) is a string field .* must be a check box/);
    });

    test('verify refuses wrong credentials before anything else is done', async () => {
      await expect(h.client({ password: 'wrong' }).verify()).rejects.toMatchObject({ kind: 'credentials', status: 401 });
    });

    test('a session id from the SOAP logon works instead of user and password', async () => {
      const bySession = h.client({ user: undefined, password: undefined, sessionId: SESSION_ID });
      expect((await bySession.readAll()).map((c) => c.id)).toEqual(['1', '2']);
      await expect(h.client({ user: undefined, password: undefined, sessionId: '1' }).readAll()).rejects.toThrow(
        /refused the session id.*log on again/,
      );
    });
  });

  describe('paging', () => {
    const N = 47;
    beforeEach(async () => {
      h = await start(Array.from({ length: N }, (_, i) => company(i + 1)), { maxPageSize: 4 });
    });

    test('reads every record exactly once when the server cuts pages below the requested count', async () => {
      const progress: Array<[number, number | undefined]> = [];
      const client = h.client({ pageSize: 10, concurrency: 3 });
      const all = await client.readAll((done, total) => progress.push([done, total]));
      expect(all.map((c) => Number(c.id))).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      // ceil(47 / 4) pages: the client followed $itemsPerPage instead of asking for 10 again and again.
      if (!h.faulty) expect(h.sim.requestCount()).toBe(12);
      expect(progress[progress.length - 1]).toEqual([N, N]);
      expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    });

    test('an empty CRM reads as no companies', async () => {
      await h.close();
      h = await start([]);
      expect(await h.client().readAll()).toEqual([]);
    });
  });

  describe('change detection', () => {
    beforeEach(async () => {
      h = await start(
        Array.from({ length: 30 }, (_, i) => company(i + 1, { address: { addr_city: 'Namur' }, phone: `+32 81 ${i}`, email: `c${i}@x.be` })),
        { maxPageSize: 4 },
      );
    });

    test('finds companies changed by their own stamp, soft-deleted ones flagged, each once', async () => {
      const client = h.client({ pageSize: 3, changeOverlapMs: 0 });
      const since = h.store.get(1)!.fields.comp_updateddate as string;
      for (const id of [3, 17, 18, 30, 9, 3]) h.store.updateCompany(id, { comp_website: `https://c${id}.example` });
      h.store.softDelete(21);
      const changes = await client.changesSince(since);
      expect(changes.companies.map((c) => c.id).sort((a, b) => Number(a) - Number(b))).toEqual(['3', '9', '17', '18', '21', '30']);
      expect(changes.companies.find((c) => c.id === '21')!.deleted).toBe(true);
      expect(changes.watermark).toBe(h.store.get(21)!.fields.comp_updateddate);
      expect(await client.changesSince(changes.watermark)).toEqual({ companies: [], watermark: changes.watermark });
      await expect(client.changesSince('last week')).rejects.toThrow(/ISO 8601/);
    });

    test('finds companies whose address, phone or e-mail alone changed', async () => {
      const client = h.client({ changeOverlapMs: 0 });
      const since = (await client.changesSince('2000-01-01T00:00:00Z')).watermark;
      await client.update('5', { city: 'Dinant' });
      await client.update('6', { phone: '+32 82 1' });
      await client.update('7', { email: 'new@x.be' });
      expect(h.store.get(5)!.fields.comp_updateddate).toBe(since);
      const changes = await client.changesSince(since);
      expect(changes.companies.map((c) => [c.id, c.values.city, c.values.phone, c.values.email]).sort()).toEqual([
        ['5', 'Dinant', '+32 81 4', 'c4@x.be'],
        ['6', 'Namur', '+32 82 1', 'c5@x.be'],
        ['7', 'Namur', '+32 81 6', 'new@x.be'],
      ]);
      expect(changes.companies.every((c) => c.updatedAt > since)).toBe(true);
      expect(changes.watermark > since).toBe(true);
    });

    test('starts the overlap window before the watermark, so late commits are not missed', async () => {
      const since = h.store.get(1)!.fields.comp_updateddate as string;
      const inWindow = await h.client({ changeOverlapMs: 60_000 }).changesSince(new Date(Date.parse(since) + 1000).toISOString());
      expect(inWindow.companies).toHaveLength(30);
      const outside = await h.client({ changeOverlapMs: 0 }).changesSince(new Date(Date.parse(since) + 1000).toISOString());
      expect(outside.companies).toHaveLength(0);
    });
  });

  describe('writing', () => {
    beforeEach(async () => {
      h = await start([acme, company(2)]);
    });

    test('update writes company, address, phone and e-mail fields where they live', async () => {
      const client = h.client();
      const before = (await client.readMany(['1'])).get('1')!;
      const addressId = h.store.get(1)!.address!.addr_addressid;
      const changes = {
        name: 'Acme NV',
        vat: 'BE0403019261',
        'cf.Secteur': 'Horeca',
        city: 'Antwerpen',
        postcode: '2000',
        phone: '+32 3 000 00 00',
        email: 'hello@acme.example',
      };
      await client.update('1', changes);
      const after = (await client.readMany(['1'])).get('1')!;
      expect(after.values).toEqual({ ...before.values, ...changes });
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

    test('only the given fields are sent: the company is read, then patched', async () => {
      const requests = h.sim.requestCount();
      await h.client().update('1', { name: 'Only the name' });
      if (!h.faulty) expect(h.sim.requestCount()).toBe(requests + 2);
      expect(h.store.get(1)!.fields.comp_website).toBe('https://acme.example');
    });

    test('writes phone and e-mail to their records, never to the company copies', async () => {
      await h.client().update('1', { phone: '+32 2 999', email: 'new@acme.example' });
      const stored = h.store.get(1)!;
      expect(stored.phones.find((p) => p.phon_type === 'Business')!.phon_number).toBe('+32 2 999');
      expect(stored.emails[0].emai_emailaddress).toBe('new@acme.example');
      expect(stored.fields).toMatchObject({ comp_phonenumber: '+32 2 123 45 67', comp_emailaddress: 'info@acme.example' });
    });

    test('a soft-deleted company is reported, not written', async () => {
      h.store.softDelete(2);
      const before = h.store.get(2)!;
      const error = await h.client().update('2', { name: 'Revived' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/Company 2 is deleted in Sage CRM/) });
      expect(h.store.get(2)).toEqual(before);
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
    h = await start([]);
    const client = h.client({ maxAttempts: 2 });
    const host = new URL(h.sim.url).host;
    await h.sim.close();
    const error = await client.readAll().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect((error as Error).message).toContain(`Could not reach Sage CRM at ${host}`);
  });
});

describe('SageCrmClient over HTTPS with a self-signed certificate', () => {
  const dir = join(__dirname, 'tls');
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  let h: Harness;
  afterEach(async () => h.close());

  test('reads once the CA is given, and says to give it when it is not', async () => {
    h = await withSimulator([acme], { tls: { key: read('localhost-key.pem'), cert: read('localhost.pem') } });
    expect(h.sim.url).toMatch(/^https:/);
    await expect(h.client().verify()).rejects.toMatchObject({ kind: 'setup', message: expect.stringMatching(/caFile/) });
    expect((await h.client({ ca: read('ca.pem') }).readAll()).map((c) => c.values.name)).toEqual(['Acme SA']);
  });
});

describe('SageCrmClient given a malformed page of companies', () => {
  // A server the simulator is not: it answers every list with the same page, damaged as asked.
  async function serving(company: Record<string, unknown>): Promise<{ url: string; close(): Promise<void> }> {
    const page = JSON.stringify({ $totalResults: 1, $startIndex: 1, $itemsPerPage: 1, $resources: [company] });
    const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(page));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sdata/crmj/sagecrm2/-/`,
      close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
    };
  }

  test.each([
    ['no company id', { comp_name: 'Acme SA' }, /comp_companyid/],
    ['a phone without its id', { comp_companyid: 1, phoneCollection: { $resources: [{ phon_type: 'Business' }] } }, /phoneCollection\.\$resources\.0\.phon_phoneid/],
    ['an address that is not a record', { comp_companyid: 1, address: 'Rue de la Loi 16' }, /address/],
  ])('%s: a whole read fails naming what is wrong, page by page or at once', async (_, damaged, path) => {
    const stub = await serving(damaged);
    const client = new SageCrmClient({ baseUrl: stub.url, user: USER, password: PASSWORD, maxAttempts: 1 });
    try {
      for (const read of [() => client.readAll(), () => client.readEach(() => undefined)]) {
        const error = await read().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CrmError);
        expect(error).toMatchObject({ kind: 'protocol', message: expect.stringMatching(path) });
      }
    } finally {
      await client.close();
      await stub.close();
    }
  });
});
