import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { PendingRow } from '../../contract/pending';
import type { CustomFieldSetting } from '../../contract/customFields';
import type { AssociationView } from '../../contract/views';
import type { Association, NeverSync } from '../domain/association';
import type { Values } from '../domain/customer';
import { migrate, VIEW_JSON } from './migrations';
import { ViewStage } from './viewStage';

export interface PullMeta {
  id: string;
  dossier: string;
  createdAt: string;
  createdBy: string;
  settings: CustomFieldSetting[];
  counts: Record<string, number>;
}

export interface BackupMeta {
  id: string;
  dossier: string;
  createdAt: string;
  createdBy: string;
  path: string;
  sha256: string;
  bobCount: number;
  crmCount: number;
}

export type RunKind = 'apply' | 'undo';
export type RunState = 'running' | 'done' | 'undone';

export interface RunMeta {
  id: string;
  dossier: string;
  kind: RunKind;
  pullId: string | null;
  backupId: string | null;
  undoes: string | null;
  user: string;
  idempotencyKey: string | null;
  startedAt: string;
  finishedAt: string | null;
  state: RunState;
  decisions: unknown;
  result: unknown;
}

export interface JournalRecord<E> {
  id: number;
  runId: string;
  seq: number;
  key: string;
  state: string;
  entry: E;
  outcome: unknown;
}

export interface AuditRecord {
  seq: number;
  dossier: string;
  runId: string | null;
  kind: string;
  at: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

/** Lone records and pairs to write when a row of a run completes. */
export interface AssociationWrite {
  bobId: string | null;
  crmId: string | null;
  base: Values | null;
  lastSyncAt: string | null;
  never: NeverSync | null;
}

const GENESIS = '0'.repeat(64);

/** Sortable, readable ids: the prefix, the UTC time to the second, and randomness. */
export function newId(prefix: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
  return `${prefix}-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** JSON with sorted keys, so that a hash does not depend on insertion order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function auditHash(prevHash: string, record: Omit<AuditRecord, 'seq' | 'hash' | 'prevHash'>): string {
  return createHash('sha256').update(prevHash).update(stableJson(record)).digest('hex');
}

interface AssociationRow {
  id: number;
  bob_id: string | null;
  crm_id: string | null;
  never_by: string | null;
  never_at: string | null;
  never_reason: string | null;
  base: string | null;
  last_sync_at: string | null;
}

const toAssociation = (r: AssociationRow): Association => ({
  id: r.id,
  bobId: r.bob_id,
  crmId: r.crm_id,
  never: r.never_by !== null ? { by: r.never_by, at: r.never_at ?? '', reason: r.never_reason ?? '' } : null,
  base: r.base !== null ? (JSON.parse(r.base) as Values) : null,
  lastSyncAt: r.last_sync_at,
});

/**
 * The state store: one SQLite file in WAL mode. Every method is synchronous and each one that
 * writes several rows does so in a single transaction.
 */
export class Store {
  readonly db: Database.Database;

  constructor(private readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL makes a committed journal step survive a power cut, which recovery relies on.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  ensureDossier(id: string, name: string, now: Date): void {
    this.db
      .prepare('INSERT INTO dossier (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING')
      .run(id, name, now.toISOString());
  }

  // --- associations -------------------------------------------------------------------------

  associations(dossier: string): Association[] {
    return (this.db.prepare('SELECT * FROM association WHERE dossier = ? ORDER BY id').all(dossier) as AssociationRow[]).map(
      toAssociation,
    );
  }

  /**
   * The dossier's associations as they stand at the first slice, handed over a slice at a time
   * with the event loop let go in between: a pull reads 100,000 of them while CRM's pages come
   * in. They are read on a connection of their own in one read transaction, so a run writing
   * associations meanwhile is seen either wholly or not at all.
   */
  async eachAssociationSlice(dossier: string, onSlice: (slice: Association[]) => void, size = 5000): Promise<void> {
    const reader = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      reader.exec('BEGIN');
      const slice = reader.prepare('SELECT * FROM association WHERE dossier = ? AND id > ? ORDER BY id LIMIT ?');
      for (let after = 0; ; ) {
        const rows = slice.all(dossier, after, size) as AssociationRow[];
        if (rows.length === 0) break;
        onSlice(rows.map(toAssociation));
        after = rows[rows.length - 1].id;
        await new Promise((resolve) => setImmediate(resolve));
      }
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
  }

  /** The associations holding either id: at most one per side. */
  associationsOf(dossier: string, bobId: string | null, crmId: string | null): Association[] {
    return (
      this.db
        .prepare('SELECT * FROM association WHERE dossier = ? AND (bob_id = ? OR crm_id = ?) ORDER BY id')
        .all(dossier, bobId, crmId) as AssociationRow[]
    ).map(toAssociation);
  }

  /**
   * Replaces the associations holding either id by `write` (or by nothing when null). Used when
   * a row completes and, with the saved rows, when a run is undone.
   */
  replaceAssociations(dossier: string, remove: Association[], write: AssociationWrite | null): void {
    const del = this.db.prepare('DELETE FROM association WHERE dossier = ? AND id = ?');
    for (const a of remove) del.run(dossier, a.id);
    if (write) this.insertAssociation(dossier, write);
  }

  insertAssociation(dossier: string, w: AssociationWrite): void {
    this.db
      .prepare(
        `INSERT INTO association (dossier, bob_id, crm_id, never_by, never_at, never_reason, base, last_sync_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        dossier,
        w.bobId,
        w.crmId,
        w.never?.by ?? null,
        w.never?.at ?? null,
        w.never?.reason ?? null,
        w.base ? JSON.stringify(w.base) : null,
        w.lastSyncAt,
      );
  }

