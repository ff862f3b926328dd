import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { generateCertificates } from 'office-addin-dev-certs';
import { Agent, request } from 'undici';
import { addinConfig, startAddinServer, type AddinServer } from '../../../src/sync/server/addin';
import { prepareTemplate, removeWorlds } from '../engine/world';
import { dossierCopy, startTestService, type TestService } from './harness';

let t: TestService;
let addin: AddinServer;
let agent: Agent;
let token: string;
const dir = mkdtempSync(join(tmpdir(), 'bobsync-addin-'));

beforeAll(async () => {
  const template = await prepareTemplate(30, 5);
  t = await startTestService({ dossiers: [{ id: 'alpha', path: dossierCopy(template, 'alpha'), grants: { '*': ['Sync.Review', 'Sync.Apply'] } }] });
  token = await t.token('anne', ['Sync.Review', 'Sync.Apply']);
  const certs = { ca: join(dir, 'ca.crt'), cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
  // The tool says what it did on standard output; the test has nothing to show.
  const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await generateCertificates(certs.ca, certs.cert, certs.key, 1).finally(() => quiet.mockRestore());
  const site = join(dir, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'taskpane.html'), '<!doctype html><title>pane</title>');
  addin = await startAddinServer({
    dir: site,
    host: '127.0.0.1',
    port: 0,
    https: { key: readFileSync(certs.key), cert: readFileSync(certs.cert) },
    serviceUrl: t.service.url,
    auth: t.config.auth,
    logStream: new PassThrough().resume(),
  });
  agent = new Agent({ connect: { ca: readFileSync(certs.ca) } });
}, 60_000);

afterAll(async () => {
  await addin?.close();
  await agent?.close();
  await t?.close();
  removeWorlds();
});

const get = (path: string, headers: Record<string, string> = {}) => request(`${addin.url}${path}`, { dispatcher: agent, headers });

describe('the add-in server', () => {
  it('serves the pane over HTTPS, uncached, under a content security policy', async () => {
    const page = await get('/taskpane.html');
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain('<title>pane</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(page.headers['x-frame-options']).toBeUndefined();
  });

  it('tells the pane how to sign in, without a secret', async () => {
    const config = await get('/addin-config.json');
    expect(await config.body.json()).toEqual({ auth: { mode: 'dev' } });
    const entra = addinConfig({ mode: 'entra', tenantId: '11111111-1111-4111-8111-111111111111', clientId: '22222222-2222-4222-8222-222222222222', scope: 'access_as_user' });
    expect(entra).toEqual({
      auth: {
        mode: 'entra',
        tenantId: '11111111-1111-4111-8111-111111111111',
        clientId: '22222222-2222-4222-8222-222222222222',
        scope: 'api://22222222-2222-4222-8222-222222222222/access_as_user',
      },
    });
  });

  it('passes API calls through to the service, bodies and errors included', async () => {
    const list = await get('/api/v1/dossiers', { authorization: `Bearer ${token}` });
    expect(list.statusCode).toBe(200);
    expect(((await list.body.json()) as { dossiers: unknown[] }).dossiers).toHaveLength(1);

    const pull = await request(`${addin.url}/api/v1/dossiers/alpha/pulls`, {
      dispatcher: agent,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(pull.statusCode).toBe(201);
    expect(((await pull.body.json()) as { createdBy: string }).createdBy).toBe('anne');

    const refused = await get('/api/v1/dossiers');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(((await refused.body.json()) as { code: string }).code).toBe('invalid_token');
  });

  it('answers 502 with a problem when the service is down', async () => {
    const site = join(dir, 'site');
    const orphan = await startAddinServer({
      dir: site,
      host: '127.0.0.1',
      port: 0,
      https: { key: readFileSync(join(dir, 'localhost.key')), cert: readFileSync(join(dir, 'localhost.crt')) },
      serviceUrl: 'http://127.0.0.1:9',
      auth: t.config.auth,
      logStream: new PassThrough().resume(),
    });
    try {
      const answer = await request(`${orphan.url}/api/v1/health`, { dispatcher: agent });
      expect(answer.statusCode).toBe(502);
      expect(await answer.body.json()).toMatchObject({ code: 'service_unreachable', status: 502 });
    } finally {
      await orphan.close();
    }
  });
});
