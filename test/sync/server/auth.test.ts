import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { DossierListSchema, PullInfoSchema } from '../../../src/contract/api';
import { createAuthenticator } from '../../../src/sync/server/auth/authenticator';
import { loadOrCreateDevKey } from '../../../src/sync/server/auth/devKey';
import { mintDevToken } from '../../../src/sync/server/auth/devToken';
import { parseServiceConfig } from '../../../src/sync/server/config';
import { decide, prepareTemplate, removeWorlds } from '../engine/world';
import { call, dossierCopy, startTestService, storeCounts, type TestService } from './harness';

let t: TestService;
let base: string;

beforeAll(async () => {
  const template = await prepareTemplate(40, 5);
  t = await startTestService({
    dossiers: [
      { id: 'alpha', path: dossierCopy(template, 'alpha'), grants: { '*': ['Sync.Review', 'Sync.Apply', 'Sync.Admin'] } },
      { id: 'beta', path: dossierCopy(template, 'beta'), grants: { 'user:Bruno': ['Sync.Review', 'Sync.Apply'], 'group:finance': ['Sync.Review'] } },
    ],
  });
  base = t.service.url;
}, 60_000);
afterAll(async () => {
  await t?.close();
  removeWorlds();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.');
const claimsOf = (token: string) => JSON.parse(Buffer.from(parts(token)[1], 'base64url').toString()) as Record<string, unknown>;

/** A token signed with the service's own key, claims as given (the dev defaults unless overridden). */
async function signed(claims: Record<string, unknown>, key?: CryptoKey, header: Record<string, unknown> = {}): Promise<string> {
  const dev = await loadOrCreateDevKey(t.config.stateDir);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: 'urn:bobsync:dev', aud: 'api://bobsync', scp: 'access_as_user', roles: ['Sync.Review'], preferred_username: 'mallory', iat: now, nbf: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: dev.kid, ...header })
    .sign(key ?? dev.privateKey);
}

describe('tokens', () => {
  const dossiers = (token: string) => call(base, 'GET', '/dossiers', { token });

  it('accepts a token the service signed for itself', async () => {
    expect((await dossiers(await signed({}))).status).toBe(200);
  });

  it('refuses forged, foreign and stale tokens with 401 and says nothing more', async () => {
    const valid = await signed({});
    const [header, payload] = parts(valid);
    const { privateKey: otherKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const publicJwk = (await loadOrCreateDevKey(t.config.stateDir)).jwks.keys[0];
    const forged: Record<string, string> = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'wrong key': await signed({}, otherKey),
      'wrong audience': await signed({ aud: 'api://other' }),
      'wrong issuer': await signed({ iss: 'https://login.microsoftonline.com/evil/v2.0' }),
      expired: await signed({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }),
      'not yet valid': await signed({ nbf: now + 3600 }),
      'no expiry': await signed({ exp: undefined }),
      'tampered payload': `${header}.${b64({ ...claimsOf(valid), roles: ['Sync.Admin'] })}.${parts(valid)[2]}`,
      'HS256 keyed with the public key': await new SignJWT(claimsOf(valid))
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(JSON.stringify(publicJwk))),
      'another scope': await signed({ scp: 'User.Read' }),
      'not a JWT': 'abc',
    };
    for (const [what, token] of Object.entries(forged)) {
      const res = await dossiers(token);
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 401, code: 'invalid_token' });
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    }
    expect((await call(base, 'GET', '/dossiers')).status).toBe(401);
    expect((await call(base, 'GET', '/dossiers', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } })).status).toBe(401);
  });

  it('lets anyone read health and the API description, nothing else', async () => {
    expect((await call(base, 'GET', '/health')).status).toBe(200);
    expect((await call(base, 'GET', '/openapi.json')).status).toBe(200);
    expect((await call(base, 'GET', '/dossiers/alpha')).status).toBe(401);
  });
});

