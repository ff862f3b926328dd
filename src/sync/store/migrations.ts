import type Database from 'better-sqlite3';

/**
 * Versioned schema. Each entry moves the store from version i to i+1 and is never edited once
 * released: a new need is a new entry. `PRAGMA user_version` records where a file stands.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE dossier (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  -- A customer known to the store: a lone record or a BOB/CRM pair, with its flags and base.
  CREATE TABLE association (
    id           INTEGER PRIMARY KEY,
    dossier      TEXT NOT NULL REFERENCES dossier(id),
    bob_id       TEXT,
    crm_id       TEXT,
    never_by     TEXT,
    never_at     TEXT,
    never_reason TEXT,
    base         TEXT,
    last_sync_at TEXT,
    CHECK (bob_id IS NOT NULL OR crm_id IS NOT NULL)
  );
  CREATE UNIQUE INDEX association_bob ON association(dossier, bob_id);
  CREATE UNIQUE INDEX association_crm ON association(dossier, crm_id);

  CREATE TABLE custom_field_setting (
    dossier   TEXT NOT NULL REFERENCES dossier(id),
    bob_field TEXT NOT NULL,
    setting   TEXT NOT NULL,
    PRIMARY KEY (dossier, bob_field)
  );

  CREATE TABLE pull (
    id         TEXT PRIMARY KEY,
    dossier    TEXT NOT NULL REFERENCES dossier(id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    settings   TEXT NOT NULL,
    counts     TEXT NOT NULL
  );

  CREATE TABLE pull_row (
    pull_id TEXT NOT NULL REFERENCES pull(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    key     TEXT NOT NULL,
    row     TEXT NOT NULL,
    PRIMARY KEY (pull_id, key)
  );
  CREATE INDEX pull_row_seq ON pull_row(pull_id, seq);

  -- The global view as the pull showed it, to tell which never-sync flags the user changed.
  CREATE TABLE pull_view (
    pull_id TEXT NOT NULL REFERENCES pull(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    key     TEXT NOT NULL,
    view    TEXT NOT NULL,
    PRIMARY KEY (pull_id, key)
  );

  CREATE TABLE backup (
    id         TEXT PRIMARY KEY,
    dossier    TEXT NOT NULL REFERENCES dossier(id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    path       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    bob_count  INTEGER NOT NULL,
    crm_count  INTEGER NOT NULL
  );

  CREATE TABLE run (
    id              TEXT PRIMARY KEY,
    dossier         TEXT NOT NULL REFERENCES dossier(id),
    kind            TEXT NOT NULL CHECK (kind IN ('apply', 'undo')),
    pull_id         TEXT,
    backup_id       TEXT,
    undoes          TEXT,
    user            TEXT NOT NULL,
    idempotency_key TEXT,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    state           TEXT NOT NULL CHECK (state IN ('running', 'done', 'undone')),
    decisions       TEXT NOT NULL,
    result          TEXT
  );
  CREATE UNIQUE INDEX run_idempotency ON run(dossier, idempotency_key);

  -- The write journal: one entry per row of a run, moved step by step; see engine/journal.ts.
  CREATE TABLE journal (
    id         INTEGER PRIMARY KEY,
    run_id     TEXT NOT NULL REFERENCES run(id),
    seq        INTEGER NOT NULL,
    key        TEXT NOT NULL,
    state      TEXT NOT NULL,
    entry      TEXT NOT NULL,
    outcome    TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (run_id, key)
  );
  CREATE INDEX journal_open ON journal(state) WHERE state NOT IN ('done', 'abandoned');

  -- Audit records chained by hash: each hash covers the previous hash and the record.
  CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    dossier   TEXT NOT NULL,
    run_id    TEXT,
    kind      TEXT NOT NULL,
    at        TEXT NOT NULL,
    payload   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
  );
  `,
  `
  -- A pull reads a dossier's associations in id order: without this it sorts them all first.
  CREATE INDEX association_order ON association(dossier, id);
  `,
  `
  -- The global view in columns rather than one JSON document per customer: a pull writes
  -- 100,000 and more of them, and SQLite builds the JSON of the few pages read (VIEW_JSON).
  CREATE TABLE pull_view_columns (
    pull_id        TEXT NOT NULL REFERENCES pull(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    key            TEXT NOT NULL,
    bob_id         TEXT,
    crm_id         TEXT,
    name           TEXT NOT NULL,
    vat            TEXT NOT NULL,
    state          TEXT NOT NULL,
    bob_ineligible TEXT NOT NULL,
    crm_ineligible TEXT NOT NULL,
    never          INTEGER NOT NULL,
    never_reason   TEXT NOT NULL,
    never_by       TEXT NOT NULL,
    never_at       TEXT NOT NULL,
    last_sync_at   TEXT NOT NULL,
    -- Written and read in seq order; a key is looked up only for a never-sync change (a scan).
    PRIMARY KEY (pull_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO pull_view_columns
    SELECT pull_id, seq, key, view ->> '$.bobId', view ->> '$.crmId', view ->> '$.name', view ->> '$.vat',
           view ->> '$.state', view -> '$.bobIneligible', view -> '$.crmIneligible', view ->> '$.never',
           view ->> '$.neverReason', view ->> '$.neverBy', view ->> '$.neverAt', view ->> '$.lastSyncAt'
    FROM pull_view;
  DROP TABLE pull_view;
  ALTER TABLE pull_view_columns RENAME TO pull_view;
  `,
];

/** A row of `pull_view` as the JSON of an `AssociationView`, built by SQLite. */
export const VIEW_JSON = `json_object(
  'key', key, 'bobId', bob_id, 'crmId', crm_id, 'name', name, 'vat', vat, 'state', state,
  'bobIneligible', json(bob_ineligible), 'crmIneligible', json(crm_ineligible),
  'never', json(iif(never, 'true', 'false')), 'neverReason', never_reason, 'neverBy', never_by,
  'neverAt', never_at, 'lastSyncAt', last_sync_at)`;

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The state store is at schema version ${current}, newer than this bobsync (${MIGRATIONS.length}): upgrade bobsync.`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
