import type { CustomFieldSetting } from '../../contract/customFields';
import type { PendingRow, Problem, RowDecision, RowResult, RowStatus } from '../../contract/pending';
import type { NeverFlagChange } from '../../contract/views';
import { canonicalPair } from '../domain/canonical';
import { isCustomFieldKey, type BobCustomer, type CrmCompany, type FieldKey, type Values } from '../domain/customer';
import { validateCustomFieldSettings } from '../domain/customFields';
import { parseRowKey } from '../domain/pending';
import { planRow } from '../domain/plan';
import { rowVersion } from '../domain/version';
import { newId, type PullMeta, type RunMeta } from '../store/store';
import { EngineError, type EngineContext, type PhaseProgress } from './context';
import { currentCustomFieldSettings } from './customFieldSettings';
import { executeBatch, type BobOp, type CrmOp, type JournalEntry } from './journal';
import { recordRunAudit, summarise, type RunResult } from './results';

export interface ApplyRequest {
  pullId: string;
  decisions: RowDecision[];
  /** Never-sync flags changed in the global view (Associations sheet). */
  neverChanges?: NeverFlagChange[];
  /** Custom-field settings as edited in the sheet; a field unselected there does not travel. */
  customFields?: CustomFieldSetting[];
  backupId?: string;
  confirmed: boolean;
  dryRun: boolean;
  idempotencyKey?: string;
  /** The id the run will have, for a caller that reports on the run before it is recorded. */
  runId?: string;
  user: string;
}

interface Candidate {
  row: PendingRow;
  decision: RowDecision;
}

/**
 * Validates the decisions against the pull, then either predicts every row's outcome (dry run)
 * or writes through the journal. Nothing is written when any problem is found.
 */
export async function apply(ctx: EngineContext, req: ApplyRequest, progress?: PhaseProgress): Promise<RunResult> {
  if (!req.dryRun && req.idempotencyKey) {
    const earlier = ctx.store.runByIdempotencyKey(ctx.dossier, req.idempotencyKey);
    if (earlier) return storedResult(earlier);
  }
  const pull = ctx.store.pull(req.pullId);
  if (!pull || pull.dossier !== ctx.dossier) {
    throw new EngineError('unknown_pull', `Pull ${req.pullId} does not exist in dossier ${ctx.dossier}.`);
  }
  const rows = ctx.store.pullRows(pull.id);
  const { results, candidates, problems, settings } = await review(ctx, pull, rows, req);
  if (!req.dryRun) problems.push(...preconditions(ctx, pull, req));
  if (problems.length > 0) {
    const all = [...results.values()];
    return { runId: null, dryRun: req.dryRun, results: all, problems, counts: summarise(all) };
  }

  progress?.('reread', 0, candidates.length);
  const current = await reread(ctx, candidates);
  const planned: Array<{ candidate: Candidate; entry: JournalEntry }> = [];
  // A code our store still knows (a customer deleted in BOB, say) is never given to another one.
  const taken = new Set(ctx.store.associations(ctx.dossier).flatMap((a) => (a.bobId ? [a.bobId] : [])));
  for (const c of candidates) {
    const now = current.get(c.row.key)!;
    const canonical = canonicalPair(now.bob, now.crm, pull.settings);
    if (rowVersion(canonical.bob, canonical.crm) !== c.row.version) {
      results.set(c.row.key, result(c.row, 'stale', 'changed in BOB 50 or Sage CRM since the pull: pull again'));
      continue;
    }
    if (req.dryRun) {
      results.set(c.row.key, result(c.row, 'would_apply', ''));
      continue;
    }
    const plan = planRow(withoutUnselected(c.row, settings), c.decision, canonical);
    const entry = await journalEntry(ctx, c.row, plan, now, deselected(pull.settings, settings), taken);
    planned.push({ candidate: c, entry });
  }
  if (req.dryRun) return { runId: null, dryRun: true, results: [...results.values()], problems: [], counts: summarise([...results.values()]) };

  const now = ctx.clock();
  const run: RunMeta = {
    id: req.runId ?? newId('R', now),
    dossier: ctx.dossier,
    kind: 'apply',
    pullId: pull.id,
    backupId: latestBackupAfter(ctx, pull, req.backupId)!.id,
    undoes: null,
    user: req.user,
    idempotencyKey: req.idempotencyKey ?? null,
    startedAt: now.toISOString(),
    finishedAt: null,
    state: 'running',
    decisions: req.decisions,
    result: null,
  };
  for (const p of planned) results.set(p.entry.key, result(p.candidate.row, 'failed', 'interrupted before it was written'));
  ctx.store.transaction(() => {
    ctx.store.createRun(run);
    ctx.store.setRunResult(run.id, [...results.values()]);
    saveFlagsAndSettings(ctx, rows, req, settings);
  });

  let seq = 0;
  for (let i = 0; i < planned.length; i += ctx.batchSize) {
    const batch = planned.slice(i, i + ctx.batchSize).map((p) => p.entry);
    const outcomes = await executeBatch(ctx, run.id, seq, batch);
    seq += batch.length;
    for (const e of batch) {
      const o = outcomes.get(e.key)!;
      results.set(e.key, {
        key: e.key,
        status: o.status,
        message: o.message,
        bobId: o.bobId,
        crmId: o.crmId,
        written: o.status === 'applied' ? e.writes : [],
      });
    }
    progress?.('apply', Math.min(i + ctx.batchSize, planned.length), planned.length);
  }
  const finalResults = [...results.values()];
  ctx.store.finishRun(run.id, 'done', finalResults, ctx.clock());
  recordRunAudit(ctx, { ...run, state: 'done' }, finalResults, false);
  return { runId: run.id, dryRun: false, results: finalResults, problems: [], counts: summarise(finalResults) };
}

