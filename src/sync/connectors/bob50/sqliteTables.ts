/**
 * The BOB tables of one SQLite dossier file: runs the shared statements with better-sqlite3.
 * Transactions are the caller's business, so several operations can form one.
 */
import type Database from 'better-sqlite3';
import type { BobCustomer } from '../../domain/customer';
import { chunks } from '../../util/chunks';
import type { CustomFieldDef } from '../../domain/ports';
import { sqliteDialect } from './dialect';
import { mappedColumns, type BobMapping } from './mapping';
import {
  attachCustomValues,
  columnWrites,
  type ColumnWrites,
  companyRowReader,
  customFieldDefFromRow,
  type CompanyRowReader,
} from './records';
import type { ColumnLister } from './schemaCheck';
import { buildBobStatements, type BobStatements } from './statements';

/** Codes per `IN (...)` list: far below SQLite's parameter limit, large enough to be quick. */
const IN_LIST_CHUNK = 500;

export const sqliteColumnLister =
  (db: Database.Database): ColumnLister =>
  (table) => {
    const columns = db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as Array<{ name: string; type: string }>;
    if (columns.length === 0) return null;
    return columns.map(({ name, type }) => {
      // SQLite keeps the declared type as written: `VARCHAR(40)`, `TEXT`, or nothing at all.
      const m = /^\s*([A-Za-z ]+?)\s*(?:\(\s*(\d+)\s*\))?\s*$/.exec(type);
      return { name, type: (m?.[1] ?? type).toLowerCase(), width: m?.[2] ? Number(m[2]) : undefined };
    });
  };


export class SqliteBobTables {
  private readonly sql: BobStatements;
  private readonly readCompany: CompanyRowReader;
  /** Prepared once per distinct SQL text: an update of the same fields reuses its statement. */
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly mapping: BobMapping,
  ) {
    this.sql = buildBobStatements(mapping, sqliteDialect);
    this.readCompany = companyRowReader(mapping, this.sql.companyColumns);
  }

  private statement(text: string): Database.Statement {
    let statement = this.prepared.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.prepared.set(text, statement);
    }
    return statement;
  }

  countCompanies(): number {
    return Number(this.statement(this.sql.countCompanies()).pluck(true).get());
  }

  *companies(): Generator<BobCustomer> {
    for (const row of this.statement(this.sql.selectCompanies()).raw(true).iterate()) {
      yield this.readCompany(row as unknown[]);
    }
  }

  companiesByCids(cids: readonly string[]): BobCustomer[] {
    return chunks(cids, IN_LIST_CHUNK).flatMap((chunk) =>
      (this.statement(this.sql.selectCompaniesByCids(chunk.length)).raw(true).all(...chunk) as unknown[][]).map(
        this.readCompany,
      ),
    );
  }

  /** Adds the custom-field values of these customers, all of them or only the given codes. */
  attachCustomValues(customers: ReadonlyMap<string, BobCustomer>, only?: readonly string[]): void {
    // Iterated, not collected: a whole dossier has several values per third party.
    const rows =
      only === undefined
        ? (this.statement(this.sql.selectCustomValues()).raw(true).iterate() as Iterable<unknown[]>)
        : chunks(only, IN_LIST_CHUNK).flatMap(
            (chunk) =>
              this.statement(this.sql.selectCustomValuesByCids(chunk.length)).raw(true).all(...chunk) as unknown[][],
          );
    const names = this.customFieldDefs().map((def) => def.name);
    attachCustomValues(customers, names, rows, this.mapping.customFields.values);
  }

  cidExists(cid: string): boolean {
    return this.statement(this.sql.cidExists()).pluck(true).get(cid) !== undefined;
  }

  /** Writes only the given fields of an existing third party; `writes` are checked already. */
  update(cid: string, writes: ColumnWrites): void {
    if (writes.columns.length > 0) {
      const columns = writes.columns.map(([column]) => column);
      const result = this.statement(this.sql.updateCompany(columns)).run(
        ...writes.columns.map(([, value]) => value),
        cid,
      );
      if (result.changes === 0) throw new Error(`BOB third party ${cid} not found`);
    } else if (!this.cidExists(cid)) {
      throw new Error(`BOB third party ${cid} not found`);
    }
    this.writeCustomValues(cid, writes.custom);
  }

  /** Inserts a third party; every mapped column not given is written blank, never left null. */
  insert(customer: Omit<BobCustomer, 'values'>, writes: ColumnWrites): void {
    if (customer.cid === '') throw new Error('A BOB third party needs a code (CID)');
    if (this.cidExists(customer.cid)) throw new Error(`BOB third party ${customer.cid} already exists`);
    const { columns: columnMap, flags } = this.mapping;
    const row = new Map<string, string>(mappedColumns(this.mapping).map(({ column }) => [column, '']));
    row.set(columnMap.cid, customer.cid);
    row.set(columnMap.customer, customer.isCustomer ? flags.customer : '');
    row.set(columnMap.supplier, customer.isSupplier ? flags.supplier : '');
    for (const [column, value] of writes.columns) row.set(column, value);
    this.statement(this.sql.insertCompany([...row.keys()])).run(...row.values());
    this.writeCustomValues(customer.cid, writes.custom);
  }

  /** Inserts a third party as given, for new dossiers: the values are the dossier's own. */
  insertAsGiven(customer: BobCustomer): void {
    this.insert(customer, columnWrites(customer.values, this.mapping));
  }

  /** Deletes a third party and its custom values; an absent code is already what is wanted. */
  remove(cid: string): void {
    this.statement(this.sql.deleteCustomValues()).run(cid);
    this.statement(this.sql.deleteCompany()).run(cid);
  }

  customFieldDefs(): CustomFieldDef[] {
    const rows = this.statement(this.sql.selectCustomFieldDefs()).raw(true).all() as unknown[][];
    return rows.map((row) => customFieldDefFromRow(row, this.mapping.customFields.definitions));
  }

  insertCustomFieldDef(def: CustomFieldDef, tab: string): void {
    this.statement(this.sql.insertCustomFieldDef()).run(def.name, def.type, def.length ?? null, tab);
  }

  private writeCustomValues(cid: string, custom: ReadonlyArray<[string, string]>): void {
    for (const [name, value] of custom) this.statement(this.sql.upsertCustomValue()).run(cid, name, value);
  }
}
