/** Sage CRM connector: a REST client implementing CrmConnector. */
export { SageCrmClient } from './client';
export { parseSageCrmConfig, SageCrmConfigSchema } from './config';
export type { SageCrmConfig, SageCrmConfigInput } from './config';
export { CrmError } from './errors';
export type { CrmErrorKind } from './errors';
export { crmCustomColumn, toCrmValue, fromCrmValue } from './mapping';
export type { CustomFieldRef } from './mapping';