function storedResult(run: RunMeta): RunResult {
  const results = (run.result ?? []) as RowResult[];
  return { runId: run.id, dryRun: false, results, problems: [], counts: summarise(results), replayed: true };
}

const result = (row: PendingRow, status: RowStatus, message: string): RowResult => ({
  key: row.key,
  status,
  message,
  bobId: row.bobId,
  crmId: row.crmId,
  written: [],
});

/** Checks every decision against the pull and sorts the rows into outcomes and candidates. */
async function review(ctx: EngineContext, pull: PullMeta, rows: PendingRow[], req: ApplyRequest) {
  const problems: Problem[] = [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const decisions = new Map<string, RowDecision>();
  for (const d of req.decisions) {
    const row = byKey.get(d.key);
    if (!row) problems.push({ key: d.key, field: null, code: 'unknown_row', message: `Row ${d.key} is not part of pull ${pull.id}.` });
    else if (decisions.has(d.key)) problems.push({ key: d.key, field: null, code: 'duplicate_row', message: `Row ${d.key} is given twice.` });
    else if (d.version !== row.version)
      problems.push({ key: d.key, field: null, code: 'version_mismatch', message: `Row ${d.key} comes from another pull (version ${d.version}).` });
    else decisions.set(d.key, d);
  }

  const matched = await currentCustomFieldSettings(ctx);
  const settings = req.customFields ?? matched;
  if (req.customFields) problems.push(...validateCustomFieldSettings(req.customFields, matched));

  const results = new Map<string, RowResult>();
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const d = decisions.get(row.key);
    if (!d) results.set(row.key, result(row, 'skipped', 'no decision was sent for this row'));
    else if (d.never) results.set(row.key, result(row, 'never', d.reason));
    else if (d.skip) results.set(row.key, result(row, 'skipped', d.reason));
    else if (row.blockedReason) results.set(row.key, result(row, 'blocked', row.blockedReason));
    else {
      const plan = planRow(row, d, null);
      problems.push(...plan.problems);
      results.set(row.key, result(row, 'would_apply', ''));
      candidates.push({ row, decision: d });
    }
  }
  for (const n of req.neverChanges ?? []) {
    const { bobId, crmId } = parseRowKey(n.key);
    if (!bobId && !crmId) problems.push({ key: n.key, field: 'never', code: 'unknown_customer', message: `${n.key} names no customer.` });
  }
  return { results, candidates, problems, settings };
}

function latestBackupAfter(ctx: EngineContext, pull: PullMeta, backupId?: string) {
  const backups = ctx.store.backups(ctx.dossier).filter((b) => b.createdAt > pull.createdAt);
  return backupId ? backups.find((b) => b.id === backupId) : backups[0];
}

function preconditions(ctx: EngineContext, pull: PullMeta, req: ApplyRequest): Problem[] {
  const problems: Problem[] = [];
  if (!req.confirmed) {
    problems.push({
      key: null,
      field: null,
      code: 'confirmation_required',
      message: 'Confirm that the synchronisation information is correct before synchronising.',
    });
  }
  if (!latestBackupAfter(ctx, pull, req.backupId)) {
    problems.push({
      key: null,
      field: null,
      code: 'backup_required',
      message: req.backupId
        ? `Backup ${req.backupId} is not a backup of dossier ${ctx.dossier} made after pull ${pull.id}.`
        : `No backup of dossier ${ctx.dossier} was made after pull ${pull.id}: make a backup first.`,
    });
  }
  return problems;
}

