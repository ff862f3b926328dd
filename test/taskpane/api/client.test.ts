import { ApiError, createApiClient } from '../../../src/taskpane/api/client';
import { describeError } from '../../../src/taskpane/api/describe';
import { EventParser } from '../../../src/taskpane/api/events';

describe('server-sent events', () => {
  it('reads events split anywhere across chunks, and skips keep-alives', () => {
    const parser = new EventParser();
    expect(parser.push(': keep-alive\n\nevent: progress\nda')).toEqual([]);
    expect(parser.push('ta: {"done":1}\r\n\r\nevent: end\ndata: {}\n')).toEqual([{ event: 'progress', data: '{"done":1}' }]);
    expect(parser.push('\n')).toEqual([{ event: 'end', data: '{}' }]);
  });
});

describe('the API client', () => {
  const answer = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

  it('asks for a fresh token once when the service refuses one', async () => {
    const tokens: boolean[] = [];
    const sent: string[] = [];
    const client = createApiClient({
      baseUrl: 'https://localhost:3001/api/v1/',
      token: async (fresh) => (tokens.push(fresh), fresh ? 'new' : 'old'),
      fetch: async (_url, init) => {
        const auth = (init?.headers as Record<string, string>).authorization;
        sent.push(auth);
        return auth === 'Bearer new' ? answer(200, { dossiers: [] }) : answer(401, { code: 'invalid_token' });
      },
    });
    expect(await client.dossiers()).toEqual([]);
    expect(tokens).toEqual([false, true]);
    expect(sent).toEqual(['Bearer old', 'Bearer new']);
  });

  it('turns every failure into an ApiError the pane can word', async () => {
    const failing = (reply: () => Response | Promise<Response>) =>
      createApiClient({ baseUrl: 'https://localhost:3001/api/v1', token: async () => 't', fetch: async () => reply() });
    const unreachable = await failing(() => Promise.reject(new TypeError('fetch failed'))).dossiers().catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(ApiError);
    expect(describeError(unreachable, 'fr')).toBe('Le service bobsync ne répond pas (https://localhost:3001).');

    const busy = await failing(() =>
      answer(409, { type: 'x', title: 'Conflict', status: 409, code: 'busy', detail: 'busy', requestId: 'r1', holder: { kind: 'apply', user: 'bruno', runId: 'R-1', since: '2026-03-02T09:15:00.000Z' } }, 'application/problem+json'),
    )
      .dossiers()
      .catch((e: unknown) => e);
    expect(describeError(busy, 'nl')).toMatch(/^Het dossier is bezet door een synchronisatie van bruno sinds \d/);

    const proxyPage = await failing(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })).dossiers().catch((e: unknown) => e);
    expect(describeError(proxyPage, 'en')).toBe('The service answered 502: 502 Bad Gateway (request —).');

    const offContract = await failing(() => answer(200, { dossiers: 'none' })).dossiers().catch((e: unknown) => e);
    expect((offContract as ApiError).kind).toBe('invalid');
  });

  it('reads every page of a paged list', async () => {
    const client = createApiClient({
      baseUrl: 'https://x/api/v1',
      token: async () => 't',
      fetch: async (url) => {
        const offset = Number(new URL(String(url)).searchParams.get('offset'));
        const page = Array.from({ length: Math.min(3, 7 - offset) }, (_, j) => runResult(offset + j));
        return answer(200, { offset, limit: 5000, total: 7, items: page });
      },
    });
    expect((await client.runResults('d', 'R')).map((r) => r.key)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
  });
});

const runResult = (i: number) => ({ key: `k${i}`, status: 'applied', message: '', bobId: null, crmId: null, written: [] });
