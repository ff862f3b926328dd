/**
 * Applies and undos in flight. Each runs independently of the HTTP request that started it, so
 * a client that disconnects does not stop it; its progress goes to whoever listens (server-sent
 * events), and a retried request with the same idempotency key joins it instead of starting
 * another. One apply or undo at a time per dossier: the registry knows who holds each dossier,
 * which is what a refused request is told. The engine refuses a second one too; this is where
 * the service learns who holds it.
 */
import type { Holder, RunProgress } from '../../contract/api';
import type { SyncEngine } from '../engine/engine';
import type { ApplyRequest } from '../engine/apply';
import type { RunResult } from '../engine/results';
import { newId } from '../store/store';
import { HttpProblem } from './problems';

export type LiveEvent = { type: 'progress'; progress: RunProgress } | { type: 'end'; result: RunResult } | { type: 'error'; error: unknown };

export class LiveRun {
  progress: RunProgress | null = null;
  /** Set once the engine accepted the request and started, or settled without starting. */
  readonly accepted: Promise<'started' | 'settled'>;
  readonly outcome: Promise<RunResult>;
  private readonly listeners = new Set<(e: LiveEvent) => void>();
  private started!: () => void;

  constructor(
    readonly id: string,
    readonly dossier: string,
    readonly request: Omit<ApplyRequest, 'runId'>,
    /** Tells a retry of this request from a different request with the same key. */
    readonly fingerprint: string,
    readonly startedAt: string,
    run: (progress: (phase: string, done: number, total?: number) => void) => Promise<RunResult>,
  ) {
    const started = new Promise<'started'>((resolve) => (this.started = () => resolve('started')));
    this.outcome = run((phase, done, total) => this.report({ phase, done, total: total ?? null }));
    this.outcome.then(
      (result) => this.emit({ type: 'end', result }),
      (error: unknown) => this.emit({ type: 'error', error }),
    );
    this.accepted = Promise.race([started, this.outcome.then(() => 'settled' as const, () => 'settled' as const)]);
  }

  /** Calls `listener` on every event until the returned function is called. */
  listen(listener: (e: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private report(progress: RunProgress): void {
    // The engine re-reads the records only once every decision was found valid: the run starts.
    this.started();
    this.progress = progress;
    this.emit({ type: 'progress', progress });
  }

  private emit(e: LiveEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}

export class LiveRuns {
  private readonly runs = new Map<string, LiveRun>();
  private readonly keys = new Map<string, LiveRun>();
  private readonly holders = new Map<string, Holder>();
  private readonly pending = new Set<Promise<unknown>>();

  holder(dossier: string): Holder | null {
    return this.holders.get(dossier) ?? null;
  }

  get(dossier: string, runId: string): LiveRun | undefined {
    const run = this.runs.get(runId);
    return run?.dossier === dossier ? run : undefined;
  }

  byKey(dossier: string, idempotencyKey: string): LiveRun | undefined {
    return this.keys.get(keyOf(dossier, idempotencyKey));
  }

  /** Starts an apply (never a dry run) under a run id known before the engine records the run. */
  startApply(engine: SyncEngine, request: Omit<ApplyRequest, 'runId'> & { idempotencyKey: string }, fingerprint: string): LiveRun {
    const dossier = engine.ctx.dossier;
    this.refuseIfHeld(dossier);
    const now = engine.ctx.clock();
    const id = newId('R', now);
    const run = new LiveRun(id, dossier, request, fingerprint, now.toISOString(), (progress) => engine.apply({ ...request, runId: id }, progress));
    this.runs.set(id, run);
    this.keys.set(keyOf(dossier, request.idempotencyKey), run);
    this.track(dossier, { kind: 'apply', user: request.user, runId: id, since: run.startedAt }, run.outcome, () => {
      this.runs.delete(id);
      this.keys.delete(keyOf(dossier, request.idempotencyKey));
    });
    return run;
  }

  /** Runs an undo as the dossier's exclusive operation, to its end even if the caller leaves. */
  undo(engine: SyncEngine, runId: string, user: string, confirmed: boolean): Promise<RunResult> {
    const dossier = engine.ctx.dossier;
    this.refuseIfHeld(dossier);
    const outcome = engine.undo(runId, user, confirmed);
    this.track(dossier, { kind: 'undo', user, runId: null, since: engine.ctx.clock().toISOString() }, outcome, () => {});
    return outcome;
  }

  /** Resolves once every apply and undo has ended, for a graceful stop. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private refuseIfHeld(dossier: string): void {
    const holder = this.holders.get(dossier);
    if (holder) {
      throw new HttpProblem(409, 'busy', `Dossier ${dossier} is busy: an ${holder.kind} by ${holder.user} is running since ${holder.since}.`, { holder });
    }
  }

  private track(dossier: string, holder: Holder, outcome: Promise<unknown>, forget: () => void): void {
    this.holders.set(dossier, holder);
    const done = outcome
      .catch(() => undefined)
      .finally(() => {
        this.holders.delete(dossier);
        forget();
        this.pending.delete(done);
      });
    this.pending.add(done);
  }
}

const keyOf = (dossier: string, key: string) => `${dossier}\n${key}`;
