/**
 * Reading 100,000 companies with address, phone and e-mail from the Sage CRM simulator over
 * HTTP with 20 ms of latency per request and pages capped at 100 (the cap of Sage's older
 * SData feed): pipelined requests within the concurrency limit against one connection reading
 * page after page.
 */
import { SageCrmClient } from '../src/sync/connectors/sagecrm';
import { CrmSimStore, startCrmSimulator, type SimCompanyInput } from '../src/sync/sandbox/crmsim';
import { fmt, timed, type Bench } from './harness';

const COMPANIES = 100_000;
const LATENCY_MS = 20;
const PAGE_CAP = 100;
const CONCURRENCY = 8;

function seed(): SimCompanyInput[] {
  return Array.from({ length: COMPANIES }, (_, i) => ({
    comp_name: `Société ${i}`,
    comp_type: 'Customer',
    comp_bobsync: true,
    comp_vatnumber: `BE0${String(400_000_000 + i)}`,
    address: { addr_address1: `Rue de la Station ${i % 300}`, addr_postcode: '5000', addr_city: 'Namur', addr_country: 'BE' },
    phone: `+32 81 ${String(i).padStart(6, '0')}`,
    email: `info${i}@example.be`,
  }));
}

export const crmReadBench: Bench = {
  id: 'crm-read',
  title: `Sage CRM client: reading ${COMPANIES.toLocaleString('en')} companies with address, phone and e-mail`,
  async run() {
    const store = CrmSimStore.open(':memory:');
    store.insertCompanies(seed());
    const sim = await startCrmSimulator({ store, users: { bench: 'bench' }, latencyMs: LATENCY_MS, maxPageSize: PAGE_CAP });
    try {
      const read = async (concurrency: number) => {
        const client = new SageCrmClient({ baseUrl: sim.url, user: 'bench', password: 'bench', concurrency, pageSize: PAGE_CAP });
        try {
          const requests = sim.requestCount();
          const { value, seconds } = await timed(() => client.readAll());
          if (value.length !== COMPANIES) throw new Error(`read ${value.length} companies instead of ${COMPANIES}`);
          return { seconds, perSecond: COMPANIES / seconds, requests: sim.requestCount() - requests };
        } finally {
          await client.close();
        }
      };
      const sequential = await read(1);
      const pipelined = await read(CONCURRENCY);
      const ratio = pipelined.perSecond / sequential.perSecond;
      return {
        lines: [
          `Simulator on loopback, ${LATENCY_MS} ms latency per request, pages capped at ${PAGE_CAP}.`,
          '',
          '| read | requests | seconds | companies/s |',
          '|---|---|---|---|',
          `| one connection, page after page | ${sequential.requests} | ${fmt(sequential.seconds)} | ${fmt(sequential.perSecond, 0)} |`,
          `| pipelined, ${CONCURRENCY} connections | ${pipelined.requests} | ${fmt(pipelined.seconds)} | ${fmt(pipelined.perSecond, 0)} |`,
          '',
          `Ratio pipelined / sequential: ${fmt(ratio)}×`,
        ],
        goals: [{ goal: `pipelined read ≥ 3× the sequential one at ${LATENCY_MS} ms latency (${fmt(ratio)}×)`, met: ratio >= 3 }],
      };
    } finally {
      await sim.close();
      store.close();
    }
  },
};
