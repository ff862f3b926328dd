import type { Problem, RowResult, RowStatus } from '../../contract/pending';
import type { JournalLine } from '../../contract/views';
import type { RunMeta } from '../store/store';
import type { EngineContext } from './context';

export interface RunResult {
  /** Null for a dry run and for a request refused before anything was written. */
  runId: string | null;
  dryRun: boolean;
  results: RowResult[];
  problems: Problem[];
  counts: Partial<Record<RowStatus, number>>;
  /** True when an idempotency key matched an earlier run, whose result this is. */
  replayed?: boolean;
}

export function summarise(results: Iterable<RowResult>): Partial<Record<RowStatus, number>> {
  const counts: Partial<Record<RowStatus, number>> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

/** The run as the audit keeps it: who, when, against which backup, and each row's before/after. */
export function recordRunAudit(ctx: EngineContext, run: RunMeta, results: RowResult[], recovered: boolean): void {
  ctx.store.appendAudit(
    ctx.dossier,
    run.id,
    run.kind,
    {
      run: run.id,
      kind: run.kind,
      user: run.user,
      startedAt: run.startedAt,
      pull: run.pullId,
      backup: run.backupId,
      undoes: run.undoes,
      recovered,
      decisions: run.decisions,
      results,
    },
    ctx.clock(),
  );
}

/** One journal line per written field, and one per row that wrote nothing, for the Journal sheet. */
export function journalLines(run: RunMeta, results: RowResult[]): JournalLine[] {
  const lines: JournalLine[] = [];
  const common = { runId: run.id, at: run.finishedAt ?? run.startedAt, user: run.user, backupId: run.backupId ?? '' };
  for (const r of results) {
    const row = { ...common, key: r.key, bobId: r.bobId, crmId: r.crmId, status: r.status, message: r.message };
    if (r.written.length === 0) {
      lines.push({ ...row, field: '', direction: null, before: null, after: null });
    } else {
      for (const w of r.written) lines.push({ ...row, field: w.field, direction: w.direction, before: w.before, after: w.after });
    }
  }
  return lines;
}
