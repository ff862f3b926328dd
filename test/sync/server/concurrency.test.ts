import { RunStatusSchema, type RunStatus } from '../../../src/contract/api';
import type { PendingRow } from '../../../src/contract/pending';
import { decide, open, prepareTemplate, removeWorlds } from '../engine/world';
import { call, dossierCopy, holdCalls, holdWrites, readEvents, startTestService, type TestService } from './harness';

let template: string;
beforeAll(async () => {
  template = await prepareTemplate(40, 7);
}, 60_000);
afterAll(removeWorlds);

let t: TestService;
let base: string;
let anne: string;
let bruno: string;

beforeEach(async () => {
  t = await startTestService({ dossiers: [{ id: 'alpha', path: dossierCopy(template, 'alpha'), grants: { '*': ['Sync.Review', 'Sync.Apply'] } }] });
  base = t.service.url;
  anne = await t.token('anne', ['Sync.Apply']);
  bruno = await t.token('bruno', ['Sync.Apply']);
});
afterEach(() => t.close());

/** A pull, its rows taken as proposed, and a backup made after it: ready to apply. */
async function ready(): Promise<{ pullId: string; rows: PendingRow[]; body: Record<string, unknown> }> {
  const pull = await call(base, 'POST', '/dossiers/alpha/pulls', { token: anne });
  const rows = (await call(base, 'GET', `/dossiers/alpha/pulls/${pull.body.id}/rows?limit=5000`, { token: anne })).body.items as PendingRow[];
  expect((await call(base, 'POST', '/dossiers/alpha/backups', { token: anne })).status).toBe(201);
  return { pullId: pull.body.id, rows, body: { pullId: pull.body.id, decisions: decide(rows), confirmed: true, dryRun: false } };
}

const apply = (token: string, key: string, body: unknown, signal?: AbortSignal) =>
  call(base, 'POST', '/dossiers/alpha/runs', { token, body, headers: { 'idempotency-key': key }, signal });

/** Follows the run's events to its end; a run that has ended answers at once. */
async function endOf(runId: string): Promise<RunStatus> {
  const events = await readEvents(await fetch(`${base}/api/v1/dossiers/alpha/runs/${runId}/events`, { headers: { authorization: `Bearer ${anne}` } }));
  expect(events.at(-1)?.event).toBe('end');
  return RunStatusSchema.parse(events.at(-1)!.data);
}

describe('one apply at a time per dossier', () => {
  it('runs exactly one of two concurrent applies and tells the other who holds the dossier', async () => {
    const { body } = await ready();
    const held = holdWrites(t.dossier('alpha'));
    const [a, b] = await Promise.all([apply(anne, 'anne-1', body), apply(bruno, 'bruno-1', body)]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const [winner, loser] = a.status === 202 ? [a, b] : [b, a];
    expect(loser.headers.get('content-type')).toContain('application/problem+json');
    expect(loser.body).toMatchObject({ code: 'busy', holder: { kind: 'apply', user: winner === a ? 'anne' : 'bruno', runId: winner.body.runId } });

    // While it runs, reads and pulls go on freely, and the dossier says who holds it.
    expect((await call(base, 'GET', '/dossiers/alpha', { token: bruno })).body.busy).toMatchObject({ runId: winner.body.runId });
    expect((await call(base, 'POST', '/dossiers/alpha/pulls', { token: bruno })).status).toBe(201);
    expect((await call(base, 'POST', `/dossiers/alpha/runs/${winner.body.runId}/undo`, { token: bruno, body: { confirmed: true } })).status).toBe(409);

    held.release();
    expect((await endOf(winner.body.runId)).state).toBe('done');
    const runs = (await call(base, 'GET', '/dossiers/alpha/runs', { token: anne })).body.runs;
    expect(runs).toHaveLength(1);
    expect((await call(base, 'GET', '/dossiers/alpha', { token: bruno })).body.busy).toBeNull();
  });
});

describe('idempotency', () => {
  it('returns the first run to a retry with the same key, during and after the run', async () => {
    const { body } = await ready();
    const held = holdWrites(t.dossier('alpha'));
    const first = await apply(anne, 'same-key', body);
    expect(first.status).toBe(202);
    const during = await apply(anne, 'same-key', body);
    expect(during.status).toBe(202);
    expect(during.body.runId).toBe(first.body.runId);

    const other = await apply(anne, 'same-key', { ...(body as object), decisions: [] });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');

    held.release();
    await endOf(first.body.runId);
    const after = await apply(anne, 'same-key', body);
    expect(after.status).toBe(200);
    expect(RunStatusSchema.parse(after.body)).toMatchObject({ runId: first.body.runId, state: 'done', replayed: true });
    expect((await call(base, 'GET', '/dossiers/alpha/runs', { token: anne })).body.runs).toHaveLength(1);
    expect(t.dossier('alpha').store.runs('alpha')).toHaveLength(1);
  });

  it('needs a key for an apply', async () => {
    const { body } = await ready();
    const res = await call(base, 'POST', '/dossiers/alpha/runs', { token: anne, body });
    expect(res.status).toBe(428);
    expect(res.body.code).toBe('idempotency_key_required');
  });
});

describe('a client that disconnects', () => {
  it('does not stop the run; its result can be fetched afterwards', async () => {
    const { body, rows } = await ready();

    // The client drops its request while the engine is still checking the decisions.
    const checking = holdCalls(t.dossier('alpha'), { crm: ['customFields'] });
    const dropped = new AbortController();
    const request = apply(anne, 'drop-1', body, dropped.signal);
    await checking.reached;
    dropped.abort();
    await expect(request).rejects.toThrow();
    checking.release();
    // Installed before the engine resumes: released calls continue on a later turn.
    const writing = holdWrites(t.dossier('alpha'));

    // Retried with its key, the request joins the run the dropped one started.
    await writing.reached;
    const retry = await apply(anne, 'drop-1', body);
    expect(retry.status).toBe(202);
    const runId: string = retry.body.runId;
    expect((await call(base, 'GET', '/dossiers/alpha/runs', { token: anne })).body.runs).toEqual([expect.objectContaining({ runId, state: 'running' })]);

    // Another client drops the event stream mid-run.
    const events = new AbortController();
    const stream = await fetch(`${base}/api/v1/dossiers/alpha/runs/${runId}/events`, { headers: { authorization: `Bearer ${anne}` }, signal: events.signal });
    expect(stream.status).toBe(200);
    events.abort();

    writing.release();
    const end = await endOf(runId);
    expect(end).toMatchObject({ state: 'done', user: 'anne' });
    expect((end.counts.applied ?? 0) + (end.counts.blocked ?? 0)).toBe(rows.length);
    const results = await call(base, 'GET', `/dossiers/alpha/runs/${runId}/results?limit=5000`, { token: anne });
    expect(results.body.total).toBe(rows.length);
    const replay = await apply(anne, 'drop-1', body);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ runId, replayed: true });
  });

  it('lets a stopping service finish the run first', async () => {
    const { body } = await ready();
    const held = holdWrites(t.dossier('alpha'));
    const started = await apply(anne, 'stop-1', body);
    expect(started.status).toBe(202);
    await held.reached;
    const closing = t.close();
    held.release();
    await closing;
    const d = await open(t.config.dossiers[0].path);
    try {
      expect(d.store.run(started.body.runId)?.state).toBe('done');
    } finally {
      await d.close();
    }
  });
});
