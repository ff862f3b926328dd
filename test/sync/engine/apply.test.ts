import type { PendingRow } from '../../../src/contract/pending';
import { canonicalPair } from '../../../src/sync/domain/canonical';
import { holds } from '../../../src/sync/engine/images';
import type { OpenDossier } from '../../../src/sync/dossier';
import { editSandbox } from '../../../src/sync/sandbox/sandbox';
import { copyOf, decide, open, prepareTemplate, removeWorlds, snapshot } from './world';

let template: string;
beforeAll(async () => {
  template = await prepareTemplate(80, 11);
}, 60_000);
afterAll(removeWorlds);

async function world(): Promise<{ d: OpenDossier; dir: string }> {
  const dir = copyOf(template);
  return { d: await open(dir), dir };
}

const firstOf = (rows: PendingRow[], test: (r: PendingRow) => boolean, skip: PendingRow[] = []) => {
  const row = rows.find((r) => test(r) && !skip.includes(r));
  if (!row) throw new Error('the template dossier lacks a row of that kind');
  return row;
};
const hasConflict = (r: PendingRow) => r.changes.some((c) => c.status === 'conflict');

describe('a synchronisation on the sandbox', () => {
  it('applies the decisions, keeps skipped rows pending, and forgets never rows until unflagged', async () => {
    const { d, dir } = await world();
    try {
      const user = 'anne';
      const p1 = await d.engine.pull(user);
      const kinds = new Set(p1.rows.map((r) => r.kind));
      expect(kinds).toEqual(expect.objectContaining(new Set(['update'])));
      const conflictRow = firstOf(p1.rows, (r) => r.kind === 'update' && hasConflict(r));
      const neverRow = firstOf(p1.rows, (r) => r.kind === 'update', [conflictRow]);
      const skipRow = firstOf(p1.rows, (r) => r.kind === 'update', [conflictRow, neverRow]);
      const conflictField = conflictRow.changes.find((c) => c.status === 'conflict')!;
      const decisions = decide(p1.rows, {
        [neverRow.key]: { never: true, reason: 'client suivi à la main' },
        [skipRow.key]: { skip: true, reason: 'à vérifier' },
        [conflictRow.key]: { directions: { [conflictField.field]: 'crm>bob' } },
      });
      const before = await snapshot(d);

      const dry = await d.engine.apply({ pullId: p1.pull.id, decisions, confirmed: false, dryRun: true, user });
      expect(dry.problems).toEqual([]);
      expect(dry.runId).toBeNull();
      expect(dry.results.find((r) => r.key === skipRow.key)?.status).toBe('skipped');
      expect(dry.results.find((r) => r.key === neverRow.key)?.status).toBe('never');
      expect(dry.results.find((r) => r.key === conflictRow.key)?.status).toBe('would_apply');
      expect(await snapshot(d)).toEqual(before);

      const unconfirmed = await d.engine.apply({ pullId: p1.pull.id, decisions, confirmed: false, dryRun: false, user });
      expect(unconfirmed.problems.map((p) => p.code).sort()).toEqual(['backup_required', 'confirmation_required']);
      expect(unconfirmed.runId).toBeNull();
      expect(await snapshot(d)).toEqual(before);

      const backup = await d.engine.backup(user);
      expect(backup.sha256).toMatch(/^[0-9a-f]{64}$/);
      const run = await d.engine.apply({ pullId: p1.pull.id, decisions, confirmed: true, dryRun: false, user });
      expect(run.problems).toEqual([]);
      expect(run.runId).toMatch(/^R-/);
      expect(run.counts.failed ?? 0).toBe(0);
      expect(run.counts.stale ?? 0).toBe(0);

      // Both systems hold what was written, and the conflict went the way the user chose.
      const after = await snapshot(d);
      for (const r of run.results.filter((x) => x.status === 'applied')) {
        const bob = after.bob.get(r.bobId!);
        const crm = after.crm.get(r.crmId!);
        expect(bob).toBeDefined();
        expect(crm).toBeDefined();
        const pair = canonicalPair(bob!, crm!, p1.settings);
        for (const w of r.written) {
          expect(holds(pair.bob, { [w.field]: w.after })).toBe(true);
          expect(holds(pair.crm, { [w.field]: w.after })).toBe(true);
        }
      }
      const conflictResult = run.results.find((r) => r.key === conflictRow.key)!;
      expect(conflictResult.written).toContainEqual(expect.objectContaining({ field: conflictField.field, direction: 'crm>bob', after: conflictField.crm }));

      // The next pull shows exactly the rows that were not applied.
      const p2 = await d.engine.pull(user);
      const notApplied = run.results.filter((r) => r.status !== 'applied' && r.status !== 'never').map((r) => r.key);
      expect(p2.rows.map((r) => r.key).sort()).toEqual(notApplied.sort());
      expect(p2.rows.find((r) => r.key === skipRow.key)?.version).toBe(skipRow.version);
      expect(p2.rows.find((r) => r.key === neverRow.key)).toBeUndefined();
      const neverView = d.store.pullView(p2.pull.id).find((v) => v.key === neverRow.key)!;
      expect(neverView).toEqual(expect.objectContaining({ never: true, neverReason: 'client suivi à la main', neverBy: user }));

      // New edits on both sides come on top of what was left.
      await d.close();
      await editSandbox({ dir, seed: 99 });
      const d2 = await open(dir);
      try {
        const p3 = await d2.engine.pull(user);
        const keys = new Set(p3.rows.map((r) => r.key));
        expect(keys.has(skipRow.key)).toBe(true);
        expect(p3.rows.length).toBeGreaterThan(p2.rows.length);

        // Clearing the never flag in the global view brings the customer back.
        await d2.engine.backup(user);
        const cleared = await d2.engine.apply({
          pullId: p3.pull.id,
          decisions: [],
          neverChanges: [{ key: neverRow.key, never: false, reason: '' }],
          confirmed: true,
          dryRun: false,
          user,
        });
        expect(cleared.problems).toEqual([]);
        const p4 = await d2.engine.pull(user);
        expect(p4.rows.map((r) => r.key)).toContain(neverRow.key);
      } finally {
        await d2.close();
      }
    } finally {
      await d.close();
    }
  }, 60_000);

  it('returns the first result for a retried apply with the same idempotency key', async () => {
    const { d } = await world();
    try {
      const p = await d.engine.pull('bo');
      await d.engine.backup('bo');
      const request = { pullId: p.pull.id, decisions: decide(p.rows), confirmed: true, dryRun: false, user: 'bo', idempotencyKey: 'k-1' };
      const first = await d.engine.apply(request);
      const second = await d.engine.apply(request);
      expect(second.runId).toBe(first.runId);
      expect(second.replayed).toBe(true);
      expect(second.results).toEqual(first.results);
      expect(d.engine.runs().filter((r) => r.kind === 'apply')).toHaveLength(2); // the sandbox's first sync, and this one
    } finally {
      await d.close();
    }
  }, 30_000);

  it('does not write a row whose records changed after the pull, and says it is stale', async () => {
    const { d } = await world();
    try {
      const p = await d.engine.pull('bo');
      const row = firstOf(p.rows, (r) => r.kind === 'update' && r.crmId !== null);
      await d.engine.ctx.crm.update(row.crmId!, { website: 'https://changed-after-the-pull.be' });
      await d.engine.backup('bo');
      const run = await d.engine.apply({ pullId: p.pull.id, decisions: decide(p.rows), confirmed: true, dryRun: false, user: 'bo' });
      const r = run.results.find((x) => x.key === row.key)!;
      expect(r.status).toBe('stale');
      expect(r.written).toEqual([]);
      expect(run.counts.applied).toBeGreaterThan(0);
    } finally {
      await d.close();
    }
  }, 30_000);

  it('refuses a backup made before the pull, and decisions from another pull', async () => {
    const { d } = await world();
    try {
      await d.engine.backup('bo');
      const p = await d.engine.pull('bo');
      const old = await d.engine.apply({ pullId: p.pull.id, decisions: decide(p.rows), confirmed: true, dryRun: false, user: 'bo' });
      expect(old.problems.map((x) => x.code)).toEqual(['backup_required']);
      const tampered = decide(p.rows).map((x, i) => (i === 0 ? { ...x, version: '0000000000000000' } : x));
      const mismatch = await d.engine.apply({ pullId: p.pull.id, decisions: tampered, confirmed: false, dryRun: true, user: 'bo' });
      expect(mismatch.problems).toContainEqual(expect.objectContaining({ key: p.rows[0].key, code: 'version_mismatch' }));
      const direction = decide(p.rows).map((x) => {
        const row = p.rows.find((r) => r.key === x.key)!;
        const plain = row.changes.find((c) => c.status !== 'conflict');
        return plain && row.kind === 'update' ? { ...x, directions: { [plain.field]: 'crm>bob' as const } } : x;
      });
      const wrongDirection = await d.engine.apply({ pullId: p.pull.id, decisions: direction, confirmed: false, dryRun: true, user: 'bo' });
      expect(wrongDirection.problems.some((x) => x.code === 'direction_not_conflict')).toBe(true);
    } finally {
      await d.close();
    }
  }, 30_000);

  it('leaves an unselected custom field out of the run and keeps its base', async () => {
    const { d } = await world();
    try {
      const p = await d.engine.pull('bo');
      const withCustom = p.rows.filter((r) => r.kind === 'update' && r.changes.some((c) => c.field.startsWith('cf.')));
      expect(withCustom.length).toBeGreaterThan(0);
      const field = withCustom[0].changes.find((c) => c.field.startsWith('cf.'))!.field;
      const bobField = field.slice(3);
      const settings = p.settings.map((s) => (s.bobField === bobField ? { ...s, selected: false } : s));
      await d.engine.backup('bo');
      const run = await d.engine.apply({ pullId: p.pull.id, decisions: decide(p.rows), customFields: settings, confirmed: true, dryRun: false, user: 'bo' });
      expect(run.problems).toEqual([]);
      for (const r of run.results) expect(r.written.map((w) => w.field)).not.toContain(field);
      expect((await d.engine.pull('bo')).rows.flatMap((r) => r.changes.map((c) => c.field))).not.toContain(field);

      // Selected again, the changes it held back come back.
      d.store.saveCustomFieldSettings('sandbox', p.settings);
      const again = await d.engine.pull('bo');
      expect(again.rows.filter((r) => r.changes.some((c) => c.field === field)).map((r) => r.key)).toEqual(
        expect.arrayContaining(withCustom.filter((r) => r.changes.some((c) => c.field === field)).map((r) => r.key)),
      );
    } finally {
      await d.close();
    }
  }, 30_000);
});

