import type { RowResult } from '../../contract/pending';
import type { EngineContext } from './context';
import { OPEN_STATES, recoverEntry, type EntryOutcome, type JournalEntry, type JournalState } from './journal';
import { recordRunAudit } from './results';

export interface RecoveryReport {
  runs: string[];
  completed: number;
  putBack: number;
}

/**
 * Settles every run of the dossier that a crash left unfinished: each open journal entry is
 * finished or put back (see journal.ts), then the run gets its final results and audit record.
 */
export async function recover(ctx: EngineContext): Promise<RecoveryReport> {
  const report: RecoveryReport = { runs: [], completed: 0, putBack: 0 };
  for (const run of ctx.store.unfinishedRuns().filter((r) => r.dossier === ctx.dossier)) {
    const results = new Map(((run.result ?? []) as RowResult[]).map((r) => [r.key, r]));
    for (const record of ctx.store.journal<JournalEntry>(run.id)) {
      let outcome = record.outcome as EntryOutcome | null;
      if (OPEN_STATES.includes(record.state as JournalState)) {
        outcome = await recoverEntry(ctx, run.id, record.entry);
        if (outcome.status === 'applied') report.completed++;
        else report.putBack++;
      }
      if (!outcome) continue;
      const done = ctx.store.journal<JournalEntry>(run.id).find((j) => j.key === record.key)!;
      results.set(record.key, {
        key: record.key,
        status: outcome.status,
        message: outcome.message,
        bobId: outcome.bobId,
        crmId: outcome.crmId,
        written: outcome.status === 'applied' ? done.entry.writes : [],
      });
    }
    const final = [...results.values()];
    ctx.store.finishRun(run.id, 'done', final, ctx.clock());
    recordRunAudit(ctx, { ...run, state: 'done' }, final, true);
    report.runs.push(run.id);
  }
  return report;
}
