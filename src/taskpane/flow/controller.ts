/**
 * The task pane's steps: sign in and choose a dossier, pull into the sheets, check (the sheets
 * locally, then the service's dry run), back up, synchronise and follow the run, write its
 * results and journal, export the audit record. React only renders `state` and calls these
 * methods; Excel and the service are reached through the ports given, so the whole flow runs
 * in tests against the fake Excel and a real service.
 *
 * A failure never touches the reviewer's decisions: they stay in the sheets, and the message
 * says what happened.
 */
import type { PullInfo, RunProgress, RunStatus } from '../../contract/api';
import type { Problem } from '../../contract/pending';
import { type Locale, type SheetRows, readAssociations, readCustomFields, stringsFor, toRows } from '../../sheets';
import { type ApiClient, ApiError } from '../api/client';
import { describeError } from '../api/describe';
import type { SignIn } from '../auth/signIn';
import { readReview, type ReviewRead } from '../excel/readReview';
import { selectCell } from '../excel/selectCell';
import type { ExcelHost } from '../excel/types';
import { readLink, writeLink, type WorkbookLink } from '../excel/workbookLink';
import { writePull } from '../excel/writePull';
import { writeRunOutcome } from '../excel/writeResults';
import { carryAssociations, carryCustomFields, carryOver, previousDecisions, sameSetting } from './carryOver';
import { REVIEW_SHEETS, decodeReview, type ExpectedPull, type ReviewRequest } from './decodeReview';
import { problemLines } from './problemCells';
import { pullCounts } from './pullCounts';
import { pullSheets } from './pullSheets';
import { type PaneState, type Task, type TaskKind, initialState } from './state';

/** Problems listed at most; the count says how many more there are. */
const PROBLEMS_SHOWN = 200;

export interface PanePorts {
  excel: ExcelHost;
  signIn: SignIn;
  api: ApiClient;
  /** Where Excel work chunks its requests (bytes), and how it gives the hand back to the pane. */
  budget: number;
  yieldToUi(): Promise<void>;
  /** Saves a file for the reviewer (the audit record). */
  download(content: Blob, filename: string): void;
  /** A fresh idempotency key. */
  newKey(): string;
  /** Tells the custom functions who is signed in on which dossier, and that something changed. */
  functions: { services(dossier: string | null, signedIn: boolean): void; changed(): void };
}

export class PaneController {
  private current: PaneState;
  private readonly listeners = new Set<() => void>();
  /** The expected pull the sheets are checked against, fetched once per pull. */
  private expected: ExpectedPull | null = null;

  constructor(
    private readonly ports: PanePorts,
    locale: Locale,
  ) {
    this.current = { ...initialState(locale, true), authMode: ports.signIn.mode };
  }

  get state(): PaneState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  private get s() {
    return stringsFor(this.current.locale).addin;
  }

  private progress(kind: TaskKind, label: string, done: number | null = null, total: number | null = null): void {
    const task: Task = { kind, label, done, total };
    this.set({ task });
  }

  /**
   * Runs one step with its progress bar; any failure ends up in the notice, in words. When the
   * step was about the reviewer's decisions, the notice says they are still in the workbook.
   */
  private async step(kind: TaskKind, label: string, work: () => Promise<void>, decisionsAtStake = false): Promise<void> {
    if (this.current.task) return;
    this.set({ task: { kind, label, done: null, total: null }, notice: null });
    try {
      await work();
    } catch (error) {
      const text = describeError(error, this.current.locale);
      this.set({ notice: { intent: 'error', text: decisionsAtStake ? `${text} ${this.s.errors.keptDecisions}` : text } });
    } finally {
      this.set({ task: null });
    }
  }

  // --- 1. sign-in and dossier ------------------------------------------------------------------

  /** At start: the workbook's link, and a silent sign-in where the host allows it. */
  start = (): Promise<void> =>
    this.step('signIn', this.s.loading, async () => {
      this.set({ link: await this.ports.excel.run((ctx) => readLink(ctx)) });
      const account = await this.ports.signIn.silent();
      if (account) await this.afterSignIn(account);
    });

  signIn = (devToken?: string): Promise<void> =>
    this.step('signIn', this.s.connect.signIn, async () => {
      await this.afterSignIn(await this.ports.signIn.signIn(devToken));
    });

  signOut = (): void => {
    this.ports.signIn.signOut();
    this.ports.functions.services(null, false);
    this.expected = null;
    this.set({ account: null, dossiers: [], dossier: null, linkedPull: null, check: null, confirmed: false, problems: null });
  };

