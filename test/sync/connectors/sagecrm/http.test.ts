import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CrmError } from '../../../../src/sync/connectors/sagecrm';
import { CrmHttp } from '../../../../src/sync/connectors/sagecrm/http';

/** Answers that the simulator never gives, from a stub server on loopback. */
const ANSWERS: Record<string, { status: number; type: string; body: string } | 'never'> = {
  '/api/forbidden': { status: 403, type: 'application/json', body: '{"$diagnoses":[{"$message":"No rights on Company"}]}' },
  '/api/conflict': { status: 409, type: 'application/json', body: '{"$diagnoses":[{"$message":"Record changed"}]}' },
  '/api/crash': { status: 500, type: 'text/html', body: '<html><body>Internal Server Error</body></html>' },
  '/api/html': { status: 200, type: 'text/html', body: '<html>Log on</html>' },
  '/api/empty': { status: 204, type: 'application/json', body: '' },
  '/api/slow': 'never',
};

describe('CrmHttp failures', () => {
  let server: http.Server;
  let client: CrmHttp;
  let host: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const answer = ANSWERS[new URL(req.url ?? '/', 'http://stub').pathname];
      if (answer === 'never') return;
      if (!answer) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(answer.status, { 'Content-Type': answer.type }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = new CrmHttp({ baseUrl: `http://${host}/api/`, user: 'ws', password: 'pw', timeoutMs: 30_000 });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  });

  const failure = (resource: string, via = client) =>
    via.send('GET', resource).then(
      () => {
        throw new Error(`${resource} should have failed`);
      },
      (err: unknown) => err as CrmError,
    );

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
    expect(await failure('crash')).toMatchObject({ kind: 'server', status: 500, message: expect.stringContaining('Internal Server Error') });
  });

  test('a resource that is not there points at baseUrl', async () => {
    expect(await failure('nothing')).toMatchObject({ kind: 'not_found', message: expect.stringMatching(/check baseUrl/) });
  });

  test('a 2xx answer that is not JSON is a protocol error', async () => {
    expect(await failure('html')).toMatchObject({ kind: 'protocol', message: expect.stringMatching(/other than JSON/) });
  });

  test('an answer without a body resolves to undefined', async () => {
    await expect(client.send('DELETE', 'empty')).resolves.toBeUndefined();
  });

  test('no answer within timeoutMs is a timeout naming the host', async () => {
    // The stub never answers this one, so any timeout expires: nothing depends on speed.
    const impatient = new CrmHttp({ baseUrl: `http://${host}/api/`, user: 'ws', password: 'pw', timeoutMs: 50 });
    const error = await failure('slow', impatient);
    expect(error).toMatchObject({ kind: 'timeout', status: 0 });
    expect(error.message).toContain(`Sage CRM at ${host} did not answer GET slow within 50 ms`);
  });
});
