/**
 * The few places where SQL text differs between the engines BOB dossiers live in. The statement
 * builder speaks only through this interface, so a MySQL dialect (mysql2 driver) slots in beside
 * the SQLite one without touching the statements.
 */
export interface SqlDialect {
  quote(identifier: string): string;
  /** The marker of the parameter bound at this 1-based position. */
  placeholder(position: number): string;
  /** Inserts a row, or updates `valueColumns` when a row with the same key columns exists. */
  upsert(table: string, keyColumns: readonly string[], valueColumns: readonly string[]): string;
}

/** Markers for the first `count` parameters, comma-separated. */
export const placeholderList = (dialect: SqlDialect, count: number): string =>
  Array.from({ length: count }, (_, i) => dialect.placeholder(i + 1)).join(', ');

export const sqliteDialect: SqlDialect = {
  quote: (identifier) => `"${identifier.replace(/"/g, '""')}"`,
  placeholder: () => '?',
  upsert(table, keyColumns, valueColumns) {
    const q = sqliteDialect.quote;
    const all = [...keyColumns, ...valueColumns];
    return (
      `INSERT INTO ${q(table)} (${all.map(q).join(', ')}) VALUES (${placeholderList(sqliteDialect, all.length)}) ` +
      `ON CONFLICT (${keyColumns.map(q).join(', ')}) DO UPDATE SET ` +
      valueColumns.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')
    );
  },
};
