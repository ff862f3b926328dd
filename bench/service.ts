/**
 * Benchmarks of the sync service over real HTTP on loopback (issue: the sync service), the
 * service in a process of its own (serviceProcess.ts).
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { MAX_PAGE } from '../src/contract/api';
import { scratch, synchronisedDossier } from './dossiers';
import { fmt, timed, type Bench } from './harness';
import { peakOf, startServiceProcess, type ServiceProcess } from './serviceProcess';

const CUSTOMERS = 100_000;

/** Every page of a list, as the task pane reads it; counts the bytes that crossed the wire. */
async function readAllPages(s: ServiceProcess, path: string, encoding: 'gzip' | 'identity'): Promise<{ bytes: number; items: number; pages: number }> {
  let bytes = 0;
  let items = 0;
  for (let offset = 0, pages = 1; ; offset += MAX_PAGE, pages++) {
    const res = await request(`${s.url}/api/v1${path}?offset=${offset}&limit=${MAX_PAGE}`, {
      headers: { authorization: `Bearer ${s.token}`, 'accept-encoding': encoding },
    });
    const body = Buffer.from(await res.body.arrayBuffer());
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`);
    if ((res.headers['content-encoding'] ?? 'identity') !== encoding) throw new Error(`${path} came back as ${String(res.headers['content-encoding'])}`);
    const page = JSON.parse((encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8')) as { total: number; items: unknown[] };
    bytes += body.length;
    items += page.items.length;
    if (offset + MAX_PAGE >= page.total) return { bytes, items, pages };
  }
}

/** Reads every page of both lists of a pull, plain then gzipped, watching the service's memory. */
async function serveAll(s: ServiceProcess, pullId: string) {
  const lists = [`/dossiers/sandbox/pulls/${pullId}/rows`, `/dossiers/sandbox/pulls/${pullId}/associations`];
  const served = await peakOf(s.rssMb, () =>
    timed(async () => {
      const plain = await Promise.all(lists.map((l) => readAllPages(s, l, 'identity')));
      const zipped = await Promise.all(lists.map((l) => readAllPages(s, l, 'gzip')));
      return { plain, zipped };
    }),
  );
  return { ...served.value.value, seconds: served.value.seconds, peakMb: served.peakMb };
}

export const servicePagesBench: Bench = {
  id: 'service-pages',
  title: `Service: a pull of ${CUSTOMERS.toLocaleString('en')} customers served as pages of ${MAX_PAGE.toLocaleString('en')}`,
  async run() {
    const dossier = await synchronisedDossier(CUSTOMERS, 0.1);
    const start = () => {
      const dir = scratch();
      return startServiceProcess({ dossier, stateDir: join(dir, 'state'), logFile: join(dir, 'service.log'), verify: true });
    };

    // The accountant's session: the service computes the pull, then serves it.
    const first = await start();
    let pullId: string;
    let computing: { idle: number; pullPeak: number; pullSeconds: number; afterPull: number; servePeak: number };
    try {
      const idle = first.rssMb();
      const pulled = await peakOf(first.rssMb, () =>
        timed(async () => {
          const res = await request(`${first.url}/api/v1/dossiers/sandbox/pulls`, { method: 'POST', headers: { authorization: `Bearer ${first.token}` } });
          const body = (await res.body.json()) as { id: string };
          if (res.statusCode !== 201) throw new Error(`pull answered ${res.statusCode}: ${JSON.stringify(body)}`);
          return body.id;
        }),
      );
      pullId = pulled.value.value;
      const afterPull = first.rssMb();
      const served = await serveAll(first, pullId);
      computing = { idle, pullPeak: pulled.peakMb, pullSeconds: pulled.value.seconds, afterPull, servePeak: served.peakMb };
    } finally {
      await first.stop();
    }

    // Serving alone: a service at rest serves the stored pull.
    const second = await start();
    try {
      const idle = second.rssMb();
      const { plain, zipped, seconds, peakMb } = await serveAll(second, pullId);
      const sum = (xs: Array<{ bytes: number }>) => xs.reduce((n, x) => n + x.bytes, 0);
      const ratio = sum(plain) / sum(zipped);
      const servingAbove = peakMb - idle;
      const mb = (n: number) => fmt(n / 2 ** 20, 1);
      return {
        lines: [
          '| measure | figure |',
          '|---|---|',
          `| pending rows / entries of the global view | ${plain[0].items} / ${plain[1].items} |`,
          `| pages read (each list twice: identity, then gzip) | ${plain[0].pages + plain[1].pages} × 2 |`,
          `| bytes on the wire, identity / gzip | ${mb(sum(plain))} MB / ${mb(sum(zipped))} MB |`,
          `| gzip shrinks the transfer | ${fmt(ratio, 1)}× |`,
          `| time to read every page twice | ${fmt(seconds)} s |`,
          `| service at rest: RSS idle / peak above idle while serving | ${fmt(idle, 0)} MB / ${fmt(servingAbove, 0)} MB |`,
          `| time to compute the pull (POST, reads both systems) | ${fmt(computing.pullSeconds)} s |`,
          `| service that computed the pull: RSS idle / peak above idle while computing / after / peak above idle while then serving | ${fmt(computing.idle, 0)} MB / ${fmt(computing.pullPeak - computing.idle, 0)} MB / ${fmt(computing.afterPull, 0)} MB / ${fmt(computing.servePeak - computing.idle, 0)} MB |`,
          '',
          'The service computes a pull in memory (BOB read whole, CRM compared page by page, here with the CRM simulator in the same process); V8 keeps the heap it grew to, ' +
            'so the RSS of a service that has just computed a pull stays near that peak although little of it is live.',
        ],
        goals: [
          { goal: `peak RSS of the service ≤ 300 MB above idle while serving (${fmt(servingAbove, 0)} MB)`, met: servingAbove <= 300 },
          { goal: `gzip shrinks the transfer at least 5× (${fmt(ratio, 1)}×)`, met: ratio >= 5 },
        ],
      };
    } finally {
      await second.stop();
    }
  },
};

const LOAD_SECONDS = 10;
const CONNECTIONS = 16;

async function load(s: ServiceProcess, paths: string[]): Promise<autocannon.Result> {
  const result = await autocannon({
    url: s.url,
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
    headers: { authorization: `Bearer ${s.token}` },
    requests: paths.map((path) => ({ method: 'GET', path: `/api/v1${path}` })),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${paths[0]}: ${result.non2xx} answers not 2xx, ${result.errors} errors`);
  return result;
}