interface Current {
  bob: BobCustomer | null;
  crm: CrmCompany | null;
}

/** Reads again, from both systems, every record a candidate row touches. */
async function reread(ctx: EngineContext, candidates: Candidate[]): Promise<Map<string, Current>> {
  const bobIds = candidates.map((c) => c.row.bobId).filter((id): id is string => id !== null);
  const crmIds = candidates.map((c) => c.row.crmId).filter((id): id is string => id !== null);
  const [bob, crm] = await Promise.all([ctx.bob.readMany(bobIds), ctx.crm.readMany(crmIds)]);
  return new Map(
    candidates.map((c) => [
      c.row.key,
      { bob: c.row.bobId ? (bob.get(c.row.bobId) ?? null) : null, crm: c.row.crmId ? (crm.get(c.row.crmId) ?? null) : null },
    ]),
  );
}

/** Custom fields compared in the pull that the sheet unselected: they leave this run and keep their base. */
function deselected(atPull: CustomFieldSetting[], now: CustomFieldSetting[]): Set<string> {
  const selectedNow = new Set(now.filter((s) => s.selected).map((s) => s.bobField));
  return new Set(atPull.filter((s) => s.selected && !selectedNow.has(s.bobField)).map((s) => `cf.${s.bobField}`));
}

function withoutUnselected(row: PendingRow, settings: CustomFieldSetting[]): PendingRow {
  const selected = new Set(settings.filter((s) => s.selected).map((s) => `cf.${s.bobField}`));
  return { ...row, changes: row.changes.filter((c) => !isCustomFieldKey(c.field) || selected.has(c.field)) };
}

const pick = (values: Values, fields: Iterable<string>): Values =>
  Object.fromEntries([...fields].map((f) => [f, values[f as FieldKey] ?? ''])) as Values;

async function journalEntry(
  ctx: EngineContext,
  row: PendingRow,
  plan: ReturnType<typeof planRow>,
  current: Current,
  left: Set<string>,
  taken: Set<string>,
): Promise<JournalEntry> {
  const oldAssociations = ctx.store.associationsOf(ctx.dossier, row.bobId, row.crmId);
  const oldBase = oldAssociations.find((a) => a.bobId === row.bobId && a.crmId === row.crmId)?.base ?? null;
  const base: Values = { ...plan.newBase };
  for (const f of left as Set<FieldKey>) {
    const old = oldBase?.[f];
    if (old === undefined) delete base[f];
    else base[f] = old;
  }

  let bobId = row.bobId;
  let bob: BobOp | null = null;
  if (row.kind === 'create_bob') {
    bobId = await ctx.bob.allocateCid(row.name, taken);
    taken.add(bobId);
    bob = { op: 'create', cid: bobId, post: plan.toBob };
  } else if (Object.keys(plan.toBob).length > 0) {
    bob = { op: 'update', cid: bobId!, pre: pick(current.bob!.values, Object.keys(plan.toBob)), post: plan.toBob };
  }

  let crm: CrmOp | null = null;
  if (row.kind === 'create_crm') {
    const existing = (await ctx.crm.findByVat(plan.toCrm.vat ?? row.vat)).map((c) => c.id);
    crm = { op: 'create', id: null, post: plan.toCrm, existing };
  } else if (Object.keys(plan.toCrm).length > 0) {
    crm = { op: 'update', id: row.crmId!, pre: pick(current.crm!.values, Object.keys(plan.toCrm)), post: plan.toCrm };
  }

  return {
    key: row.key,
    bobId,
    crmId: row.crmId,
    bob,
    crm,
    assoc: {
      remove: oldAssociations,
      insert: [{ bobId, crmId: row.crmId, base, lastSyncAt: ctx.clock().toISOString(), never: null }],
    },
    writes: plan.writes,
  };
}

function saveFlagsAndSettings(ctx: EngineContext, rows: PendingRow[], req: ApplyRequest, settings: CustomFieldSetting[]): void {
  const at = ctx.clock().toISOString();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const d of req.decisions) {
    const row = byKey.get(d.key);
    if (row && d.never) ctx.store.setNever(ctx.dossier, row.bobId, row.crmId, { by: req.user, at, reason: d.reason });
  }
  for (const n of req.neverChanges ?? []) {
    const { bobId, crmId } = parseRowKey(n.key);
    ctx.store.setNever(ctx.dossier, bobId, crmId, n.never ? { by: req.user, at, reason: n.reason } : null);
  }
  if (req.customFields) ctx.store.saveCustomFieldSettings(ctx.dossier, settings);
}
