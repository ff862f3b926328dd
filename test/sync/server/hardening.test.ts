import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServiceConfig } from '../../../src/sync/server/config';
import { prepareTemplate, removeWorlds } from '../engine/world';
import { call, dossierCopy, startTestService, type TestService } from './harness';

let t: TestService;
let base: string;
let template: string;

beforeAll(async () => {
  template = await prepareTemplate(20, 3);
  t = await startTestService({
    dossiers: [{ id: 'alpha', path: dossierCopy(template, 'alpha'), grants: { '*': ['Sync.Review'] } }],
    config: { limits: { perUserPerMinute: 20 }, allowedOrigin: 'https://localhost:3001' },
  });
  base = t.service.url;
}, 60_000);
afterAll(async () => {
  await t?.close();
  removeWorlds();
});

describe('HTTP hardening', () => {
  it('lets only the task pane’s origin call the API from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/api/v1/dossiers`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://localhost:3001');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://localhost:3001');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${base}/api/v1/health`, { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers and a request id on every answer', async () => {
    const res = await call(base, 'GET', '/health', { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const odd = await call(base, 'GET', '/nowhere', { headers: { 'x-request-id': 'has spaces\tand tabs' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(odd.body.requestId).toBe(odd.headers.get('x-request-id'));
  });

  it('publishes only the public half of its dev signing key', async () => {
    const { keys } = (await call(base, 'GET', '/auth/jwks.json')).body;
    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' })]);
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(secret);
  });

  it('limits the requests of each user', async () => {
    const [anne, bruno] = await Promise.all([t.token('anne', ['Sync.Review']), t.token('bruno', ['Sync.Review'])]);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await call(base, 'GET', '/dossiers', { token: anne })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await call(base, 'GET', '/dossiers', { token: anne });
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(base, 'GET', '/dossiers', { token: bruno })).status).toBe(200);
  });

  it('describes every route in an OpenAPI document generated from the contract', async () => {
    const doc = (await call(base, 'GET', '/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, methods] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(methods)) expect(t.service.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') })).toBe(true);
    }
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const r of refs) expect(doc.components.schemas).toHaveProperty(r.slice('"#/components/schemas/'.length, -1));
    const run = doc.paths['/api/v1/dossiers/{dossier}/runs'].post;
    expect(run.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateRunBody' });
    expect(Object.keys(run.responses)).toEqual(expect.arrayContaining(['200', '202', '400', '401', '403', '404', '409', '413', '422', '428', '429']));
    expect(run.parameters.map((p: { name: string }) => p.name)).toEqual(['dossier', 'Idempotency-Key']);
    const rows = doc.paths['/api/v1/dossiers/{dossier}/pulls/{pullId}/rows'].get;
    expect(rows.parameters).toContainEqual(expect.objectContaining({ name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ maximum: 5000 }) }));
  });
});

describe('service configuration', () => {
  it('names each wrong key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bobsync-config-'));
    const file = join(dir, 'service.json');
    const dossiers = [
      { id: 'a', path: 'a', grants: { anne: ['Sync.Review'] } },
      { id: 'b', path: 'b', grants: { 'user:anne': ['Sync.Boss'] }, colour: 'red' },
    ];
    writeFileSync(file, JSON.stringify({ auth: { mode: 'entra', tenantId: 'x' }, listen: { port: 'x' }, dossiers }));
    const message = (() => {
      try {
        loadServiceConfig(file);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('the configuration was accepted');
    })();
    for (const key of ['auth.tenantId', 'auth.clientId', 'listen.port', 'dossiers.0.grants.anne', 'dossiers.1.grants.user:anne.0', 'dossiers.1: Unrecognized key: "colour"']) {
      expect(message).toContain(key);
    }
  });

  it('resolves paths against the file and refuses a dossier whose folder holds another id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bobsync-config-'));
    const file = join(dir, 'service.json');
    writeFileSync(file, JSON.stringify({ auth: { mode: 'dev' }, stateDir: 'state', dossiers: [{ id: 'gamma', path: dossierCopy(template, 'alpha'), grants: { '*': ['Sync.Review'] } }] }));
    const config = loadServiceConfig(file);
    expect(config.stateDir).toBe(join(dir, 'state'));
    expect(config.listen).toEqual({ host: '127.0.0.1', port: 3000 });
    await expect(startTestService({ dossiers: config.dossiers })).rejects.toThrow('dossiers.0.id: "gamma"');
  });
});
