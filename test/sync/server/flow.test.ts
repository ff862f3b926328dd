import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import {
  AssociationsPageSchema,
  BackupInfoSchema,
  CustomerStatusSchema,
  CustomFieldsSchema,
  DossierDetailSchema,
  DossierListSchema,
  DryRunResultSchema,
  JournalPageSchema,
  NeverFlagsResultSchema,
  PullInfoSchema,
  RowResultsPageSchema,
  RowsPageSchema,
  RunListSchema,
  RunStatusSchema,
  AuditExportSchema,
  RunProgressSchema,
} from '../../../src/contract/api';
import type { PendingRow } from '../../../src/contract/pending';
import { decide, prepareTemplate, removeWorlds, snapshot } from '../engine/world';
import { call, CRM_SECRET, dossierCopy, readEvents, startTestService, type TestService } from './harness';

let t: TestService;
let base: string;
let anne: string;

beforeAll(async () => {
  const template = await prepareTemplate(80, 11);
  t = await startTestService({
    dossiers: [{ id: 'alpha', path: dossierCopy(template, 'alpha'), grants: { '*': ['Sync.Review', 'Sync.Apply', 'Sync.Admin'] } }],
  });
  base = t.service.url;
  anne = await t.token('anne', ['Sync.Review', 'Sync.Apply']);
}, 60_000);
afterAll(async () => {
  await t?.close();
  removeWorlds();
});

async function allRows(pullId: string, limit: number): Promise<PendingRow[]> {
  const rows: PendingRow[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await call(base, 'GET', `/dossiers/alpha/pulls/${pullId}/rows?offset=${offset}&limit=${limit}`, { token: anne });
    expect(page.status).toBe(200);
    const parsed = RowsPageSchema.parse(page.body);
    rows.push(...parsed.items);
    if (offset + limit >= parsed.total) return rows;
  }
}

