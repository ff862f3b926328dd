import { CrmSimStore, startCrmSimulator, type CrmSimulator } from '../../../../src/sync/sandbox/crmsim';

const AUTH = `Basic ${Buffer.from('admin:secret').toString('base64')}`;

describe('Sage CRM simulator over HTTP', () => {
  let store: CrmSimStore;
  let sim: CrmSimulator;

  const call = async (method: string, path: string, body?: unknown, auth = AUTH) => {
    const response = await fetch(sim.url + path, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const message = (body: { $diagnoses: Array<{ $message: string }> }) => body.$diagnoses[0].$message;

  beforeEach(async () => {
    store = CrmSimStore.open(':memory:');
    store.defineCustomField({ name: 'comp_secteur', type: 'string', length: 10 });
    store.insertCompanies(
      Array.from({ length: 7 }, (_, i) => ({
        comp_name: `Company ${i + 1}`,
        comp_type: 'Customer',
        comp_bobsync: true,
        address: { addr_city: 'Namur' },
        phone: `+32 81 00 00 0${i}`,
        email: `c${i + 1}@example.be`,
      })),
    );
    sim = await startCrmSimulator({ store, users: { admin: 'secret' }, maxPageSize: 3 });
  });
  afterEach(async () => {
    await sim.close();
    store.close();
  });

  test('serves the API under /sdata/crmj/sagecrm2/-/ on loopback', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sdata\/crmj\/sagecrm2\/-\/$/);
  });

  test('refuses missing or wrong credentials with a Basic challenge', async () => {
    for (const auth of ['', `Basic ${Buffer.from('admin:wrong').toString('base64')}`, 'Bearer x']) {
      const r = await call('GET', 'Company', undefined, auth);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Basic realm="Sage CRM"');
      expect(r.body.$diagnoses[0]).toMatchObject({ $severity: 'error', $sdataCode: 'AuthenticationRequired' });
    }
  });

  test('caps pages at maxPageSize and says so in $itemsPerPage', async () => {
    const r = await call('GET', 'Company?startIndex=1&count=100');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ $totalResults: 7, $startIndex: 1, $itemsPerPage: 3 });
    expect(r.body.$resources.map((c: { $key: string }) => c.$key)).toEqual(['1', '2', '3']);

    const last = await call('GET', 'Company?startIndex=7&count=3&orderBy=comp_companyid%20asc');
    expect(last.body.$resources.map((c: { comp_companyid: number }) => c.comp_companyid)).toEqual([7]);
    const beyond = await call('GET', 'Company?startIndex=50&count=3');
    expect(beyond.body).toMatchObject({ $totalResults: 7, $resources: [] });
  });

  test('embeds linked records only when included', async () => {
    const bare = await call('GET', "Company('2')");
    expect(bare.body).toMatchObject({ $key: '2', comp_name: 'Company 2', comp_bobsync: 'Y', comp_secteur: null });
    expect(bare.body.address).toBeUndefined();

    const full = await call('GET', "Company('2')?include=address,phoneCollection,emailCollection");
    expect(full.body.address).toMatchObject({ $key: expect.any(String), addr_city: 'Namur' });
    expect(full.body.phoneCollection.$resources).toEqual([
      expect.objectContaining({ phon_type: 'Business', phon_number: '+32 81 00 00 01' }),
    ]);
    expect(full.body.emailCollection.$resources[0]).toMatchObject({ emai_type: 'Business', emai_emailaddress: 'c2@example.be' });
    expect((await call('GET', "Company('2')?include=person")).status).toBe(400);
  });

  test('filters with where and orders with orderBy', async () => {
    const where = encodeURIComponent("comp_name like '%5' or comp_companyid le 2");
    const r = await call('GET', `Company?where=${where}&orderBy=comp_name%20desc`);
    expect(r.body.$totalResults).toBe(3);
    const names = r.body.$resources.map((c: { comp_name: string }) => c.comp_name);
    expect(names).toEqual(['Company 5', 'Company 2', 'Company 1']);
  });

  test('a bad where is a 400 that names the problem', async () => {
    const r = await call('GET', `Company?where=${encodeURIComponent("comp_nom eq 'x'")}`);
    expect(r.status).toBe(400);
    expect(r.body.$diagnoses[0].$sdataCode).toBe('BadWhere');
    expect(message(r.body)).toMatch(/unknown field 'comp_nom'/);
  });

  test('unknown records are 404, unknown resources 404, other methods 405', async () => {
    expect((await call('GET', "Company('999')")).status).toBe(404);
    expect(message((await call('GET', "Company('abc')")).body)).toBe('Company abc not found');
    expect((await call('GET', 'Person')).status).toBe(404);
    const put = await call('PUT', "Company('1')", { comp_name: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE');
    expect((await call('GET', "Address('1')")).status).toBe(405);
  });

  test('PATCH Company writes comp_ fields and moves comp_updateddate', async () => {
    const before = (await call('GET', "Company('1')")).body;
    const patch = { comp_name: 'Renamed', comp_secteur: 'Retail', comp_bobsync: false };
    const r = await call('PATCH', "Company('1')", patch);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ comp_name: 'Renamed', comp_secteur: 'Retail', comp_bobsync: 'N' });
    expect(r.body.comp_updateddate > before.comp_updateddate).toBe(true);
  });

  test.each([
    [{ comp_colour: 'red' }, /Unknown field 'comp_colour'/],
    [{ comp_companyid: 9 }, /comp_companyid.*read-only/],
    [{ comp_updateddate: '2020-01-01T00:00:00Z' }, /comp_updateddate.*read-only/],
    [{ comp_name: 'x'.repeat(61) }, /comp_name.*60/],
    [{ comp_website: 'x'.repeat(101) }, /comp_website.*100/],
    [{ comp_vatnumber: 'BE'.repeat(11) }, /comp_vatnumber.*20/],
    [{ comp_secteur: 'x'.repeat(11) }, /comp_secteur.*10/],
    [{ comp_name: '' }, /comp_name.*mandatory/],
  ])('PATCH %j is a 400 naming the field', async (body, expected) => {
    const r = await call('PATCH', "Company('1')", body);
    expect(r.status).toBe(400);
    expect(message(r.body)).toMatch(expected);
  });

  test('PATCH of an address, phone or e-mail moves its own stamp, not its company\'s', async () => {
    const company = (await call('GET', "Company('3')?include=address,phoneCollection,emailCollection")).body;
    const stamp = company.comp_updateddate as string;
    const writes: Array<[string, string, Record<string, string>]> = [
      [`Address('${company.address.addr_addressid}')`, 'addr_updateddate', { addr_city: 'Dinant' }],
      [`Phone('${company.phoneCollection.$resources[0].phon_phoneid}')`, 'phon_updateddate', { phon_number: '+32 82 1' }],
      [`Email('${company.emailCollection.$resources[0].emai_emailid}')`, 'emai_updateddate', { emai_emailaddress: 'new@example.be' }],
    ];
    for (const [path, stampColumn, body] of writes) {
      const r = await call('PATCH', path, body);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject(body);
      expect(r.body[stampColumn] > stamp).toBe(true);
      expect((await call('GET', "Company('3')")).body.comp_updateddate).toBe(stamp);
    }
    // The company's copies are what its screens wrote, not what the API wrote since.
    expect((await call('GET', "Company('3')")).body.comp_phonenumber).toBe('+32 81 00 00 02');
    expect((await call('PATCH', "Phone('999')", { phon_number: '1' })).status).toBe(404);
    expect(message((await call('PATCH', `Address('${company.address.addr_addressid}')`, { addr_town: 'x' })).body)).toMatch(
      /addr_town/,
    );
  });

  test('POST Company creates a record; POST Address, Phone and Email link to it', async () => {
    const created = await call('POST', 'Company', { comp_name: 'New SA', comp_type: 'Customer', comp_bobsync: 'Y' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(created.body.$url);
    const id = Number(created.body.$key);
    expect(created.body).toMatchObject({ comp_companyid: id, comp_primaryaddressid: null });
    expect((await call('POST', 'Company', { comp_type: 'Customer' })).status).toBe(400);

    const address = await call('POST', 'Address', { addr_address1: 'Grand-Place 1', addr_city: 'Mons', adli_companyid: id });
    expect(address.status).toBe(201);
    const phoneLink = { plink_entityid: 5, plink_recordid: id };
    expect((await call('POST', 'Phone', { phon_type: 'Business', phon_number: '+32 65 1', ...phoneLink })).status).toBe(201);
    const emailLink = { elink_entityid: 5, elink_recordid: id };
    expect((await call('POST', 'Email', { emai_type: 'Business', emai_emailaddress: 'n@x.be', ...emailLink })).status).toBe(201);

    const read = (await call('GET', `Company('${id}')?include=address,phoneCollection,emailCollection`)).body;
    expect(read.comp_primaryaddressid).toBe(address.body.addr_addressid);
    expect(read.address).toMatchObject({ addr_city: 'Mons' });
    expect(read.phoneCollection.$resources).toHaveLength(1);
    expect(read.emailCollection.$resources).toHaveLength(1);

    expect((await call('POST', 'Address', { addr_city: 'Mons', adli_companyid: 999 })).status).toBe(400);
    // Person phones (entity 13) are not simulated; Mobile is not a company phone type here.
    expect((await call('POST', 'Phone', { phon_type: 'Business', ...phoneLink, plink_entityid: 13 })).status).toBe(400);
    expect((await call('POST', 'Phone', { phon_type: 'Mobile', ...phoneLink })).status).toBe(400);
    expect((await call('POST', 'Company', '[]')).status).toBe(400);
  });

  test('GET Address, Phone and Email list live records with their links, filtered by their stamp', async () => {
    const since = (await call('GET', "Company('1')")).body.comp_updateddate as string;
    const phone = (await call('GET', "Company('2')?include=phoneCollection")).body.phoneCollection.$resources[0];
    await call('PATCH', `Phone('${phone.phon_phoneid}')`, { phon_number: '+32 81 99' });
    const changed = await call('GET', `Phone?where=${encodeURIComponent(`phon_updateddate gt '${since}'`)}`);
    expect(changed.body).toMatchObject({ $totalResults: 1, $itemsPerPage: 3 });
    expect(changed.body.$resources[0]).toMatchObject({ phon_number: '+32 81 99', plink_entityid: 5, plink_recordid: 2 });
    const addresses = await call('GET', 'Address?count=100');
    expect(addresses.body.$totalResults).toBe(7);
    expect(addresses.body.$resources[0]).toMatchObject({ addr_city: 'Namur', adli_companyid: 1 });
    expect((await call('GET', 'Email?where=emai_bogus%20eq%201')).status).toBe(400);
  });

  test('DELETE soft-deletes: the company stays listed, flagged', async () => {
    expect((await call('DELETE', "Company('4')")).status).toBe(204);
    const list = (await call('GET', 'Company?count=3&startIndex=4')).body;
    expect(list.$totalResults).toBe(7);
    expect(list.$resources[0]).toMatchObject({ comp_companyid: 4, comp_deleted: 'Y' });
    expect((await call('DELETE', "Company('999')")).status).toBe(404);
  });

  test('$prototypes/company lists standard and custom fields', async () => {
    const r = await call('GET', '$prototypes/company');
    expect(r.body.$title).toBe('Company');
    expect(r.body.$properties.comp_name).toEqual({
      $title: 'Company Name',
      $type: 'string',
      $maxLength: 60,
      $isMandatory: true,
      $isHidden: false,
      $isReadOnly: false,
    });
    expect(r.body.$properties.comp_updateddate).toMatchObject({ $isReadOnly: true });
    expect(r.body.$properties.comp_secteur).toMatchObject({ $type: 'string', $maxLength: 10 });
  });

  test('counts requests, refused ones included', async () => {
    const before = sim.requestCount();
    await call('GET', 'Company');
    await call('GET', 'Company', undefined, '');
    expect(sim.requestCount()).toBe(before + 2);
    expect(() => sim.setLatency(-1)).toThrow(/latencyMs/);
    expect(() => sim.setFaults({ errorRate: 0.8, dropRate: 0.5 })).toThrow(/together/);
  });

  test('accepts a session id as SID instead of Basic credentials', async () => {
    await sim.close();
    sim = await startCrmSimulator({ store, users: {}, sessionIds: ['4242'] });
    expect((await call('GET', 'Company?SID=4242', undefined, '')).status).toBe(200);
    expect((await call('GET', 'Company?SID=4243', undefined, '')).status).toBe(401);
  });

  test('fault mode: errors before carrying out, drops before and after, page cap, all switchable', async () => {
    sim.setFaults({ errorRate: 1 });
    const refused = await call('PATCH', "Company('1')", { comp_name: 'Not written' });
    expect([500, 503, 429]).toContain(refused.status);
    expect(store.get(1)!.fields.comp_name).toBe('Company 1');

    sim.setFaults({ errorRate: 0, dropRate: 1 });
    let dropped = 0;
    for (let i = 0; i < 12; i++) {
      await call('PATCH', "Company('1')", { comp_name: `Name ${i}` }).catch(() => dropped++);
    }
    expect(dropped).toBe(12);
    const counts = sim.faultCounts();
    expect(counts.dropsBefore + counts.dropsAfter).toBe(12);
    // Drops after carrying out: the write happened although no answer came.
    expect(counts.dropsAfter).toBeGreaterThan(0);
    expect(store.get(1)!.fields.comp_name).not.toBe('Company 1');

    sim.setFaults({ dropRate: 0, maxPageSize: 2 });
    expect((await call('GET', 'Company?count=100')).body.$itemsPerPage).toBe(2);
  });
});

describe('startCrmSimulator binding', () => {
  test.each(['0.0.0.0', '::', '192.168.1.10'])('refuses to listen on %s', async (host) => {
    const store = CrmSimStore.open(':memory:');
    try {
      await expect(startCrmSimulator({ store, users: {}, host: host as never })).rejects.toThrow(/loopback only/);
    } finally {
      store.close();
    }
  });

  test('accepts localhost, which resolves to a loopback address', async () => {
    const store = CrmSimStore.open(':memory:');
    const sim = await startCrmSimulator({ store, users: {}, host: 'localhost', install: 'demo' });
    try {
      expect(sim.url).toMatch(/^http:\/\/(127\.0\.0\.1|\[::1\]):\d+\/sdata\/demoj\/sagecrm2\/-\/$/);
    } finally {
      await sim.close();
      store.close();
    }
  });
});
