/** Checks shared by the crash tests: what the systems hold, and that every journal entry is settled. */
import type { RowResult } from '../../../src/contract/pending';
import type { OpenDossier } from '../../../src/sync/dossier';
import type { Values } from '../../../src/sync/domain/customer';
import { holds } from '../../../src/sync/engine/images';
import type { JournalEntry } from '../../../src/sync/engine/journal';
import { decide, snapshot } from './world';

/** What both systems hold, without the ids the CRM gives to companies it creates. */
export async function contents(d: OpenDossier) {
  const { bob, crm } = await snapshot(d);
  const bobRecords = [...bob.values()].map((b) => JSON.stringify(b)).sort();
  const crmRecords = [...crm.values()].map((c) => JSON.stringify([c.type, c.bobsync, c.deleted, c.values])).sort();
  const pending = (await d.engine.pull('check')).rows.map((r) => r.version).sort();
  return { bobRecords, crmRecords, pending };
}

export async function applyAll(d: OpenDossier): Promise<RowResult[]> {
  const p = await d.engine.pull('anne');
  await d.engine.backup('anne');
  const run = await d.engine.apply({ pullId: p.pull.id, decisions: decide(p.rows), confirmed: true, dryRun: false, user: 'anne' });
  expect(run.problems).toEqual([]);
  return run.results;
}

/** After recovery, an entry is either complete on both sides or absent from both. */
export async function expectSettled(d: OpenDossier) {
  const run = d.engine.runs().at(-1)!;
  expect(run.state).toBe('done');
  const { bob, crm } = await snapshot(d);
  for (const j of d.store.journal<JournalEntry>(run.id)) {
    expect(['done', 'abandoned']).toContain(j.state);
    const e = j.entry;
    const bobNow: Values | undefined = e.bob ? bob.get(e.bob.cid)?.values : undefined;
    const crmId = e.crm?.op === 'create' ? e.crm.id : e.crm?.id;
    const crmNow = crmId ? crm.get(crmId) : undefined;
    if (j.state === 'done') {
      if (e.bob && e.bob.op !== 'remove') expect(bobNow && holds(bobNow, e.bob.post)).toBe(true);
      if (e.crm && e.crm.op !== 'remove') expect(crmNow && !crmNow.deleted && holds(crmNow.values, e.crm.post)).toBe(true);
    } else {
      if (e.bob?.op === 'update') expect(bobNow && holds(bobNow, e.bob.pre)).toBe(true);
      if (e.bob?.op === 'create') expect(bobNow).toBeUndefined();
      if (e.crm?.op === 'update') expect(crmNow && holds(crmNow.values, e.crm.pre)).toBe(true);
      if (e.crm?.op === 'create') expect(crmNow === undefined || crmNow.deleted).toBe(true);
    }
  }
}