describe('undo', () => {
  it('puts back the pre-images and the associations, so the same rows are pending again', async () => {
    const { d } = await world();
    try {
      const p1 = await d.engine.pull('bo');
      await d.engine.backup('bo');
      const run = await d.engine.apply({ pullId: p1.pull.id, decisions: decide(p1.rows), confirmed: true, dryRun: false, user: 'bo' });
      expect(run.counts.applied).toBeGreaterThan(0);
      const refused = await d.engine.undo(run.runId!, 'bo', false);
      expect(refused.problems.map((x) => x.code)).toEqual(['confirmation_required']);

      const undone = await d.engine.undo(run.runId!, 'bo', true);
      expect(undone.problems).toEqual([]);
      expect(undone.counts.failed ?? 0).toBe(0);
      const p2 = await d.engine.pull('bo');
      const pending = (rows: PendingRow[]) => rows.filter((r) => r.kind !== 'duplicate' && r.kind !== 'removed').map((r) => [r.key.replace(/^[^⇄]*⇄$/, (k) => k), r.version]);
      // Rows created by the run are gone again, so they are proposed again with the same values.
      expect(pending(p2.rows).map(([, v]) => v).sort()).toEqual(pending(p1.rows).map(([, v]) => v).sort());
      expect(d.engine.runs().find((r) => r.id === run.runId)?.state).toBe('undone');
    } finally {
      await d.close();
    }
  }, 30_000);

  it('is refused when a system no longer holds what the run wrote', async () => {
    const { d } = await world();
    try {
      const p1 = await d.engine.pull('bo');
      await d.engine.backup('bo');
      const run = await d.engine.apply({ pullId: p1.pull.id, decisions: decide(p1.rows), confirmed: true, dryRun: false, user: 'bo' });
      const touched = run.results.find((r) => r.status === 'applied' && r.written.some((w) => w.direction === 'bob>crm' && w.field === 'name'))
        ?? run.results.find((r) => r.status === 'applied' && r.written.some((w) => w.direction === 'bob>crm'))!;
      const field = touched.written.find((w) => w.direction === 'bob>crm')!.field;
      await d.engine.ctx.crm.update(touched.crmId!, { [field]: 'Changé après la synchro' });
      const before = await snapshot(d);
      const refused = await d.engine.undo(run.runId!, 'bo', true);
      expect(refused.problems).toContainEqual(expect.objectContaining({ key: touched.key, field, code: 'changed_since_run' }));
      expect(await snapshot(d)).toEqual(before);
    } finally {
      await d.close();
    }
  }, 30_000);
});

describe('the audit chain', () => {
  it('records every run and detects a record changed afterwards', async () => {
    const { d } = await world();
    try {
      const p = await d.engine.pull('bo');
      await d.engine.backup('bo');
      const run = await d.engine.apply({ pullId: p.pull.id, decisions: decide(p.rows), confirmed: true, dryRun: false, user: 'bo' });
      const audit = d.engine.audit(run.runId!);
      expect(audit.chainIntact).toBe(true);
      expect(audit.records).toHaveLength(1);
      expect(audit.records[0].payload).toEqual(expect.objectContaining({ user: 'bo', backup: run.runId && expect.stringMatching(/^B-/) }));
      expect(d.store.verifyAudit()).toBeNull();
      d.store.db.prepare("UPDATE audit SET payload = replace(payload, '\"bo\"', '\"mallory\"') WHERE run_id = ?").run(run.runId);
      expect(d.store.verifyAudit()).toEqual(expect.objectContaining({ reason: expect.stringContaining('changed') }));
    } finally {
      await d.close();
    }
  }, 30_000);
});
