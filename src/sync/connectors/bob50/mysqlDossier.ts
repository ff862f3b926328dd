/**
 * New BOB 50 dossiers on MySQL or MariaDB, in the shape the connector expects: for the tests,
 * the benchmarks and demonstrations. Real dossiers are BOB's; this never touches one that has
 * the tables already.
 */
import type { BobCustomer } from '../../domain/customer';
import { chunks } from '../../util/chunks';
import { mysqlDialect } from './dialect';
import { mappedColumns, parseBobMapping, type BobMappingInput } from './mapping';
import { createBobPool, inTransaction, type BobMysqlOptions } from './mysqlSession';
import { columnWrites } from './records';
import type { BobDossierContent } from './sqliteDossier';
import { buildBobStatements } from './statements';

const BATCH = 1000;

/** Creates the tables in `options.database` (which must exist, without them) and fills them. */
export async function createBobMysqlDossier(
  options: BobMysqlOptions,
  content: BobDossierContent,
  mappingInput: BobMappingInput = {},
): Promise<void> {
  const mapping = parseBobMapping(mappingInput);
  const sql = buildBobStatements(mapping, mysqlDialect);
  const pool = createBobPool(options);
  try {
    // DDL commits on its own in MySQL: the tables are made first, then filled in one transaction.
    for (const ddl of sql.createTables()) await pool.query(ddl);
    await inTransaction(pool, async (conn) => {
      for (const def of content.customFieldDefs) {
        await conn.query(sql.insertCustomFieldDef(), [def.name, def.type, def.length ?? null, def.tab ?? '']);
      }
      const columns = mappedColumns(mapping).map(({ column }) => column);
      const row = (party: BobCustomer): string[] => {
        const cells = new Map<string, string>(columns.map((column) => [column, '']));
        cells.set(mapping.columns.cid, party.cid);
        cells.set(mapping.columns.customer, party.isCustomer ? mapping.flags.customer : '');
        cells.set(mapping.columns.supplier, party.isSupplier ? mapping.flags.supplier : '');
        for (const [column, value] of columnWrites(party.values, mapping).columns) cells.set(column, value);
        return [...cells.values()];
      };
      for (const chunk of chunks(content.thirdParties, BATCH)) {
        await conn.query(sql.insertCompany(columns, chunk.length), chunk.flatMap(row));
        const values = chunk.flatMap((party) =>
          columnWrites(party.values, mapping).custom.map(([name, value]) => [party.cid, name, value]),
        );
        if (values.length > 0) await conn.query(sql.upsertCustomValue(values.length), values.flat());
      }
    });
  } finally {
    await pool.end();
  }
}
