/**
 * The few places where SQL text differs between the engines BOB dossiers live in. The statement
 * builder speaks only through this interface, so each engine (SQLite with better-sqlite3, MySQL
 * or MariaDB with mysql2) shares the same statements.
 */
export interface SqlDialect {
  quote(identifier: string): string;
  /** The marker of the parameter bound at this 1-based position. */
  placeholder(position: number): string;
  /**
   * Inserts `rows` rows, or updates `valueColumns` of those whose key columns match an
   * existing row. Parameters: each row's key then value columns, row after row.
   */
  upsert(table: string, keyColumns: readonly string[], valueColumns: readonly string[], rows?: number): string;
  /** Appended to a SELECT inside a transaction to lock the rows it reads until the end of it. */
  readonly lockRows: string;
}

/** Markers for the first `count` parameters, comma-separated. */
export const placeholderList = (dialect: SqlDialect, count: number, from = 1): string =>
  Array.from({ length: count }, (_, i) => dialect.placeholder(from + i)).join(', ');

/** `(?, ?), (?, ?)`: the VALUES of a multi-row insert. */
export const rowsList = (dialect: SqlDialect, rows: number, width: number): string =>
  Array.from({ length: rows }, (_, r) => `(${placeholderList(dialect, width, r * width + 1)})`).join(', ');

export const sqliteDialect: SqlDialect = {
  quote: (identifier) => `"${identifier.replace(/"/g, '""')}"`,
  placeholder: () => '?',
  upsert(table, keyColumns, valueColumns, rows = 1) {
    const q = sqliteDialect.quote;
    const all = [...keyColumns, ...valueColumns];
    return (
      `INSERT INTO ${q(table)} (${all.map(q).join(', ')}) VALUES ${rowsList(sqliteDialect, rows, all.length)} ` +
      `ON CONFLICT (${keyColumns.map(q).join(', ')}) DO UPDATE SET ` +
      valueColumns.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')
    );
  },
  // A write transaction in SQLite already holds the whole file.
  lockRows: '',
};

export const mysqlDialect: SqlDialect = {
  quote: (identifier) => `\`${identifier.replace(/`/g, '``')}\``,
  placeholder: () => '?',
  upsert(table, keyColumns, valueColumns, rows = 1) {
    const q = mysqlDialect.quote;
    const all = [...keyColumns, ...valueColumns];
    return (
      `INSERT INTO ${q(table)} (${all.map(q).join(', ')}) VALUES ${rowsList(mysqlDialect, rows, all.length)} ` +
      // VALUES() in this clause is deprecated in MySQL 8.0.20 but the one form MariaDB knows.
      `ON DUPLICATE KEY UPDATE ${valueColumns.map((c) => `${q(c)} = VALUES(${q(c)})`).join(', ')}`
    );
  },
  lockRows: ' FOR UPDATE',
};
