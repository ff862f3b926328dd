/**
 * The BOB 50 connector on a dossier kept in MySQL or MariaDB (newer BOB 50 versions). Same
 * statements, mapping and checks as on SQLite; what differs is I/O: the third parties stream
 * from the server in one ordered query (memory stays flat however large the dossier), and
 * writes go in multi-row statements, one transaction per call.
 */
import type { Connection as CoreConnection } from 'mysql2';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type { BobCustomer, Values } from '../../domain/customer';
import { customFieldKey } from '../../domain/customer';
import type { BobConnector, CustomFieldDef, Progress } from '../../domain/ports';
import { chunks } from '../../util/chunks';
import { cidCandidate, cidStem } from './cidCodes';
import { mysqlDialect } from './dialect';
import { mappedColumns, parseBobMapping, type BobMapping, type BobMappingInput } from './mapping';
import { connectionError, createBobPool, describeTarget, inTransaction, withConnection, type BobMysqlOptions } from './mysqlSession';
import {
  attachCustomValues,
  cellText,
  companyRowReader,
  customFieldDefFromRow,
  type CompanyRowReader,
} from './records';
import { inspectBobSchema, schemaTables, type ColumnInfo } from './schemaCheck';
import { buildBobStatements, type BobStatements } from './statements';
import { prepareWrites, writeRules, type RowWrites, type WriteRules } from './writeChecks';

/** Rows per multi-row statement: large enough to amortise a round trip, far below max_allowed_packet. */
const BATCH = 500;
const PROGRESS_EVERY = 1000;

type Row = unknown[];

/**
 * Connects, checks the dossier against the mapping, and returns the connector. Throws a
 * BobSchemaError naming each missing table or column with its mapping key, or an error that
 * says what to check when the server cannot be reached or refuses the user.
 */
