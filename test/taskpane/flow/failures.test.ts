import type { PendingRow } from '../../../src/contract/pending';
import type { CellValue } from '../../../src/sheets';
import { decide, removeWorlds } from '../../sync/engine/world';
import { call, holdWrites, readEvents } from '../../sync/server/harness';
import { colOf, paneWorld, tick, type PaneWorld } from './paneWorld';

let w: PaneWorld;
const sync = () => w.workbook.sheet('Synchronisation');
const runPosts = () => w.requests.filter((r) => r.startsWith('POST') && r.endsWith('/runs'));
const decisionsInSheet = (): CellValue[][] => sync().grid().map((r) => [r[0], r[colOf('sync', 'never')], r[colOf('sync', 'skip')], r[colOf('sync', 'reason')]]);

const problemAnswer = (status: number, code: string, detail: string, extra: object = {}) =>
  new Response(JSON.stringify({ type: `urn:bobsync:problem:${code}`, title: 'x', status, code, detail, requestId: 'req-1', ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/** A fresh pull, its blocked rows set aside and one row skipped, checked and backed up: ready to synchronise. */
async function readyToSynchronise(): Promise<PendingRow[]> {
  await w.controller.pull();
  const rows = w.service.dossier('alpha').store.pullRows(w.controller.state.linkedPull!.id);
  for (const row of rows.filter((r) => r.blockedReason !== '')) tick(sync(), row.key, 'skip');
  tick(sync(), rows.find((r) => r.blockedReason === '')!.key, 'skip');
  await w.controller.check();
  expect(w.controller.state.check).not.toBeNull();
  await w.controller.backup();
  w.controller.confirm(true);
  return rows;
}

beforeAll(async () => {
  w = await paneWorld(60, 23);
  await w.controller.signIn(await w.token());
}, 60_000);
afterEach(() => {
  w.intercept = null;
});
afterAll(async () => {
  await w?.service.close();
  removeWorlds();
});

describe('when things go wrong', () => {
  it('says the service is unreachable, and keeps the decisions', async () => {
    await readyToSynchronise();
    const decisions = decisionsInSheet();
    w.intercept = () => {
      throw new TypeError('fetch failed');
    };
    await w.controller.synchronise();
    expect(w.controller.state.notice).toEqual({
      intent: 'error',
      text: `Le service bobsync ne répond pas (${w.service.service.url}). Vos décisions restent dans le classeur.`,
    });
    expect(decisionsInSheet()).toEqual(decisions);
  });

  it('says a backup is needed when the service demands one', async () => {
    await readyToSynchronise();
    w.intercept = (url, init) =>
      init?.method === 'POST' && url.endsWith('/runs')
        ? problemAnswer(409, 'backup_required', 'No backup', { problems: [{ key: null, field: null, code: 'backup_required', message: 'No backup' }] })
        : undefined;
    await w.controller.synchronise();
    expect(w.controller.state.notice?.text).toBe(
      'Aucune sauvegarde n’a été faite depuis la récupération : créez d’abord une sauvegarde. Vos décisions restent dans le classeur.',
    );
  });

  it('refuses to send decisions changed since the check', async () => {
    const rows = await readyToSynchronise();
    const before = runPosts().length;
    tick(sync(), rows.filter((r) => r.blockedReason === '')[2].key, 'never');
    await w.controller.synchronise();
    expect(w.controller.state.notice?.text).toBe('Le classeur a changé depuis la vérification : vérifiez à nouveau. Vos décisions restent dans le classeur.');
    expect(w.controller.state.check).toBeNull();
    expect(runPosts().length).toBe(before);
  });

  it('loses the run’s progress when the network drops, then follows it again to its end', async () => {
    await readyToSynchronise();
    const decisions = decisionsInSheet();
    w.intercept = (url) => {
      if (url.endsWith('/events')) throw new TypeError('network changed');
      return undefined;
    };
    await w.controller.synchronise();
    const { notice, run } = w.controller.state;
    expect(notice?.text).toBe(
      `Le service bobsync ne répond pas (${w.service.service.url}). Le suivi de la synchronisation a été interrompu ; elle continue sur le service. Vos décisions restent dans le classeur.`,
    );
    expect(run?.lost).toBe(true);
    expect(decisionsInSheet()).toEqual(decisions);
    w.intercept = null;
    await w.controller.resume();
    expect(w.controller.state.run).toMatchObject({ lost: false, status: { state: 'done' } });
    expect(sync().grid().slice(1).some((r) => r[colOf('sync', 'status')] === 'Appliqué')).toBe(true);
  }, 30_000);

  it('asks to sign in again when the service refuses the token mid-run, and keeps the decisions', async () => {
    await readyToSynchronise();
    const decisions = decisionsInSheet();
    w.intercept = (url) => (url.endsWith('/events') ? problemAnswer(401, 'invalid_token', 'Sign in again') : undefined);
    await w.controller.synchronise();
    expect(w.controller.state.notice?.text).toBe(
      'Votre connexion a expiré ou n’est pas reconnue : reconnectez-vous. Le suivi de la synchronisation a été interrompu ; elle continue sur le service. Vos décisions restent dans le classeur.',
    );
    expect(w.controller.state.run?.lost).toBe(true);
    expect(decisionsInSheet()).toEqual(decisions);
    w.intercept = null;
    w.controller.signOut();
    await w.controller.signIn(await w.token());
    await w.controller.resume();
    expect(w.controller.state.run?.status?.state).toBe('done');
  }, 30_000);

  it('says who holds the dossier when another synchronisation is running, and keeps the decisions', async () => {
    const rows = await readyToSynchronise();
    const decisions = decisionsInSheet();
    const dossier = w.service.dossier('alpha');
    const held = holdWrites(dossier);
    const bruno = await w.token('bruno', ['Sync.Review', 'Sync.Apply']);
    const pullId = w.controller.state.linkedPull!.id;
    const other = await call(w.service.service.url, 'POST', '/dossiers/alpha/runs', {
      token: bruno,
      headers: { 'idempotency-key': 'bruno-1' },
      body: { pullId, decisions: decide(rows, Object.fromEntries(rows.filter((r) => r.blockedReason !== '').map((r) => [r.key, { skip: true }]))), confirmed: true, dryRun: false },
    });
    expect(other.status).toBe(202);
    await held.reached;
    await w.controller.synchronise();
    expect(w.controller.state.notice?.text).toMatch(/^Le dossier est occupé par une synchronisation de bruno depuis .+\. Vos décisions restent dans le classeur\.$/);
    expect(decisionsInSheet()).toEqual(decisions);
    held.release();
    const events = await readEvents(
      await fetch(`${w.service.service.url}/api/v1/dossiers/alpha/runs/${other.body.runId}/events`, { headers: { authorization: `Bearer ${bruno}` } }),
    );
    expect(events.at(-1)?.event).toBe('end');
  }, 30_000);
});

