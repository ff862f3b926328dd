/**
 * SQL text for every operation of the connector, built from the mapping and a dialect. Drivers
 * only bind parameters and run these, so each engine shares the same statements.
 */
import { placeholderList, type SqlDialect } from './dialect';
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
  /** Rows of (code, field name, value). */
  selectCustomValues(): string;
  selectCustomValuesByCids(count: number): string;
  /** Parameters: the columns' values in order, then the code. */
  updateCompany(columns: readonly string[]): string;
  insertCompany(columns: readonly string[]): string;
  deleteCompany(): string;
  cidExists(): string;
  /** Parameters: code, field name, value. */
  upsertCustomValue(): string;
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
    selectCustomValues: () => `SELECT ${valueList} FROM ${valuesTable}`,
    selectCustomValuesByCids: (count) =>
      `SELECT ${valueList} FROM ${valuesTable} WHERE ${q(vals.cid)} IN (${list(count)})`,
    updateCompany: (columns) =>
      `UPDATE ${company} SET ${columns.map((c, i) => `${q(c)} = ${p(i + 1)}`).join(', ')} ` +
      `WHERE ${cid} = ${p(columns.length + 1)}`,
    insertCompany: (columns) =>
      `INSERT INTO ${company} (${columns.map(q).join(', ')}) VALUES (${list(columns.length)})`,
    deleteCompany: () => `DELETE FROM ${company} WHERE ${cid} = ${p(1)}`,
    cidExists: () => `SELECT 1 FROM ${company} WHERE ${cid} = ${p(1)}`,
    upsertCustomValue: () => dialect.upsert(vals.table, [vals.cid, vals.name], [vals.value]),
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
