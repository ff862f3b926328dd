import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CrmError, parseSageCrmConfig, type SageCrmConfigInput } from '../../../../src/sync/connectors/sagecrm';
import { CrmHttp } from '../../../../src/sync/connectors/sagecrm/http';

type Answer = { status: number; type?: string; body?: string; headers?: Record<string, string> } | 'never' | 'drop';

/**
 * A stub server on loopback that answers each path from a script: one answer per request, the
 * last one repeated. It gives the answers the simulator never gives.
 */
function stub(scripts: Record<string, Answer[]>, tls?: { key: string; cert: string }) {
  const seen: Array<{ path: string; method: string; url: string; authorization?: string }> = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const count = seen.filter((s) => s.path === url.pathname).length;
    seen.push({ path: url.pathname, method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const script = scripts[url.pathname];
    const answer = script ? script[Math.min(count, script.length - 1)] : { status: 404 };
    if (answer === 'never') return;
    if (answer === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, { 'Content-Type': answer.type ?? 'application/json', ...answer.headers }).end(answer.body ?? '');
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return {
    seen,
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

const OK = { status: 200, body: '{"ok":true}' };
const json = (status: number, message: string) => ({ status, body: JSON.stringify({ $diagnoses: [{ $message: message }] }) });

const SCRIPTS: Record<string, Answer[]> = {
  '/api/forbidden': [json(403, 'No rights on Company')],
  '/api/conflict': [json(409, 'Record changed')],
  '/api/crash': [{ status: 500, type: 'text/html', body: '<html><body>Internal Server Error</body></html>' }],
  '/api/html': [{ status: 200, type: 'text/html', body: '<html>Log on</html>' }],
  '/api/empty': [{ status: 204 }],
  '/api/slow': ['never'],
  '/api/busy-then-ok': [{ status: 503 }, { status: 429, headers: { 'Retry-After': '0' } }, OK],
  '/api/drop-then-ok': ['drop', OK],
  '/api/fail-then-ok': [{ status: 502 }, OK],
  '/api/invalid-then-ok': [json(400, 'Field comp_name is too long'), OK],
  '/api/missing-then-ok': [{ status: 404 }, OK],
  '/api/always-busy': [{ status: 503 }],
};

describe('CrmHttp', () => {
  const server = stub(SCRIPTS);
  let host: string;
  const client = (overrides: Partial<SageCrmConfigInput> = {}) =>
    new CrmHttp(
      parseSageCrmConfig({ baseUrl: `http://${host}/api/`, user: 'ws', password: 'pw', retryBaseMs: 1, retryMaxMs: 5, ...overrides }),
    );
  const calls = (path: string) => server.seen.filter((s) => s.path === `/api/${path}`);

  beforeAll(async () => {
    host = await server.start();
  });
  afterAll(() => server.stop());

  const failure = (resource: string, via = client(), method: 'GET' | 'POST' = 'GET') =>
    via.send(method, resource, method === 'POST' ? { body: {} } : {}).then(
      () => {
        throw new Error(`${resource} should have failed`);
      },
      (err: unknown) => err as CrmError,
    );

  describe('errors that say what to fix', () => {
    test('403 names the user and says to grant rights', async () => {
      const error = await failure('forbidden');
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
      expect(error.message).toBe(
        'Sage CRM does not let user ws GET forbidden (No rights on Company): give the user rights on this entity in CRM',
      );
    });

    test('409 carries the server message and says to re-read', async () => {
      expect(await failure('conflict')).toMatchObject({ kind: 'conflict', status: 409, message: expect.stringMatching(/Record changed.*re-read/) });
    });

    test('500 with an HTML page quotes the start of it', async () => {
      expect(await failure('crash', client({ maxAttempts: 1 }))).toMatchObject({
        kind: 'server',
        status: 500,
        message: expect.stringContaining('Internal Server Error'),
      });
    });

    test('a resource that is not there points at baseUrl', async () => {
      expect(await failure('nothing')).toMatchObject({ kind: 'not_found', message: expect.stringMatching(/check baseUrl/) });
    });

    test('a 2xx answer that is not JSON is a protocol error', async () => {
      expect(await failure('html')).toMatchObject({ kind: 'protocol', message: expect.stringMatching(/other than JSON/) });
    });

    test('an answer without a body resolves to undefined', async () => {
      await expect(client().send('DELETE', 'empty')).resolves.toBeUndefined();
    });

    test('no answer within timeoutMs is a timeout naming the host', async () => {
      // The stub never answers this one, so any timeout expires: nothing depends on speed.
      const error = await failure('slow', client({ timeoutMs: 50, maxAttempts: 1 }));
      expect(error).toMatchObject({ kind: 'timeout', status: 0 });
      expect(error.message).toContain(`Sage CRM at ${host} did not answer GET slow within 50 ms`);
    });

    test('an unknown host fails at once, without retries, naming the host', async () => {
      const unknown = new CrmHttp(
        parseSageCrmConfig({ baseUrl: 'http://nonexistent.invalid/sdata/crmj/sagecrm2/-/', user: 'ws', password: 'pw', timeoutMs: 2000 }),
      );
      const error = await failure('Company', unknown);
      expect(error).toMatchObject({ kind: 'setup', status: 0 });
      expect(error.message).toMatch(/host nonexistent\.invalid was not found.*baseUrl/);
      expect(unknown.stats()).toEqual({ attempts: 1, retries: 0 });
    });
  });

  describe('retries', () => {
    test('503 and 429 are sent again, whatever the method', async () => {
      const http = client();
      await expect(http.send('POST', 'busy-then-ok', { body: {} })).resolves.toEqual({ ok: true });
      expect(calls('busy-then-ok').map((c) => c.method)).toEqual(['POST', 'POST', 'POST']);
      expect(http.stats()).toEqual({ attempts: 3, retries: 2 });
    });

    test('a dropped connection and a 502 are retried for a GET', async () => {
      await expect(client().send('GET', 'drop-then-ok')).resolves.toEqual({ ok: true });
      await expect(client().send('PATCH', 'fail-then-ok', { body: {} })).resolves.toEqual({ ok: true });
      expect(calls('drop-then-ok')).toHaveLength(2);
      expect(calls('fail-then-ok')).toHaveLength(2);
    });

    test('a POST that failed after it may have been carried out is not resent, and says so', async () => {
      const error = await failure('crash', client(), 'POST');
      expect(error).toMatchObject({ kind: 'server', status: 500, maybeApplied: true });
      expect(calls('crash').filter((c) => c.method === 'POST')).toHaveLength(1);
    });

    test('other 4xx answers are never retried', async () => {
      expect(await failure('invalid-then-ok')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/too long/) });
      expect(await failure('missing-then-ok')).toMatchObject({ kind: 'not_found' });
      expect(calls('invalid-then-ok')).toHaveLength(1);
      expect(calls('missing-then-ok')).toHaveLength(1);
    });

    test('gives up after maxAttempts and says how many were made', async () => {
      const error = await failure('always-busy', client({ maxAttempts: 3 }));
      expect(error).toMatchObject({ kind: 'server', status: 503, maybeApplied: false });
      expect(error.message).toMatch(/gave up after 3 attempts/);
      expect(calls('always-busy')).toHaveLength(3);
    });
  });

  describe('authentication', () => {
    test('Basic by default; a session id goes as SID instead', async () => {
      await client().send('GET', 'html').catch(() => undefined);
      expect(calls('html').at(-1)?.authorization).toBe(`Basic ${Buffer.from('ws:pw').toString('base64')}`);
      const bySession = client({ user: undefined, password: undefined, sessionId: '125407476439516' });
      await bySession.send('GET', 'html', { query: { count: 1 } }).catch(() => undefined);
      expect(calls('html').at(-1)).toMatchObject({ authorization: undefined, url: '/api/html?count=1&SID=125407476439516' });
    });
  });
});

describe('CrmHttp over HTTPS with a self-signed certificate', () => {
  const dir = join(__dirname, 'tls');
  const tls = { key: readFileSync(join(dir, 'localhost-key.pem'), 'utf8'), cert: readFileSync(join(dir, 'localhost.pem'), 'utf8') };
  const server = stub({ '/api/Company': [OK] }, tls);
  let host: string;
  beforeAll(async () => {
    host = await server.start();
  });
  afterAll(() => server.stop());

  const config = (ca?: string) =>
    parseSageCrmConfig({ baseUrl: `https://${host}/api/`, user: 'ws', password: 'pw', ca, maxAttempts: 3, retryBaseMs: 1 });

  test('is refused without the CA, with a message that says to give it, and never retried', async () => {
    const http = new CrmHttp(config());
    const error = await http.send('GET', 'Company').catch((e: unknown) => e as CrmError);
    expect(error).toMatchObject({ kind: 'setup' });
    expect((error as CrmError).message).toMatch(/certificate .* not trusted .*caFile/);
    expect(http.stats().retries).toBe(0);
  });

  test('is trusted with the CA given', async () => {
    const http = new CrmHttp(config(readFileSync(join(dir, 'ca.pem'), 'utf8')));
    await expect(http.send('GET', 'Company')).resolves.toEqual({ ok: true });
    await http.close();
  });
});