  private async afterSignIn(account: PaneState['account']): Promise<void> {
    this.set({ account });
    const dossiers = await this.ports.api.dossiers();
    this.set({ dossiers });
    const preferred = dossiers.find((d) => d.id === this.current.link?.dossier) ?? dossiers[0];
    if (preferred) await this.loadDossier(preferred.id);
    else this.set({ notice: { intent: 'warning', text: this.s.connect.noDossier } });
  }

  chooseDossier = (id: string): Promise<void> => this.step('dossier', this.s.loading, () => this.loadDossier(id));

  private async loadDossier(id: string): Promise<void> {
    const [dossier, runs] = await Promise.all([this.ports.api.dossier(id), this.ports.api.runs(id)]);
    const link = this.current.link;
    const linkedPull = link && link.dossier === id ? await this.linkedPullOf(id, link.pullId) : null;
    const lastRun = runs.filter((r) => r.kind === 'apply' && r.finishedAt !== null).at(-1);
    this.set({ dossier, linkedPull, lastRunId: lastRun?.runId ?? null, check: null, confirmed: false, problems: null });
    this.ports.functions.services(id, true);
  }

  /** The workbook's pull, or null when the service no longer knows it (the sheets then need a new pull). */
  private async linkedPullOf(dossier: string, pullId: string): Promise<PullInfo | null> {
    try {
      return await this.ports.api.pull(dossier, pullId);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  private async refreshDossier(): Promise<void> {
    const id = this.current.dossier?.id;
    if (id) this.set({ dossier: await this.ports.api.dossier(id) });
  }

  // --- 2. pull ---------------------------------------------------------------------------------

  pull = (): Promise<void> =>
    this.step('pull', this.s.pull.computing, async () => {
      const dossier = this.requireDossier();
      const { excel, api } = this.ports;
      const locale = this.current.locale;
      const link = await excel.run((ctx) => readLink(ctx));
      // Decisions of a pull not yet synchronised are carried to the new one.
      const previous = link && link.dossier === dossier && !link.appliedRun ? await this.previousWork(dossier, link) : null;

      const pull = await api.createPull(dossier);
      const expected = await this.fetchExpected(dossier, pull);
      const sheets = pullSheets(expected, locale);
      const rows = carryOver(previous?.decisions ?? new Map(), expected.rows, sheets);
      const none = (sheet: SheetRows) => ({ sheet, carried: 0, dropped: [] });
      const flags = previous?.old
        ? carryAssociations(previous.flags, previous.unreadableFlags, previous.old.view, expected.view, sheets.associations)
        : none(sheets.associations);
      const fields = previous?.old
        ? carryCustomFields(previous.fields, previous.unreadableFields, previous.old.settings, expected.settings, sheets.customFields, locale)
        : none(sheets.customFields);
      const written = { sync: rows.sync, details: rows.details, associations: flags.sheet, customFields: fields.sheet };
      const total = Object.values(written).reduce((n, sheet) => n + sheet.rows.length, 0);
      this.progress('pull', this.s.pull.writing({ done: 0, total }), 0, total);
      const newLink = await excel.run((ctx) =>
        writePull(
          ctx,
          { pullId: pull.id, dossier, locale, sheets: written, previous: link?.sheets ?? {}, features: excel.features },
          { ...this.chunking(), onProgress: (done, all) => this.progress('pull', this.s.pull.writing({ done, total: all }), done, all) },
        ),
      );
      this.expected = expected;
      const carried = rows.carried + flags.carried + fields.carried;
      const dropped = [...rows.dropped, ...flags.dropped, ...fields.dropped];
      this.set({
        link: newLink,
        linkedPull: pull,
        counts: pullCounts(expected.rows),
        carried: carried > 0 || dropped.length > 0 ? { count: carried, dropped } : null,
        check: null,
        confirmed: false,
        problems: null,
        run: null,
      });
      await this.refreshDossier();
      this.ports.functions.changed();
    });

  /**
   * What the reviewer decided on the workbook's pull: flags of Synchronisation and Détails by
   * key and version, and the edits of Associations and Champs personnalisés read against that
   * pull's view and settings (when the service still knows the pull).
   */
  private async previousWork(dossier: string, link: WorkbookLink) {
    const locale = this.current.locale;
    const read = await this.ports.excel.run((ctx) => readReview(ctx, link, REVIEW_SHEETS, this.chunking()));
    const decisions = previousDecisions(read.sheets.sync.values, read.sheets.details.values);
    const pull = this.current.linkedPull?.id === link.pullId ? this.current.linkedPull : await this.linkedPullOf(dossier, link.pullId);
    if (!pull) return { decisions, old: null, flags: [], unreadableFlags: new Set<string>(), fields: [], unreadableFields: new Set<string>() };
    const old = this.expected?.pullId === pull.id ? this.expected : await this.fetchExpected(dossier, pull);
    const flags = readAssociations(read.sheets.associations.values, old.view, locale);
    const fields = readCustomFields(read.sheets.customFields.values, old.settings, locale);
    const before = new Map(old.settings.map((s) => [s.bobField, s]));
    const keysOf = (problems: readonly Problem[]) => new Set(problems.flatMap((p) => (p.key === null ? [] : [p.key])));
    return {
      decisions,
      old,
      flags: flags.changes,
      unreadableFlags: keysOf(flags.problems),
      fields: fields.settings.filter((s) => !sameSetting(s, before.get(s.bobField)!)),
      unreadableFields: keysOf(fields.problems),
    };
  }

  /** The rows, the global view and the settings of a pull, with the step's bar moving page by page. */
  private async fetchExpected(dossier: string, pull: PullInfo): Promise<ExpectedPull> {
    const { api } = this.ports;
    const onPage = (done: number, total: number) => this.progress(this.current.task?.kind ?? 'pull', this.s.pull.fetching({ done, total }), done, total);
    const rows = await api.pullRows(dossier, pull.id, onPage);
    const view = await api.pullView(dossier, pull.id, onPage);
    return { pullId: pull.id, rows, view, settings: pull.settings };
  }

  // --- 3. check --------------------------------------------------------------------------------

  /** Reads and decodes the sheets against the workbook's pull; problems are listed with their cells. */
  private async readRequest(): Promise<{ request: ReviewRequest | null; read: ReviewRead; link: WorkbookLink }> {
    const dossier = this.requireDossier();
    const { excel } = this.ports;
    const link = await excel.run((ctx) => readLink(ctx));
    if (!link || link.dossier !== dossier || !this.current.linkedPull || this.current.linkedPull.id !== link.pullId) {
      throw new Error(this.s.errors.notLinked);
    }
    if (this.expected?.pullId !== link.pullId) {
      this.expected = await this.fetchExpected(dossier, this.current.linkedPull);
      // A workbook pulled in an earlier session: its counts, now that its rows are known.
      this.set({ counts: pullCounts(this.expected.rows) });
    }
    const expected = this.expected;
    this.progress(this.current.task?.kind ?? 'check', this.s.check.reading);
    const read = await excel.run((ctx) => readReview(ctx, link, REVIEW_SHEETS, this.chunking()));
    const decoded = decodeReview(read, expected, this.current.locale);
    this.showProblems(decoded.problems, read);
    return { request: decoded.problems.length === 0 ? decoded.request : null, read, link };
  }

  private showProblems(problems: Parameters<typeof problemLines>[0], read: ReviewRead): void {
    this.set({
      problems: problems.length === 0 ? null : { lines: problemLines(problems.slice(0, PROBLEMS_SHOWN), read, this.current.locale), total: problems.length },
    });
  }

  check = (): Promise<void> =>
    this.step(
      'check',
      this.s.check.reading,
      async () => {
        this.set({ check: null, confirmed: false });
        const { request, read, link } = await this.readRequest();
        if (!request) return;
        const dossier = this.requireDossier();
        this.progress('check', this.s.check.dryRun);
        let prediction;
        try {
          prediction = await this.ports.api.dryRun(dossier, { ...request, confirmed: false });
        } catch (error) {
          if (error instanceof ApiError && error.problem?.problems?.length) return this.showProblems(error.problem.problems, read);
          throw error;
        }
        await this.ports.excel.run((ctx) => writeRunOutcome(ctx, link, { results: prediction.results, journal: null }, this.ports.excel.features, this.chunking()));
        this.set({
          check: { fingerprint: fingerprintOf(request), rows: request.decisions.length, counts: prediction.counts, idempotencyKey: this.ports.newKey() },
          notice: { intent: 'success', text: this.s.check.ok({ count: request.decisions.length }) },
        });
      },
      true,
    );

  select = (target: { sheet: string; cell: string }): Promise<void> =>
    this.ports.excel.run((ctx) => selectCell(ctx, target.sheet, target.cell)).then(
      () => undefined,
      (error: unknown) => this.set({ notice: { intent: 'error', text: describeError(error, this.current.locale) } }),
    );

  // --- 4. backup -------------------------------------------------------------------------------

  backup = (): Promise<void> =>
    this.step('backup', this.s.backup.button, async () => {
      await this.ports.api.createBackup(this.requireDossier());
      await this.refreshDossier();
    });

  // --- 5. synchronise --------------------------------------------------------------------------

  confirm = (confirmed: boolean): void => this.set({ confirmed });

  /**
   * Reads the sheets once more: what goes out is what is in the workbook now, and it must be
   * what the checks passed. Then the run starts and is followed to its end.
   */
  synchronise = (): Promise<void> =>
    this.step(
      'sync',
      this.s.sync.starting,
      async () => {
        const check = this.current.check;
        if (!check || !this.current.confirmed) throw new Error(this.s.sync.needCheck);
        const { request } = await this.readRequest();
        if (!request) return this.set({ check: null, confirmed: false });
        if (fingerprintOf(request) !== check.fingerprint) {
          this.set({ check: null, confirmed: false });
          throw new Error(this.s.check.changedSince);
        }
        this.progress('sync', this.s.sync.starting);
        const run = await this.ports.api.startRun(this.requireDossier(), { ...request, confirmed: true }, check.idempotencyKey);
        this.set({ run: { runId: run.runId, progress: run.progress, status: null, lost: false } });
        await this.follow(run.runId);
      },
      true,
    );

  /** Follows the run again after the connection or the sign-in was lost. */
  resume = (): Promise<void> =>
    this.step(
      'sync',
      this.s.sync.starting,
      async () => {
        const run = this.current.run;
        if (run) await this.follow(run.runId);
      },
      true,
    );

  private async follow(runId: string): Promise<void> {
    const dossier = this.requireDossier();
    const onProgress = (p: RunProgress) => {
      const phase = this.s.sync.phases[p.phase] ?? p.phase;
      this.set({ run: { ...this.current.run!, progress: p, lost: false } });
      this.progress('sync', p.total === null ? phase : this.s.sync.progress({ phase, done: p.done, total: p.total }), p.done, p.total);
    };
    let status: RunStatus;
    try {
      status = await this.ports.api.followRun(dossier, runId, onProgress);
    } catch (error) {
      // The run goes on on the service: it can be followed again once the cause is gone.
      if (error instanceof ApiError && (error.kind === 'unreachable' || error.status === 401)) {
        this.set({ run: { ...this.current.run!, lost: true } });
        throw new Error(`${describeError(error, this.current.locale)} ${this.s.errors.followLost}`);
      }
      throw error;
    }
    await this.finish(status);
  }

  /** Results into Synchronisation and Détails, journal lines into Journal, and the link marked applied. */
  private async finish(status: RunStatus): Promise<void> {
    const dossier = this.requireDossier();
    const { api, excel } = this.ports;
    this.progress('sync', this.s.sync.writingResults);
    const [results, journal] = await Promise.all([api.runResults(dossier, status.runId), api.runJournal(dossier, status.runId)]);
    const link = await excel.run((ctx) => readLink(ctx));
    if (!link) throw new Error(this.s.errors.notLinked);
    // Marked first: even if the results cannot be written, a new pull must not carry these decisions again.
    const applied: WorkbookLink = { ...link, appliedRun: status.runId };
    await excel.run(async (ctx) => writeLink(ctx, applied));
    this.set({ link: applied });
    await excel.run((ctx) => writeRunOutcome(ctx, link, { results, journal: toRows('journal', journal, this.current.locale) }, excel.features, this.chunking()));
    this.set({
      run: { runId: status.runId, progress: status.progress, status, lost: false },
      lastRunId: status.runId,
      check: null,
      confirmed: false,
      notice: { intent: 'success', text: this.s.sync.done({ run: status.runId }) },
    });
    await this.refreshDossier();
    this.ports.functions.changed();
  }

  // --- 6. journal ------------------------------------------------------------------------------

  exportJournal = (): Promise<void> =>
    this.step('export', this.s.journal.button, async () => {
      const runId = this.current.lastRunId;
      if (!runId) throw new Error(this.s.journal.none);
      const audit = await this.ports.api.auditWorkbook(this.requireDossier(), runId, this.current.locale);
      this.ports.download(audit.content, audit.filename);
      this.set({ notice: { intent: 'success', text: this.s.journal.exported({ file: audit.filename }) } });
    });

  // --- helpers ---------------------------------------------------------------------------------

  private chunking() {
    return { budget: this.ports.budget, yieldToUi: () => this.ports.yieldToUi() };
  }

  private requireDossier(): string {
    const id = this.current.dossier?.id;
    if (!id) throw new Error(this.s.connect.noDossier);
    return id;
  }
}

/** What the checks passed, to compare with what is sent: key order is the decoders'. */
const fingerprintOf = (request: ReviewRequest): string => JSON.stringify(request);