export const serviceLoadBench: Bench = {
  id: 'service-load',
  title: `Service under load: status and dossier reads (autocannon, ${CONNECTIONS} connections, ${LOAD_SECONDS} s each, loopback)`,
  async run() {
    const dossier = await synchronisedDossier(10_000, 0.1);
    const figures: Record<string, { on: autocannon.Result; off: autocannon.Result }> = {};
    const results: Record<'on' | 'off', Record<string, autocannon.Result>> = { on: {}, off: {} };
    for (const verify of [true, false]) {
      const dir = scratch();
      const s = await startServiceProcess({ dossier, stateDir: join(dir, 'state'), logFile: join(dir, 'service.log'), verify });
      try {
        // A pull first, so that a customer's status looks its row up in it.
        const pulled = await request(`${s.url}/api/v1/dossiers/sandbox/pulls`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
        const pullId = ((await pulled.body.json()) as { id: string }).id;
        const rows = await request(`${s.url}/api/v1/dossiers/sandbox/pulls/${pullId}/rows?limit=200`, { headers: { authorization: `Bearer ${s.token}` } });
        const cids = ((await rows.body.json()) as { items: Array<{ bobId: string | null }> }).items.flatMap((r) => (r.bobId ? [r.bobId] : []));
        const kind = verify ? 'on' : 'off';
        results[kind].dossier = await load(s, ['/dossiers/sandbox']);
        results[kind].status = await load(s, cids.map((cid) => `/dossiers/sandbox/customers/bob/${encodeURIComponent(cid)}`));
      } finally {
        await s.stop();
      }
    }
    for (const what of ['dossier', 'status']) figures[what] = { on: results.on[what], off: results.off[what] };
    const rps = (r: autocannon.Result) => r.requests.average;
    const line = (label: string, f: { on: autocannon.Result; off: autocannon.Result }) =>
      `| ${label} | ${fmt(rps(f.on), 0)} | ${f.on.latency.p50} / ${f.on.latency.p99} ms | ${fmt(rps(f.off), 0)} | ${fmt(rps(f.on) / rps(f.off))} |`;
    return {
      lines: [
        '| read | req/s, verification on | p50 / p99 latency, on | req/s, verification off | on ÷ off |',
        '|---|---|---|---|---|',
        line('GET /dossiers/sandbox (dossier)', figures.dossier),
        line('GET /dossiers/sandbox/customers/bob/{cid} (status)', figures.status),
        '',
        'Logging at info level to a file, per-user rate limit raised out of the way; tokens RS256 (as Entra ID).',
      ],
      goals: Object.entries(figures).map(([what, f]) => ({
        goal: `${what} reads ≥ 2,000 requests/s with token verification on (${fmt(rps(f.on), 0)})`,
        met: rps(f.on) >= 2000,
      })),
    };
  },
};