export async function openBobMysql(options: BobMysqlOptions, mappingInput: BobMappingInput = {}): Promise<BobMysqlConnector> {
  const mapping = parseBobMapping(mappingInput);
  const pool = createBobPool(options);
  try {
    const columns = await withConnection(pool, (conn) => listColumns(conn, schemaTables(mapping))).catch((error: unknown) => {
      throw connectionError(error, options);
    });
    const facts = inspectBobSchema(mapping, (table) => columns.get(table) ?? null, describeTarget(options));
    return new BobMysqlConnector(pool, mapping, writeRules(mapping, facts));
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** The columns of the given tables of the current database, by table name as MySQL stores it. */
async function listColumns(conn: PoolConnection, tables: readonly string[]): Promise<Map<string, ColumnInfo[]>> {
  const [rows] = await conn.query<RowDataPacket[]>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS name, LOWER(DATA_TYPE) AS type, CHARACTER_MAXIMUM_LENGTH AS width,
            CHARACTER_SET_NAME AS charset
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?) ORDER BY ORDINAL_POSITION`,
    [tables],
  );
  const byTable = new Map<string, ColumnInfo[]>();
  for (const r of rows) {
    const list = byTable.get(r.t as string) ?? [];
    list.push({ name: r.name, type: r.type, width: r.width === null ? undefined : Number(r.width), charset: r.charset ?? undefined });
    byTable.set(r.t as string, list);
  }
  return byTable;
}

export class BobMysqlConnector implements BobConnector {
  private readonly sql: BobStatements;
  private readonly readCompany: CompanyRowReader;

  constructor(
    private readonly pool: Pool,
    private readonly mapping: BobMapping,
    private readonly rules: WriteRules,
  ) {
    this.sql = buildBobStatements(mapping, mysqlDialect);
    this.readCompany = companyRowReader(mapping, this.sql.companyColumns);
  }

  async readAll(onProgress?: Progress): Promise<BobCustomer[]> {
    const all: BobCustomer[] = [];
    for await (const customer of this.stream(onProgress)) all.push(customer);
    return all;
  }

  /**
   * Every third party with its custom values, in code order, as the server sends them: one
   * query whose rows are read as they arrive, so memory holds one customer at a time.
   */
  async *stream(onProgress?: Progress): AsyncGenerator<BobCustomer> {
    const conn = await this.pool.getConnection();
    try {
      const [[count]] = await conn.query<RowDataPacket[]>({ sql: this.sql.countCompanies(), rowsAsArray: true });
      const total = Number((count as unknown as Row)[0]);
      const defined = (await this.customFieldDefs(conn)).map((def) => def.name);
      const width = this.sql.companyColumns.length;
      // The promise API buffers whole results; the core connection beneath it streams rows.
      const core = conn.connection as unknown as CoreConnection;
      const rows = core.query({ sql: this.sql.selectCompaniesWithCustomValues(), rowsAsArray: true }).stream({ highWaterMark: 512 });
      let current: BobCustomer | undefined;
      let done = 0;
      for await (const row of rows as AsyncIterable<Row>) {
        const cid = cellText(row[0], this.mapping.columns.cid).trim();
        if (current?.cid !== cid) {
          if (current !== undefined) {
            yield current;
            if (++done % PROGRESS_EVERY === 0) onProgress?.(done, total);
          }
          current = this.readCompany(row.slice(0, width));
          for (const name of defined) current.values[customFieldKey(name)] = '';
        }
        const name = row[width] === null ? '' : cellText(row[width], this.mapping.customFields.values.name).trim();
        // A value whose definition is gone could not be written back, so it is not read.
        if (defined.includes(name)) current.values[customFieldKey(name)] = cellText(row[width + 1], this.mapping.customFields.values.value);
      }
      if (current !== undefined) {
        yield current;
        done++;
      }
      onProgress?.(done, total);
    } finally {
      conn.release();
    }
  }

  async readMany(cids: string[]): Promise<Map<string, BobCustomer>> {
    const unique = [...new Set(cids)];
    return withConnection(this.pool, async (conn) => {
      const customers = new Map<string, BobCustomer>();
      const valueRows: Row[] = [];
      for (const chunk of chunks(unique, BATCH)) {
        for (const row of await rowsOf(conn, this.sql.selectCompaniesByCids(chunk.length), chunk)) {
          const customer = this.readCompany(row);
          customers.set(customer.cid, customer);
        }
        valueRows.push(...(await rowsOf(conn, this.sql.selectCustomValuesByCids(chunk.length), chunk)));
      }
      const names = (await this.customFieldDefs(conn)).map((def) => def.name);
      attachCustomValues(customers, names, valueRows, this.mapping.customFields.values);
      return customers;
    });
  }

  /** All in one transaction; rows that write the same columns go together in one statement. */
  async update(updates: Array<{ cid: string; values: Values }>): Promise<void> {
    await inTransaction(this.pool, async (conn) => {
      const rows = prepareWrites(mergeByCid(updates), this.mapping, this.rules, await this.customFieldDefs(conn));
      const missing = await this.absent(conn, rows.map((r) => r.cid));
      if (missing.length > 0) throw new Error(`BOB third party ${missing.join(', ')} not found`);
      const byColumns = new Map<string, RowWrites[]>();
      for (const row of rows) {
        if (row.writes.columns.length === 0) continue;
        const key = row.writes.columns.map(([column]) => column).join('\u0000');
        byColumns.set(key, [...(byColumns.get(key) ?? []), row]);
      }
      for (const group of byColumns.values()) {
        const columns = group[0].writes.columns.map(([column]) => column);
        for (const chunk of chunks(group, BATCH)) {
          const params = columns.flatMap((_, i) => chunk.flatMap((r) => [r.cid, r.writes.columns[i][1]]));
          await conn.query(this.sql.updateCompanies(columns, chunk.length), [...params, ...chunk.map((r) => r.cid)]);
        }
      }
      await this.writeCustomValues(conn, rows);
    });
  }

  async create(records: Array<{ cid: string; values: Values }>): Promise<void> {
    await inTransaction(this.pool, async (conn) => {
      if (records.some((r) => r.cid === '')) throw new Error('A BOB third party needs a code (CID)');
      const cids = records.map((r) => r.cid);
      const twice = cids.find((cid, i) => cids.indexOf(cid) !== i);
      if (twice !== undefined) throw new Error(`BOB third party ${twice} is created twice in one batch`);
      const absent = new Set(await this.absent(conn, cids));
      const existing = cids.filter((cid) => !absent.has(cid));
      if (existing.length > 0) throw new Error(`BOB third party ${existing.join(', ')} already exists`);
      const rows = prepareWrites(records, this.mapping, this.rules, await this.customFieldDefs(conn));
      const { columns: columnMap, flags } = this.mapping;
      const columns = mappedColumns(this.mapping).map(({ column }) => column);
      for (const chunk of chunks(rows, BATCH)) {
        const params = chunk.flatMap(({ cid, writes }) => {
          // Every mapped column not given is written blank, never left null.
          const row = new Map<string, string>(columns.map((column) => [column, '']));
          row.set(columnMap.cid, cid);
          row.set(columnMap.customer, flags.customer);
          for (const [column, value] of writes.columns) row.set(column, value);
          return [...row.values()];
        });
        await conn.query(this.sql.insertCompany(columns, chunk.length), params);
      }
      await this.writeCustomValues(conn, rows);
    });
  }

  async remove(cids: string[]): Promise<void> {
    await inTransaction(this.pool, async (conn) => {
      const { table, cid } = this.mapping.customFields.values;
      const q = mysqlDialect.quote;
      for (const chunk of chunks(cids, BATCH)) {
        await conn.query(`DELETE FROM ${q(table)} WHERE ${q(cid)} IN (?)`, [chunk]);
        await conn.query(`DELETE FROM ${q(this.mapping.table)} WHERE ${q(this.mapping.columns.cid)} IN (?)`, [chunk]);
      }
    });
  }

  async allocateCid(name: string, taken: ReadonlySet<string>): Promise<string> {
    const width = this.mapping.widths.cid;
    const stem = cidStem(name, width);
    return withConnection(this.pool, async (conn) => {
      for (let attempt = 0; ; attempt++) {
        const candidate = cidCandidate(stem, attempt, width);
        if (!taken.has(candidate) && (await rowsOf(conn, this.sql.cidExists(), [candidate])).length === 0) return candidate;
      }
    });
  }

  async customFields(): Promise<CustomFieldDef[]> {
    return withConnection(this.pool, (conn) => this.customFieldDefs(conn));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async customFieldDefs(conn: PoolConnection): Promise<CustomFieldDef[]> {
    const rows = await rowsOf(conn, this.sql.selectCustomFieldDefs(), []);
    return rows.map((row) => customFieldDefFromRow(row, this.mapping.customFields.definitions));
  }

  /** The codes among these that no third party has; the others are locked until the transaction ends. */
  private async absent(conn: PoolConnection, cids: readonly string[]): Promise<string[]> {
    const present = new Set<string>();
    for (const chunk of chunks([...new Set(cids)], BATCH)) {
      // MySQL compares codes by the column's collation: map what it found back to what was asked.
      for (const [cid] of await rowsOf(conn, this.sql.lockCids(chunk.length), chunk)) present.add(cellText(cid, 'CID').trim().toUpperCase());
    }
    return cids.filter((cid) => !present.has(cid.toUpperCase()));
  }

  private async writeCustomValues(conn: PoolConnection, rows: readonly RowWrites[]): Promise<void> {
    const values = rows.flatMap(({ cid, writes }) => writes.custom.map(([name, value]) => [cid, name, value]));
    for (const chunk of chunks(values, BATCH)) await conn.query(this.sql.upsertCustomValue(chunk.length), chunk.flat());
  }
}

async function rowsOf(conn: PoolConnection, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const [rows] = await conn.query({ sql, rowsAsArray: true }, [...params]);
  return rows as unknown as Row[];
}


/**
 * One update per code, later values over earlier ones: a multi-row statement sets each row
 * once, where separate statements would have applied them in order.
 */
function mergeByCid(updates: ReadonlyArray<{ cid: string; values: Values }>): Array<{ cid: string; values: Values }> {
  const merged = new Map<string, Values>();
  for (const { cid, values } of updates) merged.set(cid, { ...merged.get(cid), ...values });
  return [...merged].map(([cid, values]) => ({ cid, values }));
}
