/** New dossier files in the shape the connector expects: for the sandbox and for tests. */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BobCustomer } from '../../domain/customer';
import type { CustomFieldDef } from '../../domain/ports';
import { sqliteDialect } from './dialect';
import { parseBobMapping, type BobMappingInput } from './mapping';
import { SqliteBobTables } from './sqliteTables';
import { buildBobStatements } from './statements';

/** Creates the third-party table (every mapped column and a few unmapped real ones) and the custom-field tables. */
export function createBobSchema(db: Database.Database, mappingInput: BobMappingInput = {}): void {
  const mapping = parseBobMapping(mappingInput);
  db.transaction(() => {
    for (const ddl of buildBobStatements(mapping, sqliteDialect).createTables()) db.exec(ddl);
  })();
}

export interface BobDossierContent {
  thirdParties: readonly BobCustomer[];
  /** `tab` is the group BOB shows the field in. */
  customFieldDefs: ReadonlyArray<CustomFieldDef & { tab?: string }>;
}

/**
 * Writes a new dossier file with its third parties (customers and suppliers, flags as given).
 * Refuses an existing file: a dossier is never overwritten.
 */
export function createBobDossier(file: string, content: BobDossierContent, mappingInput: BobMappingInput = {}): void {
  if (existsSync(file)) throw new Error(`BOB dossier ${file} already exists`);
  const mapping = parseBobMapping(mappingInput);
  const db = new Database(file);
  try {
    createBobSchema(db, mapping);
    const tables = new SqliteBobTables(db, mapping);
    db.transaction(() => {
      for (const def of content.customFieldDefs) tables.insertCustomFieldDef(def, def.tab ?? '');
      for (const thirdParty of content.thirdParties) tables.insertAsGiven(thirdParty);
    })();
  } finally {
    db.close();
  }
}