  /**
   * Sets or clears the never-sync flag of a customer. A flag set on records that are not paired
   * yet pairs them in one flagged association (base unknown), so that neither is matched or
   * created elsewhere; a cleared lone record is forgotten and takes part in matching again.
   */
  setNever(dossier: string, bobId: string | null, crmId: string | null, never: NeverSync | null): void {
    const existing = this.associationsOf(dossier, bobId, crmId);
    const isPair = (a: Association) => a.bobId !== null && a.crmId !== null;
    const upd = this.db.prepare('UPDATE association SET never_by = ?, never_at = ?, never_reason = ? WHERE id = ?');
    for (const a of existing.filter(isPair)) upd.run(never?.by ?? null, never?.at ?? null, never?.reason ?? null, a.id);
    const lone = existing.filter((a) => !isPair(a));
    this.replaceAssociations(dossier, lone, null);
    if (never && !existing.some(isPair)) this.insertAssociation(dossier, { bobId, crmId, base: null, lastSyncAt: null, never });
  }

  // --- custom-field settings ----------------------------------------------------------------

  customFieldSettings(dossier: string): CustomFieldSetting[] {
    return (
      this.db.prepare('SELECT setting FROM custom_field_setting WHERE dossier = ? ORDER BY bob_field').all(dossier) as Array<{
        setting: string;
      }>
    ).map((r) => JSON.parse(r.setting) as CustomFieldSetting);
  }

