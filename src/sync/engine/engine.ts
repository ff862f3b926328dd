import type { CustomFieldSetting } from '../../contract/customFields';
import type { JournalLine } from '../../contract/views';
import type { AuditRecord, BackupMeta, RunMeta } from '../store/store';
import type { EngineContext, PhaseProgress } from './context';
import { EngineError } from './context';
import { apply, type ApplyRequest } from './apply';
import { createBackup } from './backup';
import { currentCustomFieldSettings } from './customFieldSettings';
import { pull, type PullResult } from './pull';
import { recover, type RecoveryReport } from './recovery';
import { journalLines, type RunResult } from './results';
import type { RowResult } from '../../contract/pending';
import { undo } from './undo';

export interface AuditExport {
  run: RunMeta;
  records: AuditRecord[];
  lines: JournalLine[];
  chainIntact: boolean;
}

/**
 * The sync engine of one dossier. Call `start()` before anything else: it settles whatever a
 * crash left unfinished. Only one apply or undo runs at a time per engine, and each first settles
 * a run that an earlier failure (a system unreachable while putting a row back) left open.
 */
export class SyncEngine {
  private busy: string | null = null;

  constructor(readonly ctx: EngineContext) {}

  start(): Promise<RecoveryReport> {
    return this.exclusive('recovery', () => recover(this.ctx));
  }

  pull(user: string, progress?: PhaseProgress): Promise<PullResult> {
    return pull(this.ctx, user, progress);
  }

  backup(user: string, progress?: PhaseProgress): Promise<BackupMeta> {
    return createBackup(this.ctx, user, progress);
  }

  backups(): BackupMeta[] {
    return this.ctx.store.backups(this.ctx.dossier);
  }

  customFieldSettings(): Promise<CustomFieldSetting[]> {
    return currentCustomFieldSettings(this.ctx);
  }

  apply(req: ApplyRequest, progress?: PhaseProgress): Promise<RunResult> {
    if (req.dryRun) return apply(this.ctx, req, progress);
    return this.exclusive(`apply by ${req.user}`, async () => {
      await recover(this.ctx);
      return apply(this.ctx, req, progress);
    });
  }

  undo(runId: string, user: string, confirmed: boolean): Promise<RunResult> {
    return this.exclusive(`undo by ${user}`, async () => {
      await recover(this.ctx);
      return undo(this.ctx, runId, user, confirmed);
    });
  }

  runs(): RunMeta[] {
    return this.ctx.store.runs(this.ctx.dossier);
  }

  journal(runId: string): JournalLine[] {
    const run = this.run(runId);
    return journalLines(run, (run.result ?? []) as RowResult[]);
  }

  audit(runId: string): AuditExport {
    const run = this.run(runId);
    return {
      run,
      records: this.ctx.store.auditRecords(runId),
      lines: journalLines(run, (run.result ?? []) as RowResult[]),
      chainIntact: this.ctx.store.verifyAudit() === null,
    };
  }

  private run(runId: string): RunMeta {
    const run = this.ctx.store.run(runId);
    if (!run || run.dossier !== this.ctx.dossier) throw new EngineError('unknown_run', `Run ${runId} does not exist in dossier ${this.ctx.dossier}.`);
    return run;
  }

  private async exclusive<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.busy) throw new EngineError('busy', `Dossier ${this.ctx.dossier} is busy: ${this.busy} is running.`);
    this.busy = what;
    try {
      return await fn();
    } finally {
      this.busy = null;
    }
  }
}
