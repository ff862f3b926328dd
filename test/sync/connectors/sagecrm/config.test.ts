import { parseSageCrmConfig, SageCrmClient } from '../../../../src/sync/connectors/sagecrm';

const base = { baseUrl: 'https://crm.example/sdata/crmj/sagecrm2/-/', user: 'ws', password: 'pw' };

describe('Sage CRM settings', () => {
  test('fill in the defaults', () => {
    expect(parseSageCrmConfig(base)).toEqual({
      ...base,
      bobsyncField: 'comp_bobsync',
      vatField: 'comp_vatnumber',
      languageField: 'comp_language',
      pageSize: 100,
      concurrency: 8,
      timeoutMs: 30_000,
      maxAttempts: 5,
      retryBaseMs: 200,
      retryMaxMs: 10_000,
      changeOverlapMs: 120_000,
    });
  });

  test("drop keys that are not the client's, so a dossier's CRM section can be passed as is", () => {
    expect(parseSageCrmConfig({ ...base, kind: 'rest', passwordEnv: 'X' })).not.toHaveProperty('kind');
  });

  test.each([
    [{ baseUrl: 'https://crm.example/sdata/crmj/sagecrm2/-' }, /baseUrl: must end with '\/'/],
    [{ baseUrl: 'crm.example' }, /baseUrl: must be an http\(s\) URL/],
    [{ baseUrl: 'ftp://crm.example/' }, /baseUrl: must be an http\(s\) URL/],
    [{ user: '' }, /user: must not be empty/],
    [{ user: undefined }, /user: is required: a CRM user with web-service rights \(or give sessionId\)/],
    [{ password: undefined }, /password: is required/],
    [{ sessionId: '125407476439516' }, /sessionId: give either sessionId or user and password, not both/],
    [{ sessionId: 'abc', user: undefined, password: undefined }, /sessionId: must be the digits/],
    [{ ca: 'not a certificate' }, /ca: must hold a PEM certificate/],
    [{ maxAttempts: 0 }, /maxAttempts:/],
    [{ vatField: 'vat' }, /vatField: must be a Company field name/],
    [{ bobsyncField: 'pers_bobsync' }, /bobsyncField: must be a Company field name/],
    [{ pageSize: 0 }, /pageSize:/],
    [{ concurrency: 1.5 }, /concurrency:/],
    [{ timeoutMs: -1 }, /timeoutMs:/],
  ])('refuse %j with a message naming the key', (override, message) => {
    expect(() => parseSageCrmConfig({ ...base, ...override })).toThrow(message);
  });

  test('the client checks them when it is built', () => {
    expect(() => new SageCrmClient({ ...base, concurrency: 0 })).toThrow(/^Invalid Sage CRM settings: concurrency:/);
  });

  test('two BOB custom fields that map to one CRM field are refused', () => {
    expect(() => new SageCrmClient(base, [{ name: 'Secteur', type: 'string' }, { name: 'SECTEUR', type: 'string' }])).toThrow(/'Secteur' and 'SECTEUR'.*comp_secteur/);
  });
});