  saveCustomFieldSettings(dossier: string, settings: CustomFieldSetting[]): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM custom_field_setting WHERE dossier = ?').run(dossier);
      const ins = this.db.prepare('INSERT INTO custom_field_setting (dossier, bob_field, setting) VALUES (?, ?, ?)');
      for (const s of settings) ins.run(dossier, s.bobField, JSON.stringify(s));
    });
  }

  // --- pulls --------------------------------------------------------------------------------

  /** Where a pull's global view is kept while the pull is computed; see `createPull`. */
  viewStage(id: string): ViewStage {
    return new ViewStage(this.db, id);
  }

  /** Records a pull: its meta, its rows in their order, and the view staged for it. */
  createPull(meta: PullMeta, rows: PendingRow[], view: ViewStage): void {
    this.transaction(() => {
      this.db
        .prepare('INSERT INTO pull (id, dossier, created_at, created_by, settings, counts) VALUES (?, ?, ?, ?, ?, ?)')
        .run(meta.id, meta.dossier, meta.createdAt, meta.createdBy, JSON.stringify(meta.settings), JSON.stringify(meta.counts));
      const ins = this.db.prepare('INSERT INTO pull_row (pull_id, seq, key, row) VALUES (?, ?, ?, ?)');
      rows.forEach((r, i) => ins.run(meta.id, i, r.key, JSON.stringify(r)));
      view.moveTo(meta.id);
    });
  }

  pullView(id: string): AssociationView[] {
    const views = this.db.prepare(`SELECT ${VIEW_JSON} FROM pull_view WHERE pull_id = ? ORDER BY seq`).pluck().all(id) as string[];
    return views.map((v) => JSON.parse(v) as AssociationView);
  }

  pull(id: string): PullMeta | undefined {
    const r = this.db.prepare('SELECT * FROM pull WHERE id = ?').get(id) as
      | { id: string; dossier: string; created_at: string; created_by: string; settings: string; counts: string }
      | undefined;
    return (
      r && {
        id: r.id,
        dossier: r.dossier,
        createdAt: r.created_at,
        createdBy: r.created_by,
        settings: JSON.parse(r.settings) as CustomFieldSetting[],
        counts: JSON.parse(r.counts) as Record<string, number>,
      }
    );
  }

  pullRows(id: string): PendingRow[] {
    return (this.db.prepare('SELECT row FROM pull_row WHERE pull_id = ? ORDER BY seq').all(id) as Array<{ row: string }>).map(
      (r) => JSON.parse(r.row) as PendingRow,
    );
  }

  // --- backups ------------------------------------------------------------------------------

  addBackup(b: BackupMeta): void {
    this.db
      .prepare(
        'INSERT INTO backup (id, dossier, created_at, created_by, path, sha256, bob_count, crm_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(b.id, b.dossier, b.createdAt, b.createdBy, b.path, b.sha256, b.bobCount, b.crmCount);
  }

  backups(dossier: string): BackupMeta[] {
    return (
      this.db.prepare('SELECT * FROM backup WHERE dossier = ? ORDER BY created_at DESC, id DESC').all(dossier) as Array<
        Record<string, string | number>
      >
    ).map((r) => ({
      id: String(r.id),
      dossier: String(r.dossier),
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
      path: String(r.path),
      sha256: String(r.sha256),
      bobCount: Number(r.bob_count),
      crmCount: Number(r.crm_count),
    }));
  }

  // --- runs ---------------------------------------------------------------------------------

  createRun(run: Omit<RunMeta, 'finishedAt' | 'result' | 'state'>): void {
    this.db
      .prepare(
        `INSERT INTO run (id, dossier, kind, pull_id, backup_id, undoes, user, idempotency_key, started_at, state, decisions)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`,
      )
      .run(
        run.id,
        run.dossier,
        run.kind,
        run.pullId,
        run.backupId,
        run.undoes,
        run.user,
        run.idempotencyKey,
        run.startedAt,
        JSON.stringify(run.decisions),
      );
  }

  finishRun(id: string, state: RunState, result: unknown, now: Date): void {
    this.db
      .prepare('UPDATE run SET state = ?, result = ?, finished_at = ? WHERE id = ?')
      .run(state, JSON.stringify(result), now.toISOString(), id);
  }

  /** Saves the results known so far, so that an interrupted run can be completed by recovery. */
  setRunResult(id: string, result: unknown): void {
    this.db.prepare('UPDATE run SET result = ? WHERE id = ?').run(JSON.stringify(result), id);
  }

  setRunState(id: string, state: RunState): void {
    this.db.prepare('UPDATE run SET state = ? WHERE id = ?').run(state, id);
  }

  run(id: string): RunMeta | undefined {
    const r = this.db.prepare('SELECT * FROM run WHERE id = ?').get(id) as Record<string, string | null> | undefined;
    return r && toRun(r);
  }

  runByIdempotencyKey(dossier: string, key: string): RunMeta | undefined {
    const r = this.db.prepare('SELECT * FROM run WHERE dossier = ? AND idempotency_key = ?').get(dossier, key) as
      | Record<string, string | null>
      | undefined;
    return r && toRun(r);
  }

  runs(dossier: string): RunMeta[] {
    return (
      this.db.prepare('SELECT * FROM run WHERE dossier = ? ORDER BY started_at, id').all(dossier) as Array<Record<string, string | null>>
    ).map(toRun);
  }

  unfinishedRuns(): RunMeta[] {
    return (this.db.prepare("SELECT * FROM run WHERE state = 'running' ORDER BY started_at").all() as Array<
      Record<string, string | null>
    >).map(toRun);
  }

  // --- journal ------------------------------------------------------------------------------

  addJournalEntries<E>(runId: string, entries: Array<{ seq: number; key: string; state: string; entry: E }>, now: Date): void {
    const ins = this.db.prepare(
      'INSERT INTO journal (run_id, seq, key, state, entry, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.transaction(() => {
      for (const e of entries) ins.run(runId, e.seq, e.key, e.state, JSON.stringify(e.entry), now.toISOString());
    });
  }

  /** Moves an entry to a new state; `entry` replaces the stored entry when given. */
  setJournalState<E>(runId: string, key: string, state: string, now: Date, entry?: E, outcome?: unknown): void {
    this.db
      .prepare(
        `UPDATE journal SET state = ?, updated_at = ?,
           entry = COALESCE(?, entry), outcome = COALESCE(?, outcome)
         WHERE run_id = ? AND key = ?`,
      )
      .run(
        state,
        now.toISOString(),
        entry === undefined ? null : JSON.stringify(entry),
        outcome === undefined ? null : JSON.stringify(outcome),
        runId,
        key,
      );
  }

  journal<E>(runId: string): Array<JournalRecord<E>> {
    return (
      this.db.prepare('SELECT * FROM journal WHERE run_id = ? ORDER BY seq').all(runId) as Array<{
        id: number;
        run_id: string;
        seq: number;
        key: string;
        state: string;
        entry: string;
        outcome: string | null;
      }>
    ).map((r) => ({
      id: r.id,
      runId: r.run_id,
      seq: r.seq,
      key: r.key,
      state: r.state,
      entry: JSON.parse(r.entry) as E,
      outcome: r.outcome === null ? null : (JSON.parse(r.outcome) as unknown),
    }));
  }

  // --- audit --------------------------------------------------------------------------------

  appendAudit(dossier: string, runId: string | null, kind: string, payload: unknown, now: Date): AuditRecord {
    return this.transaction(() => {
      const last = this.db.prepare('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
      const prevHash = last?.hash ?? GENESIS;
      const body = { dossier, runId, kind, at: now.toISOString(), payload };
      const hash = auditHash(prevHash, body);
      const info = this.db
        .prepare('INSERT INTO audit (dossier, run_id, kind, at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(dossier, runId, kind, body.at, stableJson(payload), prevHash, hash);
      return { seq: Number(info.lastInsertRowid), ...body, prevHash, hash };
    });
  }

  auditRecords(runId?: string): AuditRecord[] {
    const rows = (
      runId === undefined
        ? this.db.prepare('SELECT * FROM audit ORDER BY seq').all()
        : this.db.prepare('SELECT * FROM audit WHERE run_id = ? ORDER BY seq').all(runId)
    ) as Array<{
      seq: number;
      dossier: string;
      run_id: string | null;
      kind: string;
      at: string;
      payload: string;
      prev_hash: string;
      hash: string;
    }>;
    return rows.map((r) => ({
      seq: r.seq,
      dossier: r.dossier,
      runId: r.run_id,
      kind: r.kind,
      at: r.at,
      payload: JSON.parse(r.payload) as unknown,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  /** Recomputes the chain; returns the first record that does not match, or null. */
  verifyAudit(): { seq: number; reason: string } | null {
    let prev = GENESIS;
    for (const r of this.auditRecords()) {
      if (r.prevHash !== prev) return { seq: r.seq, reason: 'the link to the previous record is broken' };
      const expected = auditHash(prev, { dossier: r.dossier, runId: r.runId, kind: r.kind, at: r.at, payload: r.payload });
      if (expected !== r.hash) return { seq: r.seq, reason: 'the record was changed after it was written' };
      prev = r.hash;
    }
    return null;
  }
}

/** A run without its decisions and results, which can each hold a whole dossier. */
export type RunHeader = Omit<RunMeta, 'decisions' | 'result'>;

export function toRunHeader(r: Record<string, string | null>): RunHeader {
  return {
    id: String(r.id),
    dossier: String(r.dossier),
    kind: r.kind as RunKind,
    pullId: r.pull_id,
    backupId: r.backup_id,
    undoes: r.undoes,
    user: String(r.user),
    idempotencyKey: r.idempotency_key,
    startedAt: String(r.started_at),
    finishedAt: r.finished_at,
    state: r.state as RunState,
  };
}

function toRun(r: Record<string, string | null>): RunMeta {
  return {
    ...toRunHeader(r),
    decisions: JSON.parse(String(r.decisions)) as unknown,
    result: r.result === null ? null : (JSON.parse(r.result) as unknown),
  };
}
