/**
 * SQL text for every operation of the connector, built from the mapping and a dialect. Drivers
 * only bind parameters and run these, so each engine shares the same statements.
 */
import { placeholderList, rowsList, type SqlDialect } from './dialect';
import { mappedColumns, type BobMapping, type ColumnKey } from './mapping';

/** Real BOB columns we do not map, created in new dossiers so they look like the real table. */
const UNMAPPED_BOB_COLUMNS: ReadonlyArray<{ column: string; width: number }> = [
  { column: 'CBANKNO', width: 20 },
  { column: 'CBANKIBAN', width: 34 },
];

export interface BobStatements {
  /** Mapped columns of the third-party table, in the order `selectCompanies*` return them. */
  readonly companyColumns: ReadonlyArray<{ key: ColumnKey; column: string }>;
  countCompanies(): string;
  selectCompanies(): string;
  selectCompaniesByCids(count: number): string;
  /**
   * Every third party joined to its custom values, ordered by code: one row per value (or one
   * with null name and value for a party without any), so that one pass streams both.
   */
  selectCompaniesWithCustomValues(): string;
  /** The codes among `count` given ones that exist, locked until the end of the transaction. */
  lockCids(count: number): string;
  /** Rows of (code, field name, value). */
  selectCustomValues(): string;
  selectCustomValuesByCids(count: number): string;
  /** Parameters: the columns' values in order, then the code. */
  updateCompany(columns: readonly string[]): string;
  /**
   * Sets `columns` of `rows` third parties in one statement. Parameters: for each column, the
   * rows' (code, value) pairs; then the rows' codes.
   */
  updateCompanies(columns: readonly string[], rows: number): string;
  insertCompany(columns: readonly string[], rows?: number): string;
  deleteCompany(): string;
  cidExists(): string;
  /** Parameters: code, field name, value, for each of `rows` values. */
  upsertCustomValue(rows?: number): string;
  deleteCustomValues(): string;
  /** Rows of (name, type, length), grouped by tab as BOB shows them. */
  selectCustomFieldDefs(): string;
  /** Parameters: name, type, length, tab. */
  insertCustomFieldDef(): string;
  /** DDL of a new, empty dossier. */
  createTables(): string[];
}

export function buildBobStatements(mapping: BobMapping, dialect: SqlDialect): BobStatements {
  const q = dialect.quote;
  const p = dialect.placeholder;
  const list = (count: number) => placeholderList(dialect, count);
  const company = q(mapping.table);
  const cid = q(mapping.columns.cid);
  const companyColumns = mappedColumns(mapping);
  const companyList = companyColumns.map(({ column }) => q(column)).join(', ');

  const defs = mapping.customFields.definitions;
  const defTable = q(defs.table);
  const defList = [defs.name, defs.type, defs.length].map(q).join(', ');
  const vals = mapping.customFields.values;
  const valuesTable = q(vals.table);
  const valueList = [vals.cid, vals.name, vals.value].map(q).join(', ');

  return {
    companyColumns,
    countCompanies: () => `SELECT COUNT(*) FROM ${company}`,
    selectCompanies: () => `SELECT ${companyList} FROM ${company} ORDER BY ${cid}`,
    selectCompaniesByCids: (count) =>
      `SELECT ${companyList} FROM ${company} WHERE ${cid} IN (${list(count)})`,
    selectCompaniesWithCustomValues: () =>
      `SELECT ${companyColumns.map(({ column }) => `c.${q(column)}`).join(', ')}, v.${q(vals.name)}, v.${q(vals.value)} ` +
      `FROM ${company} c LEFT JOIN ${valuesTable} v ON v.${q(vals.cid)} = c.${cid} ORDER BY c.${cid}`,
    lockCids: (count) => `SELECT ${cid} FROM ${company} WHERE ${cid} IN (${list(count)})${dialect.lockRows}`,
    selectCustomValues: () => `SELECT ${valueList} FROM ${valuesTable}`,
    selectCustomValuesByCids: (count) =>
      `SELECT ${valueList} FROM ${valuesTable} WHERE ${q(vals.cid)} IN (${list(count)})`,
    updateCompany: (columns) =>
      `UPDATE ${company} SET ${columns.map((c, i) => `${q(c)} = ${p(i + 1)}`).join(', ')} ` +
      `WHERE ${cid} = ${p(columns.length + 1)}`,
    updateCompanies: (columns, rows) => {
      let position = 0;
      const when = () => ` WHEN ${p(++position)} THEN ${p(++position)}`;
      const cases = columns.map((c) => `${q(c)} = CASE ${cid}${Array.from({ length: rows }, when).join('')} END`);
      return `UPDATE ${company} SET ${cases.join(', ')} WHERE ${cid} IN (${placeholderList(dialect, rows, position + 1)})`;
    },
    insertCompany: (columns, rows = 1) =>
      `INSERT INTO ${company} (${columns.map(q).join(', ')}) VALUES ${rowsList(dialect, rows, columns.length)}`,
    deleteCompany: () => `DELETE FROM ${company} WHERE ${cid} = ${p(1)}`,
    cidExists: () => `SELECT 1 FROM ${company} WHERE ${cid} = ${p(1)}`,
    upsertCustomValue: (rows = 1) => dialect.upsert(vals.table, [vals.cid, vals.name], [vals.value], rows),
    deleteCustomValues: () => `DELETE FROM ${valuesTable} WHERE ${q(vals.cid)} = ${p(1)}`,
    selectCustomFieldDefs: () => `SELECT ${defList} FROM ${defTable} ORDER BY ${q(defs.tab)}, ${q(defs.name)}`,
    insertCustomFieldDef: () =>
      `INSERT INTO ${defTable} (${defList}, ${q(defs.tab)}) VALUES (${list(4)})`,
    createTables() {
      const mappedUpper = new Set(companyColumns.map(({ column }) => column.toUpperCase()));
      const columns = [
        ...companyColumns.map(({ key, column }) => ({ column, width: mapping.widths[key] })),
        ...UNMAPPED_BOB_COLUMNS.filter(({ column }) => !mappedUpper.has(column)),
      ];
      const columnDdl = columns.map(({ column, width }) =>
        column === mapping.columns.cid
          ? `${q(column)} VARCHAR(${width}) NOT NULL PRIMARY KEY`
          : `${q(column)} VARCHAR(${width}) NOT NULL DEFAULT ''`,
      );
      return [
        `CREATE TABLE ${company} (\n  ${columnDdl.join(',\n  ')}\n)`,
        `CREATE TABLE ${defTable} (\n` +
          `  ${q(defs.name)} VARCHAR(20) NOT NULL PRIMARY KEY,\n` +
          `  ${q(defs.type)} VARCHAR(10) NOT NULL,\n` +
          `  ${q(defs.length)} INTEGER,\n` +
          `  ${q(defs.tab)} VARCHAR(40) NOT NULL DEFAULT ''\n)`,
        `CREATE TABLE ${valuesTable} (\n` +
          `  ${q(vals.cid)} VARCHAR(${mapping.widths.cid}) NOT NULL,\n` +
          `  ${q(vals.name)} VARCHAR(20) NOT NULL,\n` +
          `  ${q(vals.value)} TEXT NOT NULL,\n` +
          `  PRIMARY KEY (${q(vals.cid)}, ${q(vals.name)})\n)`,
      ];
    },
  };
}
