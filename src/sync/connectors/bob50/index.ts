/** The BOB 50 connector: mapping, SQLite dossiers, and the pieces a MySQL driver would share. */
export { parseBobMapping, DEFAULT_BOB_MAPPING, BobMappingError } from './mapping';
export type { BobMapping, BobMappingInput } from './mapping';
export { BobSchemaError } from './schemaCheck';
export { openBobSqlite } from './sqliteConnector';
export { createBobSchema, createBobDossier } from './sqliteDossier';
export type { BobDossierContent } from './sqliteDossier';
export { cidStem, cidCandidate } from './cidCodes';