describe('the full flow over HTTP: pull → validate → backup → apply → re-pull', () => {
  it('synchronises the decisions and records who did it', async () => {
    expect(DossierListSchema.parse((await call(base, 'GET', '/dossiers', { token: anne })).body).dossiers).toEqual([
      { id: 'alpha', name: expect.any(String), roles: ['Sync.Review', 'Sync.Apply'] },
    ]);

    const created = await call(base, 'POST', '/dossiers/alpha/pulls', { token: anne });
    expect(created.status).toBe(201);
    const pull = PullInfoSchema.parse(created.body);
    expect(created.headers.get('location')).toBe(`/api/v1/dossiers/alpha/pulls/${pull.id}`);
    expect(pull.createdBy).toBe('anne');
    expect(pull.counts.rows).toBeGreaterThan(10);

    // Pages of any size give the same rows, in order.
    const rows = await allRows(pull.id, 7);
    expect(rows).toHaveLength(pull.counts.rows);
    expect(await allRows(pull.id, 5000)).toEqual(rows);
    const view = AssociationsPageSchema.parse((await call(base, 'GET', `/dossiers/alpha/pulls/${pull.id}/associations?limit=5000`, { token: anne })).body);
    expect(view.total).toBe(view.items.length);
    expect(view.items.length).toBeGreaterThan(rows.length);

    const applicable = rows.filter((r) => r.blockedReason === '');
    const skipped = applicable[0];
    const decisions = decide(rows, { [skipped.key]: { skip: true, reason: 'à vérifier' } });

    const dry = await call(base, 'POST', '/dossiers/alpha/runs', { token: anne, body: { pullId: pull.id, decisions, confirmed: false, dryRun: true } });
    expect(dry.status).toBe(200);
    const prediction = DryRunResultSchema.parse(dry.body);
    expect(prediction.counts.would_apply).toBe(applicable.length - 1);
    expect(prediction.results.find((r) => r.key === skipped.key)?.status).toBe('skipped');

    const backup = await call(base, 'POST', '/dossiers/alpha/backups', { token: anne });
    expect(backup.status).toBe(201);
    const backupId = BackupInfoSchema.parse(backup.body).id;
    expect(backup.body).not.toHaveProperty('path');

    const started = await call(base, 'POST', '/dossiers/alpha/runs', {
      token: anne,
      headers: { 'idempotency-key': 'flow-1' },
      body: { pullId: pull.id, decisions, backupId, confirmed: true, dryRun: false },
    });
    expect(started.status).toBe(202);
    const run = RunStatusSchema.parse(started.body);
    expect(started.headers.get('location')).toBe(`/api/v1/dossiers/alpha/runs/${run.runId}`);
    expect(run).toMatchObject({ state: 'running', user: 'anne', pullId: pull.id, backupId });

    const events = await readEvents(await fetch(`${base}/api/v1/dossiers/alpha/runs/${run.runId}/events`, { headers: { authorization: `Bearer ${anne}` } }));
    const end = events.at(-1)!;
    expect(end.event).toBe('end');
    const finished = RunStatusSchema.parse(end.data);
    expect(finished).toMatchObject({ runId: run.runId, state: 'done', user: 'anne' });
    expect(finished.counts.applied).toBe(applicable.length - 1);
    for (const e of events.slice(0, -1)) RunProgressSchema.parse(e.data);

    const results = RowResultsPageSchema.parse((await call(base, 'GET', `/dossiers/alpha/runs/${run.runId}/results?limit=5000`, { token: anne })).body);
    expect(results.total).toBe(rows.length);
    expect(results.items.filter((r) => r.status === 'applied')).toHaveLength(applicable.length - 1);
    const journal = JournalPageSchema.parse((await call(base, 'GET', `/dossiers/alpha/runs/${run.runId}/journal?limit=3`, { token: anne })).body);
    expect(journal.items).toHaveLength(3);
    expect(journal.items[0].user).toBe('anne');
    expect(RunListSchema.parse((await call(base, 'GET', '/dossiers/alpha/runs', { token: anne })).body).runs.map((r) => r.runId)).toContain(run.runId);

    // Re-pull: the applied rows are gone, the skipped one is proposed again.
    const again = PullInfoSchema.parse((await call(base, 'POST', '/dossiers/alpha/pulls', { token: anne })).body);
    const rowsAgain = await allRows(again.id, 5000);
    expect(rowsAgain.map((r) => r.key)).toContain(skipped.key);
    for (const r of applicable.filter((x) => x !== skipped)) expect(rowsAgain.map((x) => x.key)).not.toContain(r.key);

    const audit = await call(base, 'GET', `/dossiers/alpha/runs/${run.runId}/audit`, { token: anne });
    const record = AuditExportSchema.parse(audit.body);
    expect(record.chainIntact).toBe(true);
    expect(record.run.user).toBe('anne');
    expect(record.records.at(-1)?.payload).toMatchObject({ user: 'anne', backup: backupId });
    const xlsx = await fetch(`${base}/api/v1/dossiers/alpha/runs/${run.runId}/audit?format=xlsx&lang=en`, { headers: { authorization: `Bearer ${anne}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

    const detail = DossierDetailSchema.parse((await call(base, 'GET', '/dossiers/alpha', { token: anne })).body);
    expect(detail).toMatchObject({ busy: null, latestPull: { id: again.id }, latestBackup: { id: backupId } });

    // The status of one customer the run synchronised.
    const applied = results.items.find((r) => r.status === 'applied' && r.bobId && r.crmId)!;
    const status = CustomerStatusSchema.parse((await call(base, 'GET', `/dossiers/alpha/customers/bob/${encodeURIComponent(applied.bobId!)}`, { token: anne })).body);
    expect(status).toMatchObject({ association: { bobId: applied.bobId, crmId: applied.crmId }, latestPullId: again.id, pending: null });
    const skippedStatus = CustomerStatusSchema.parse((await call(base, 'GET', `/dossiers/alpha/customers/crm/${skipped.crmId}`, { token: anne })).body);
    expect(skippedStatus.pending?.key).toBe(skipped.key);

    // Undo puts back what the run wrote.
    const before = await snapshot(t.dossier('alpha'));
    const undo = await call(base, 'POST', `/dossiers/alpha/runs/${run.runId}/undo`, { token: anne, body: { confirmed: true } });
    expect(undo.status).toBe(200);
    expect(RunStatusSchema.parse(undo.body)).toMatchObject({ kind: 'undo', undoes: run.runId, user: 'anne', state: 'done' });
    expect(await snapshot(t.dossier('alpha'))).not.toEqual(before);
    const twice = await call(base, 'POST', `/dossiers/alpha/runs/${run.runId}/undo`, { token: anne, body: { confirmed: true } });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('not_undoable');
  }, 60_000);

  it('serves pages gzipped to a client that accepts it', async () => {
    const pull = PullInfoSchema.parse((await call(base, 'POST', '/dossiers/alpha/pulls', { token: anne })).body);
    const res = await request(`${base}/api/v1/dossiers/alpha/pulls/${pull.id}/associations?limit=5000`, {
      headers: { authorization: `Bearer ${anne}`, 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    const zipped = Buffer.from(await res.body.arrayBuffer());
    const page = AssociationsPageSchema.parse(JSON.parse(gunzipSync(zipped).toString('utf8')));
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('changes never-sync flags with a reason, and only an administrator changes those of others', async () => {
    const pull = PullInfoSchema.parse((await call(base, 'POST', '/dossiers/alpha/pulls', { token: anne })).body);
    const view = AssociationsPageSchema.parse((await call(base, 'GET', `/dossiers/alpha/pulls/${pull.id}/associations?limit=3`, { token: anne })).body);
    const key = view.items[0].key;
    const set = await call(base, 'POST', '/dossiers/alpha/associations/never', {
      token: anne,
      body: { pullId: pull.id, changes: [{ key, never: true, reason: 'suivi à la main' }] },
    });
    expect(set.status).toBe(200);
    expect(NeverFlagsResultSchema.parse(set.body).updated).toEqual([{ key, never: true, neverBy: 'anne', neverAt: expect.any(String), neverReason: 'suivi à la main' }]);

    const bruno = await t.token('bruno', ['Sync.Apply']);
    const clear = { pullId: pull.id, changes: [{ key, never: false, reason: 'repris' }] };
    const refused = await call(base, 'POST', '/dossiers/alpha/associations/never', { token: bruno, body: clear });
    expect(refused.status).toBe(403);
    expect(refused.body.problems).toEqual([expect.objectContaining({ key, field: 'never', code: 'flag_of_other_user' })]);

    const admin = await t.token('carla', ['Sync.Admin']);
    expect((await call(base, 'POST', '/dossiers/alpha/associations/never', { token: admin, body: clear })).status).toBe(200);
    const audit = t.dossier('alpha').store.auditRecords().filter((r) => r.kind === 'never_flags');
    expect(audit.map((r) => (r.payload as { user: string }).user)).toEqual(['anne', 'carla']);

    const noReason = await call(base, 'POST', '/dossiers/alpha/associations/never', { token: anne, body: { pullId: pull.id, changes: [{ key, never: true, reason: ' ' }] } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.problems).toEqual([expect.objectContaining({ key, field: 'changes[0].reason' })]);
  });

  it('reads custom-field settings, and saves them for an administrator only', async () => {
    const read = CustomFieldsSchema.parse((await call(base, 'GET', '/dossiers/alpha/custom-fields', { token: anne })).body);
    expect(read.settings.length).toBeGreaterThan(0);
    const changed = { settings: read.settings.map((s, i) => (i === 0 ? { ...s, selected: !s.selected } : s)) };
    expect((await call(base, 'PUT', '/dossiers/alpha/custom-fields', { token: anne, body: changed })).status).toBe(403);

    const admin = await t.token('carla', ['Sync.Admin']);
    const saved = await call(base, 'PUT', '/dossiers/alpha/custom-fields', { token: admin, body: changed });
    expect(saved.status).toBe(200);
    expect(CustomFieldsSchema.parse(saved.body).settings[0].selected).toBe(changed.settings[0].selected);

    const wrong = { settings: [{ ...read.settings[0], bobField: 'nope' }] };
    const refused = await call(base, 'PUT', '/dossiers/alpha/custom-fields', { token: admin, body: wrong });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'unknown_custom_field', problems: [expect.objectContaining({ field: 'nope' })] });
  });

  it('shows the configuration to administrators, without credentials', async () => {
    const admin = await t.token('carla', ['Sync.Admin']);
    const res = await call(base, 'GET', '/dossiers/alpha/configuration', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'alpha', crm: { kind: 'simulator' } });
    expect(res.text).not.toContain(CRM_SECRET);
    expect((await call(base, 'GET', '/dossiers/alpha/configuration', { token: anne })).status).toBe(403);
  });

  it('never writes a token or a password to its logs', async () => {
    expect(t.logs.length).toBeGreaterThan(10);
    const all = t.logs.join('\n');
    expect(all).not.toContain(anne.split('.')[2]);
    expect(all).not.toContain(CRM_SECRET);
    const requestLines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.req || l.res);
    expect(requestLines.length).toBeGreaterThan(10);
    for (const l of requestLines) expect(l.reqId).toEqual(expect.any(String));
  });
});
