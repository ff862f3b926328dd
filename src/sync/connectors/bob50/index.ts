/** The BOB 50 connector: mapping, and dossiers on SQLite or on MySQL/MariaDB. */
export { parseBobMapping, DEFAULT_BOB_MAPPING, BobMappingError } from './mapping';
export type { BobMapping, BobMappingInput } from './mapping';
export { BobSchemaError } from './schemaCheck';
export { BobWriteError } from './writeChecks';
export { openBobSqlite } from './sqliteConnector';
export { createBobSchema, createBobDossier } from './sqliteDossier';
export type { BobDossierContent } from './sqliteDossier';
export { openBobMysql, BobMysqlConnector } from './mysqlConnector';
export { createBobMysqlDossier } from './mysqlDossier';
export type { BobMysqlOptions } from './mysqlSession';
export { cidStem, cidCandidate } from './cidCodes';
