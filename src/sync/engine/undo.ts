import type { Problem, RowResult } from '../../contract/pending';
import type { AssociationWrite } from '../store/store';
import { newId, type RunMeta } from '../store/store';
import { mapLimit } from '../util/mapLimit';
import { EngineError, type EngineContext } from './context';
import { movedFrom } from './images';
import { executeBatch, inverseBob, inverseCrm, type BobOp, type CrmOp, type JournalEntry } from './journal';
import { recordRunAudit, summarise, type RunResult } from './results';

/**
 * Undoes a whole run: every field it wrote gets its pre-image back, every record it created is
 * removed, and the associations are put back as they were. Refused, with the rows that block
 * it, unless both systems still hold exactly what the run wrote. The undo is itself a run,
 * written through the journal.
 */
export async function undo(ctx: EngineContext, runId: string, user: string, confirmed: boolean): Promise<RunResult> {
  const run = ctx.store.run(runId);
  if (!run || run.dossier !== ctx.dossier) throw new EngineError('unknown_run', `Run ${runId} does not exist in dossier ${ctx.dossier}.`);
  if (run.kind !== 'apply') throw new EngineError('not_undoable', `Run ${runId} is itself an undo.`);
  if (run.state !== 'done') throw new EngineError('not_undoable', `Run ${runId} is ${run.state === 'undone' ? 'already undone' : 'still running'}.`);

  const entries = ctx.store.journal<JournalEntry>(runId).filter((j) => j.state === 'done').map((j) => j.entry);
  const problems = (await mapLimit(entries, ctx.concurrency, (e) => stillHeld(ctx, e))).flat();
  if (!confirmed) {
    problems.push({ key: null, field: null, code: 'confirmation_required', message: `Confirm the undo of run ${runId}.` });
  }
  if (problems.length > 0) return { runId: null, dryRun: false, results: [], problems, counts: {} };

  const now = ctx.clock();
  const undoRun: RunMeta = {
    id: newId('U', now),
    dossier: ctx.dossier,
    kind: 'undo',
    pullId: null,
    backupId: run.backupId,
    undoes: run.id,
    user,
    idempotencyKey: null,
    startedAt: now.toISOString(),
    finishedAt: null,
    state: 'running',
    decisions: { undo: run.id },
    result: null,
  };
  const inverse = entries.map((e) => inverseEntry(ctx, e));
  ctx.store.transaction(() => {
    ctx.store.createRun(undoRun);
    ctx.store.setRunResult(undoRun.id, []);
  });
  const results: RowResult[] = [];
  for (let i = 0; i < inverse.length; i += ctx.batchSize) {
    const batch = inverse.slice(i, i + ctx.batchSize);
    const outcomes = await executeBatch(ctx, undoRun.id, i, batch);
    for (const e of batch) {
      const o = outcomes.get(e.key)!;
      results.push({ key: e.key, status: o.status, message: o.message, bobId: o.bobId, crmId: o.crmId, written: o.status === 'applied' ? e.writes : [] });
    }
  }
  const allBack = results.every((r) => r.status === 'applied');
  ctx.store.transaction(() => {
    ctx.store.finishRun(undoRun.id, 'done', results, ctx.clock());
    if (allBack) ctx.store.setRunState(run.id, 'undone');
  });
  recordRunAudit(ctx, { ...undoRun, state: 'done' }, results, false);
  return { runId: undoRun.id, dryRun: false, results, problems: [], counts: summarise(results) };
}

/** The fields of one entry whose current value is no longer what the run wrote. */
async function stillHeld(ctx: EngineContext, e: JournalEntry): Promise<Problem[]> {
  const problems: Problem[] = [];
  const moved = (side: string, what: string): Problem => ({
    key: e.key,
    field: what,
    code: 'changed_since_run',
    message: `${side} no longer holds what the run wrote (${what}): undo would overwrite a later change.`,
  });
  if (e.bob) {
    const current = (await ctx.bob.readMany([e.bob.cid])).get(e.bob.cid)?.values;
    if (e.bob.op === 'remove') {
      if (current) problems.push(moved(`BOB 50 ${e.bob.cid}`, 'record'));
    } else if (!current) problems.push(moved(`BOB 50 ${e.bob.cid}`, 'record'));
    else for (const f of movedFrom(current, e.bob.post)) problems.push(moved(`BOB 50 ${e.bob.cid}`, f));
  }
  if (e.crm && e.crm.op !== 'remove' && e.crm.id !== null) {
    const current = (await ctx.crm.readMany([e.crm.id])).get(e.crm.id);
    if (!current || current.deleted) problems.push(moved(`Sage CRM ${e.crm.id}`, 'record'));
    else for (const f of movedFrom(current.values, e.crm.post)) problems.push(moved(`Sage CRM ${e.crm.id}`, f));
  }
  return problems;
}

function inverseEntry(ctx: EngineContext, e: JournalEntry): JournalEntry {
  const bob: BobOp | null = e.bob ? inverseBob(e.bob) : null;
  const crm: CrmOp | null = e.crm ? inverseCrm(e.crm) : null;
  const restore: AssociationWrite[] = e.assoc.remove.map((a) => ({ bobId: a.bobId, crmId: a.crmId, base: a.base, lastSyncAt: a.lastSyncAt, never: a.never }));
  return {
    key: e.key,
    bobId: e.bobId,
    crmId: e.crmId,
    bob,
    crm,
    assoc: { remove: ctx.store.associationsOf(ctx.dossier, e.bobId, e.crmId), insert: restore },
    writes: e.writes.map((w) => ({ field: w.field, direction: w.direction, before: w.after, after: w.before ?? '' })),
  };
}
