/** The BOB 50 connector on a dossier kept in an SQLite file (sandbox dossiers, tests). */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BobCustomer, Values } from '../../domain/customer';
import type { BobConnector, CustomFieldDef, Progress } from '../../domain/ports';
import { cidCandidate, cidStem } from './cidCodes';
import { parseBobMapping, type BobMapping, type BobMappingInput } from './mapping';
import { inspectBobSchema } from './schemaCheck';
import { SqliteBobTables, sqliteColumnLister } from './sqliteTables';
import { prepareWrites, writeRules, type WriteRules } from './writeChecks';

/** Often enough for a progress bar to move, rarely enough to cost nothing on 100,000 rows. */
const PROGRESS_EVERY = 1000;

/**
 * Opens an existing dossier file and checks it against the mapping; throws a BobSchemaError
 * naming each missing table or column with its mapping key.
 */
export function openBobSqlite(file: string, mappingInput: BobMappingInput = {}): BobConnector {
  const mapping = parseBobMapping(mappingInput);
  // SQLite's own message ("unable to open database file") does not say which file.
  if (!existsSync(file)) throw new Error(`BOB dossier ${file} not found`);
  const db = new Database(file, { fileMustExist: true });
  try {
    return new SqliteBobConnector(db, mapping, writeRules(mapping, inspectBobSchema(mapping, sqliteColumnLister(db), file)));
  } catch (error) {
    db.close();
    throw error;
  }
}

class SqliteBobConnector implements BobConnector {
  private readonly tables: SqliteBobTables;

  constructor(
    private readonly db: Database.Database,
    private readonly mapping: BobMapping,
    private readonly rules: WriteRules,
  ) {
    this.tables = new SqliteBobTables(db, mapping);
  }

  async readAll(onProgress?: Progress): Promise<BobCustomer[]> {
    // One read transaction: the third parties and their custom values come from one snapshot.
    return this.db.transaction(() => {
      const total = this.tables.countCompanies();
      const customers = new Map<string, BobCustomer>();
      for (const customer of this.tables.companies()) {
        customers.set(customer.cid, customer);
        if (customers.size % PROGRESS_EVERY === 0) onProgress?.(customers.size, total);
      }
      this.tables.attachCustomValues(customers);
      onProgress?.(customers.size, total);
      return [...customers.values()];
    })();
  }

  async readMany(cids: string[]): Promise<Map<string, BobCustomer>> {
    return this.db.transaction(() => {
      const unique = [...new Set(cids)];
      const customers = new Map(this.tables.companiesByCids(unique).map((c) => [c.cid, c]));
      this.tables.attachCustomValues(customers, unique);
      return customers;
    })();
  }

  async update(updates: Array<{ cid: string; values: Values }>): Promise<void> {
    this.db.transaction(() => {
      for (const { cid, writes } of this.prepare(updates)) this.tables.update(cid, writes);
    })();
  }

  async create(records: Array<{ cid: string; values: Values }>): Promise<void> {
    this.db.transaction(() => {
      for (const { cid, writes } of this.prepare(records)) this.tables.insert({ cid, isCustomer: true, isSupplier: false }, writes);
    })();
  }

  async remove(cids: string[]): Promise<void> {
    this.db.transaction(() => {
      for (const cid of cids) this.tables.remove(cid);
    })();
  }

  async allocateCid(name: string, taken: ReadonlySet<string>): Promise<string> {
    const width = this.mapping.widths.cid;
    const stem = cidStem(name, width);
    for (let attempt = 0; ; attempt++) {
      const candidate = cidCandidate(stem, attempt, width);
      if (!taken.has(candidate) && !this.tables.cidExists(candidate)) return candidate;
    }
  }

  async customFields(): Promise<CustomFieldDef[]> {
    return this.tables.customFieldDefs();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private prepare(rows: ReadonlyArray<{ cid: string; values: Values }>) {
    return prepareWrites(rows, this.mapping, this.rules, this.tables.customFieldDefs());
  }
}
