/** A CRM simulator on loopback, seeded, with clients pointed at it; faults on when asked. */
import { SageCrmClient, type CustomFieldRef, type SageCrmConfigInput } from '../../../../src/sync/connectors/sagecrm';
import {
  CrmSimStore,
  startCrmSimulator,
  type CrmSimFaults,
  type CrmSimulator,
  type SimCompanyInput,
} from '../../../../src/sync/sandbox/crmsim';

export const USER = 'webservice';
export const PASSWORD = 'sandbox-secret';
export const SESSION_ID = '125407476439516';

/** The fault mode: 20% of requests answered 5xx or 429, 100 ms latency, dropped connections. */
export const FAULTS: Partial<CrmSimFaults> = { latencyMs: 100, errorRate: 0.2, dropRate: 0.1 };

export interface Harness {
  store: CrmSimStore;
  sim: CrmSimulator;
  faulty: boolean;
  client(overrides?: Partial<SageCrmConfigInput>, customFields?: CustomFieldRef[]): SageCrmClient;
  close(): Promise<void>;
}

export interface HarnessOptions {
  maxPageSize?: number;
  faults?: Partial<CrmSimFaults> | null;
  tls?: { key: string; cert: string };
}

export async function withSimulator(seed: SimCompanyInput[], opts: HarnessOptions = {}): Promise<Harness> {
  const store = CrmSimStore.open(':memory:');
  store.defineCustomField({ name: 'comp_secteur', type: 'string', length: 20 });
  store.defineCustomField({ name: 'comp_employees', type: 'number' });
  store.insertCompanies(seed);
  const sim = await startCrmSimulator({
    store,
    users: { [USER]: PASSWORD },
    sessionIds: [SESSION_ID],
    maxPageSize: opts.maxPageSize,
    tls: opts.tls,
    latencyMs: opts.faults?.latencyMs,
    faults: opts.faults ?? undefined,
  });
  const clients: SageCrmClient[] = [];
  // Under faults a request may need several attempts; short back-offs keep the suite quick.
  const retries = opts.faults ? { maxAttempts: 12, retryBaseMs: 5, retryMaxMs: 50 } : {};
  return {
    store,
    sim,
    faulty: Boolean(opts.faults),
    client: (overrides = {}, customFields = [{ name: 'Secteur', type: 'string' }, { name: 'EMPLOYEES', type: 'number' }]) => {
      const client = new SageCrmClient({ baseUrl: sim.url, user: USER, password: PASSWORD, ...retries, ...overrides }, customFields);
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients.splice(0)) await client.close();
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
