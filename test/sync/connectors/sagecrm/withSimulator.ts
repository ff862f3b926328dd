/** A CRM simulator on loopback, seeded, with a client pointed at it. */
import { SageCrmClient, type CustomFieldRef, type SageCrmConfigInput } from '../../../../src/sync/connectors/sagecrm';
import {
  CrmSimStore,
  startCrmSimulator,
  type CrmSimulator,
  type SimCompanyInput,
} from '../../../../src/sync/sandbox/crmsim';

export const USER = 'webservice';
export const PASSWORD = 'sandbox-secret';

export interface Harness {
  store: CrmSimStore;
  sim: CrmSimulator;
  client(overrides?: Partial<SageCrmConfigInput>, customFields?: CustomFieldRef[]): SageCrmClient;
  close(): Promise<void>;
}

export async function withSimulator(seed: SimCompanyInput[], opts: { maxPageSize?: number } = {}): Promise<Harness> {
  const store = CrmSimStore.open(':memory:');
  store.defineCustomField({ name: 'comp_secteur', type: 'string', length: 20 });
  store.defineCustomField({ name: 'comp_employees', type: 'number' });
  store.insertCompanies(seed);
  const sim = await startCrmSimulator({ store, users: { [USER]: PASSWORD }, maxPageSize: opts.maxPageSize });
  return {
    store,
    sim,
    client: (overrides = {}, customFields = [{ name: 'Secteur', type: 'string' }, { name: 'EMPLOYEES', type: 'number' }]) =>
      new SageCrmClient({ baseUrl: sim.url, user: USER, password: PASSWORD, ...overrides }, customFields),
    close: async () => {
      await sim.close();
      store.close();
    },
  };
}

export const company = (n: number, extra: Partial<SimCompanyInput> = {}): SimCompanyInput => ({
  comp_name: `Company ${n}`,
  comp_type: 'Customer',
  comp_bobsync: true,
  comp_vatnumber: `BE0${String(n).padStart(9, '0')}`,
  ...extra,
});
