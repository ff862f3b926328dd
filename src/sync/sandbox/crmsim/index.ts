/** Sage CRM REST simulator: an SQLite-backed store and the HTTP server that exposes it. */
export type { SimFieldDef, SimFieldType, SqlValue } from './catalogue';
export { SimInputError, SimNotFoundError } from './errors';
export { simCompanyFromValues } from './fromValues';
export type { CustomFieldInput, CustomFieldType } from './schema';
export type { CrmSimFaults, FaultCounts } from './faults';
export { LOOPBACK_HOSTS, startCrmSimulator } from './server';
export type { CrmSimulator, CrmSimulatorOptions, LoopbackHost } from './server';
export { CrmSimStore } from './store';
export type { ListQuery, SimAddressInput, SimCompany, SimCompanyInput, SimCompanyPatch, SimRow } from './store';
