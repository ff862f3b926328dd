import { ProblemDetailsSchema } from '../../../src/contract/api';
import type { PendingRow } from '../../../src/contract/pending';
import { decide, prepareTemplate, removeWorlds, snapshot } from '../engine/world';
import { call, dossierCopy, startTestService, storeCounts, type Answer, type TestService } from './harness';

let t: TestService;
let base: string;
let anne: string;
let alphaPull: string;
let alphaRows: PendingRow[];
let betaPull: string;
let betaBackup: string;

beforeAll(async () => {
  const template = await prepareTemplate(40, 9);
  const grants = { '*': ['Sync.Review', 'Sync.Apply', 'Sync.Admin'] as const };
  t = await startTestService({
    dossiers: [
      { id: 'alpha', path: dossierCopy(template, 'alpha'), grants: { '*': [...grants['*']] } },
      { id: 'beta', path: dossierCopy(template, 'beta'), grants: { '*': [...grants['*']] } },
    ],
    config: { limits: { bodyBytes: 4096, runBodyBytes: 64 * 1024 } },
  });
  base = t.service.url;
  anne = await t.token('anne', ['Sync.Apply', 'Sync.Admin']);
  const pull = await call(base, 'POST', '/dossiers/alpha/pulls', { token: anne });
  alphaPull = pull.body.id;
  alphaRows = (await call(base, 'GET', `/dossiers/alpha/pulls/${alphaPull}/rows?limit=5000`, { token: anne })).body.items;
  expect((await call(base, 'POST', '/dossiers/alpha/backups', { token: anne })).status).toBe(201);
  betaPull = (await call(base, 'POST', '/dossiers/beta/pulls', { token: anne })).body.id;
  betaBackup = (await call(base, 'POST', '/dossiers/beta/backups', { token: anne })).body.id;
}, 60_000);
afterAll(async () => {
  await t?.close();
  removeWorlds();
});

/** A valid apply of the alpha pull, to spoil one part at a time. */
const applyBody = () => ({ pullId: alphaPull, decisions: decide(alphaRows).slice(0, 5), confirmed: true, dryRun: false });

function expectProblem(res: Answer, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return ProblemDetailsSchema.parse(res.body);
}

describe('bad input', () => {
  it('is refused with a problem naming it, and changes nothing anywhere', async () => {
    const alpha = t.dossier('alpha');
    const systems = await snapshot(alpha);
    const store = storeCounts(alpha);
    const runs = (raw: Partial<Parameters<typeof call>[3]>) =>
      call(base, 'POST', '/dossiers/alpha/runs', { token: anne, headers: { 'idempotency-key': `k-${Math.random()}`, ...raw?.headers }, ...raw });

    expectProblem(await runs({ raw: '{"pullId": ', headers: { 'content-type': 'application/json' } }), 400, 'malformed_json');
    expectProblem(await runs({ raw: 'pullId=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');

    const decisions = applyBody().decisions;
    const wrongType = expectProblem(await runs({ body: { ...applyBody(), confirmed: 'yes', decisions: [{ ...decisions[0], never: 'no' }] } }), 400, 'invalid_request');
    expect(wrongType.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: null, field: 'confirmed' }),
        expect.objectContaining({ key: decisions[0].key, field: 'decisions[0].never' }),
      ]),
    );
    const unknown = expectProblem(await runs({ body: { ...applyBody(), force: true, decisions: [{ ...decisions[1], colour: 'red' }] } }), 400, 'invalid_request');
    expect(unknown.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'force', code: 'unknown_field' }),
        expect.objectContaining({ key: decisions[1].key, field: 'decisions[0].colour', code: 'unknown_field' }),
      ]),
    );

    const big = { ...applyBody(), decisions: Array.from({ length: 1000 }, (_, i) => ({ ...decisions[0], key: `K${i}` })) };
    expectProblem(await runs({ body: big }), 413, 'body_too_large');
    expectProblem(await call(base, 'PUT', '/dossiers/alpha/custom-fields', { token: anne, body: { settings: [], padding: 'x'.repeat(5000) } }), 413, 'body_too_large');

    const otherPull = expectProblem(await runs({ body: { ...applyBody(), pullId: betaPull } }), 422, 'unknown_pull');
    expect(otherPull.detail).toContain(betaPull);

    const notInPull = expectProblem(await runs({ body: { ...applyBody(), decisions: [...decisions, { ...decisions[0], key: 'NOPE⇄1' }] } }), 422, 'unknown_row');
    expect(notInPull.problems).toEqual([expect.objectContaining({ key: 'NOPE⇄1', code: 'unknown_row' })]);

    const otherBackup = expectProblem(await runs({ body: { ...applyBody(), backupId: betaBackup } }), 409, 'backup_required');
    expect(otherBackup.problems?.[0].message).toContain(betaBackup);

    const dryNotInPull = await call(base, 'POST', '/dossiers/alpha/runs', { token: anne, body: { ...applyBody(), dryRun: true, decisions: [{ ...decisions[0], version: 'x' }] } });
    expectProblem(dryNotInPull, 422, 'version_mismatch');

    expectProblem(await call(base, 'GET', `/dossiers/alpha/pulls/${alphaPull}/rows?limit=5001`, { token: anne }), 400, 'invalid_request');
    expectProblem(await call(base, 'GET', `/dossiers/alpha/pulls/${alphaPull}/rows?limit=ten`, { token: anne }), 400, 'invalid_request');
    expectProblem(await call(base, 'GET', `/dossiers/alpha/pulls/${alphaPull}/rows?page=2`, { token: anne }), 400, 'invalid_request');
    expectProblem(await call(base, 'GET', `/dossiers/alpha/pulls/${betaPull}`, { token: anne }), 404, 'unknown_pull');
    expectProblem(await call(base, 'GET', '/dossiers/alpha/runs/R-none', { token: anne }), 404, 'unknown_run');
    expectProblem(await call(base, 'GET', '/dossiers/alpha/runs/R-none/audit', { token: anne }), 404, 'unknown_run');
    expectProblem(await call(base, 'POST', '/dossiers/alpha/runs/R-none/undo', { token: anne, body: { confirmed: true } }), 404, 'unknown_run');
    expectProblem(await call(base, 'GET', '/dossiers/alpha/customers/erp/1', { token: anne }), 400, 'invalid_request');
    expectProblem(await call(base, 'POST', '/dossiers/alpha/associations/never', { token: anne, body: { pullId: betaPull, changes: [{ key: alphaRows[0].key, never: true, reason: 'x' }] } }), 422, 'unknown_pull');
    expectProblem(await call(base, 'POST', '/dossiers/alpha/associations/never', { token: anne, body: { pullId: alphaPull, changes: [{ key: 'NOPE⇄1', never: true, reason: 'x' }] } }), 422, 'unknown_row');
    expectProblem(await call(base, 'GET', '/nothing-here', { token: anne }), 404, 'not_found');
    expectProblem(await runs({ body: applyBody(), headers: { 'idempotency-key': 'é' } }), 400, 'invalid_idempotency_key');

    expect(storeCounts(alpha)).toEqual(store);
    expect(await snapshot(alpha)).toEqual(systems);
  });
});