describe('roles and dossier grants', () => {
  it('does not let a reviewer back up, apply or undo', async () => {
    const reviewer = await t.token('rita', ['Sync.Review']);
    const pull = PullInfoSchema.parse((await call(base, 'POST', '/dossiers/alpha/pulls', { token: reviewer })).body);
    const rows = (await call(base, 'GET', `/dossiers/alpha/pulls/${pull.id}/rows?limit=5000`, { token: reviewer })).body.items;
    const body = { pullId: pull.id, decisions: decide(rows), confirmed: true, dryRun: false };
    const before = storeCounts(t.dossier('alpha'));

    expect((await call(base, 'POST', '/dossiers/alpha/runs', { token: reviewer, body: { ...body, dryRun: true } })).status).toBe(200);
    const apply = await call(base, 'POST', '/dossiers/alpha/runs', { token: reviewer, body, headers: { 'idempotency-key': 'rita-1' } });
    expect(apply.status).toBe(403);
    expect(apply.body.code).toBe('forbidden');
    expect((await call(base, 'POST', '/dossiers/alpha/backups', { token: reviewer })).status).toBe(403);
    expect((await call(base, 'POST', '/dossiers/alpha/runs/R-x/undo', { token: reviewer, body: { confirmed: true } })).status).toBe(403);
    expect(storeCounts(t.dossier('alpha'))).toEqual(before);
  });

  it('holds on a dossier only the roles both the token and the grant allow', async () => {
    const bruno = await t.token('bruno', ['Sync.Review', 'Sync.Apply', 'Sync.Admin']);
    expect(DossierListSchema.parse((await call(base, 'GET', '/dossiers', { token: bruno })).body).dossiers).toEqual([
      { id: 'alpha', name: expect.any(String), roles: ['Sync.Review', 'Sync.Apply', 'Sync.Admin'] },
      { id: 'beta', name: expect.any(String), roles: ['Sync.Review', 'Sync.Apply'] },
    ]);
    expect((await call(base, 'GET', '/dossiers/beta/configuration', { token: bruno })).status).toBe(403);

    const finance = await signed({ preferred_username: 'fanny', groups: ['finance'], roles: ['Sync.Apply'] });
    expect((await call(base, 'GET', '/dossiers/beta', { token: finance })).body.roles).toEqual(['Sync.Review']);
    expect((await call(base, 'POST', '/dossiers/beta/backups', { token: finance })).status).toBe(403);
  });

  it('never shows nor touches a dossier that is not granted', async () => {
    const anne = await t.token('anne', ['Sync.Review', 'Sync.Apply', 'Sync.Admin']);
    const list = await call(base, 'GET', '/dossiers', { token: anne });
    expect(list.body.dossiers.map((d: { id: string }) => d.id)).toEqual(['alpha']);
    expect(list.text).not.toContain('beta');

    const betaPull = await t.dossier('beta').engine.pull('bruno');
    const before = storeCounts(t.dossier('beta'));
    const attempts = [
      call(base, 'GET', '/dossiers/beta', { token: anne }),
      call(base, 'POST', '/dossiers/beta/pulls', { token: anne }),
      call(base, 'GET', `/dossiers/beta/pulls/${betaPull.pull.id}/rows`, { token: anne }),
      call(base, 'POST', '/dossiers/beta/backups', { token: anne }),
      call(base, 'GET', '/dossiers/beta/runs', { token: anne }),
      call(base, 'GET', `/dossiers/beta/customers/bob/${betaPull.rows[0].bobId ?? 'X'}`, { token: anne }),
      call(base, 'POST', '/dossiers/beta/runs', { token: anne, body: { pullId: betaPull.pull.id, decisions: [], confirmed: true, dryRun: true } }),
      call(base, 'GET', '/dossiers/nowhere', { token: anne }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('unknown_dossier');
    }
    // The same answer whether the dossier exists or not: nothing tells them apart.
    const [real, none] = [(await attempts[0]).body.detail, (await attempts[7]).body.detail];
    expect(real.replace('beta', 'X')).toBe(none.replace('nowhere', 'X'));
    expect(storeCounts(t.dossier('beta'))).toEqual(before);

    // Through a granted dossier, a pull of the other dossier is unknown too.
    expect((await call(base, 'GET', `/dossiers/alpha/pulls/${betaPull.pull.id}/rows`, { token: anne })).status).toBe(404);
  });

  it('limits a dev token minted with --dossier to those dossiers', async () => {
    const bruno = await t.token('bruno', ['Sync.Review'], ['beta']);
    expect((await call(base, 'GET', '/dossiers', { token: bruno })).body.dossiers.map((d: { id: string }) => d.id)).toEqual(['beta']);
    expect((await call(base, 'GET', '/dossiers/alpha', { token: bruno })).status).toBe(404);
  });

  it('records the user of the token, not one named in the request', async () => {
    const anne = await t.token('anne', ['Sync.Apply']);
    const pull = await call(base, 'POST', '/dossiers/alpha/pulls', { token: anne, body: { user: 'someone else' } });
    expect(pull.status).toBe(400);
    expect(pull.body.problems).toEqual([expect.objectContaining({ field: 'user', code: 'unknown_field' })]);
    expect(PullInfoSchema.parse((await call(base, 'POST', '/dossiers/alpha/pulls', { token: anne, body: {} })).body).createdBy).toBe('anne');
  });
});

describe('bobsync token', () => {
  const config = (auth: Record<string, unknown>) =>
    parseServiceConfig({ stateDir: t.config.stateDir, auth, dossiers: [{ id: 'alpha', path: '.', grants: { '*': ['Sync.Review'] } }] }, 'test', '/');

  it('mints tokens the service accepts', async () => {
    const token = await mintDevToken(config({ mode: 'dev' }), { user: 'dora', roles: ['Sync.Review'], dossiers: ['alpha'] });
    expect((await call(base, 'GET', '/dossiers', { token })).body.dossiers.map((d: { id: string }) => d.id)).toEqual(['alpha']);
    await expect(mintDevToken(config({ mode: 'dev' }), { user: 'dora', roles: ['Sync.Review'], dossiers: ['gamma'] })).rejects.toThrow('No dossier gamma');
  });

  it('is refused unless the configuration is in dev mode', async () => {
    const entra = config({ mode: 'entra', tenantId: '11111111-2222-3333-4444-555555555555', clientId: '66666666-7777-8888-9999-000000000000' });
    await expect(mintDevToken(entra, { user: 'dora', roles: ['Sync.Review'], dossiers: [] })).rejects.toThrow('dev sign-in tokens only');
  });
});

describe('entra mode', () => {
  const tenantId = '11111111-2222-3333-4444-555555555555';
  const clientId = '66666666-7777-8888-9999-000000000000';
  let jwks: Server;
  let keys: { privateKey: CryptoKey; publicJwk: Record<string, unknown> };

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    keys = { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid: 'entra-1', alg: 'RS256', use: 'sig' } };
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [keys.publicJwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => jwks.close(() => r())));

  const entraToken = (claims: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      aud: clientId,
      tid: tenantId,
      scp: 'access_as_user',
      roles: ['Sync.Review'],
      preferred_username: 'anne@firm.be',
      oid: 'aaaaaaaa-0000-0000-0000-000000000001',
      iat: now,
      nbf: now,
      exp: now + 600,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-1' })
      .sign(keys.privateKey);
  };

  it('verifies tokens through the tenant’s JWKS, for the service’s own scope only', async () => {
    const { port } = jwks.address() as AddressInfo;
    const auth = parseServiceConfig(
      { auth: { mode: 'entra', tenantId, clientId, jwksUri: `http://127.0.0.1:${port}/keys` }, dossiers: [{ id: 'a', path: '.', grants: { '*': ['Sync.Review'] } }] },
      'test',
      '/',
    ).auth;
    const authenticator = createAuthenticator(auth, null);
    const principal = await authenticator.authenticate(`Bearer ${await entraToken({})}`);
    expect(principal).toMatchObject({ user: 'anne@firm.be', roles: new Set(['Sync.Review']) });
    expect((await authenticator.authenticate(`Bearer ${await entraToken({ aud: `api://${clientId}` })}`)).user).toBe('anne@firm.be');

    for (const claims of [{ tid: '99999999-2222-3333-4444-555555555555' }, { scp: 'User.Read' }, { aud: '00000003-0000-0000-c000-000000000000' }, { iss: 'https://sts.windows.net/x/' }]) {
      await expect(authenticator.authenticate(`Bearer ${await entraToken(claims)}`)).rejects.toThrow();
    }
    const dev = await signed({});
    await expect(authenticator.authenticate(`Bearer ${dev}`)).rejects.toThrow();
  });
});
