/**
 * A pull's global view while the pull is computed. Its 100,000 and more entries come in no
 * order, most while CRM's pages are read, and wait in a temporary table of the store's
 * connection (private to it, never synced to disk) instead of in memory; when the pull is
 * recorded, SQLite sorts them into the pull's view in one statement.
 */
import type Database from 'better-sqlite3';
import type { AssociationView } from '../../contract/views';

const COLUMNS = [
  'key',
  'bob_id',
  'crm_id',
  'name',
  'vat',
  'state',
  'bob_ineligible',
  'crm_ineligible',
  'never',
  'never_reason',
  'never_by',
  'never_at',
  'last_sync_at',
].join(', ');

/** Entries are written a few hundred at a time, each batch in one transaction of the temporary table. */
const BATCH = 500;

export class ViewStage {
  private readonly insert: Database.Statement;
  private batch: unknown[][] = [];
  /** Once moved or discarded, nothing more is kept: CRM pages still in flight after a failure add nothing. */
  private open = true;

  constructor(
    private readonly db: Database.Database,
    /** Tells this pull's entries from those of another pull computed at the same time. */
    readonly id: string,
  ) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS pull_view_stage (stage TEXT NOT NULL, sort TEXT NOT NULL, ${COLUMNS})`);
    this.insert = db.prepare(`INSERT INTO temp.pull_view_stage (stage, sort, ${COLUMNS}) VALUES (${'?, '.repeat(14)}?)`);
  }

  /** `sort`: what the view is ordered by first (then the name, then the key). */
  add(v: AssociationView, sort: string): void {
    if (!this.open) return;
    this.batch.push([
      this.id, sort, v.key, v.bobId, v.crmId, v.name, v.vat, v.state, JSON.stringify(v.bobIneligible),
      JSON.stringify(v.crmIneligible), v.never ? 1 : 0, v.neverReason, v.neverBy, v.neverAt, v.lastSyncAt,
    ]);
    if (this.batch.length >= BATCH) this.flush();
  }

  /** Moves the entries into `pull_view` under `pullId`, sorted; to be run in the pull's transaction. */
  moveTo(pullId: string): void {
    this.flush();
    this.db
      .prepare(
        `INSERT INTO pull_view (pull_id, seq, ${COLUMNS})
         SELECT ?, row_number() OVER (ORDER BY sort, name, key) - 1, ${COLUMNS}
         FROM temp.pull_view_stage WHERE stage = ? ORDER BY sort, name, key`,
      )
      .run(pullId, this.id);
    this.discard();
  }

  /** Forgets the entries (the pull failed, or they were moved). */
  discard(): void {
    this.open = false;
    this.batch = [];
    this.db.prepare('DELETE FROM temp.pull_view_stage WHERE stage = ?').run(this.id);
  }

  private flush(): void {
    const rows = this.batch;
    this.batch = [];
    this.db.transaction(() => {
      for (const row of rows) this.insert.run(row);
    })();
  }
}
