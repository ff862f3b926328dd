/** Benchmarks of the sync engine on large sandbox dossiers (issue: the sync engine). */
import type { PendingRow } from '../src/contract/pending';
import { writePendingWorkbook } from '../src/sync/xlsx';
import { child, copyDossier, openBench, scratch, synchronisedDossier, withRemoteCrm } from './dossiers';
import { fmt, peakRss, timed, type Bench } from './harness';
import { join } from 'node:path';

const CUSTOMERS = 100_000;

interface PullFigures {
  bob: number;
  crm: number;
  rows: number;
  readSeconds: number;
  pullSeconds: number;
  firstPullSeconds: number;
  peakMb: number;
  idleMb: number;
}

export const pullBench: Bench = {
  id: 'pull',
  title: `Pull of ${CUSTOMERS.toLocaleString('en')} customers, 10% changed on each side`,
  async run() {
    const dir = await synchronisedDossier(CUSTOMERS, 0.1);
    const f = await withRemoteCrm(dir, () => child<PullFigures>('pull.ts', [dir]));
    const ratio = f.pullSeconds / f.readSeconds;
    return {
      lines: [
        'The pull runs in a fresh process and the CRM simulator in another, as a real Sage CRM would.',
        '',
        '| measure | figure |',
        '|---|---|',
        `| BOB third parties / CRM companies read | ${f.bob} / ${f.crm} |`,
        `| pending rows written to the store | ${f.rows} |`,
        `| first pull, from the idle process | ${fmt(f.firstPullSeconds)} s |`,
        `| read both sides only (mean of two, alternated with two pulls) | ${fmt(f.readSeconds)} s |`,
        `| full pull: read, diff, store (mean of two) | ${fmt(f.pullSeconds)} s |`,
        `| pull ÷ read | ${fmt(ratio)} |`,
        `| peak RSS above the idle process (${fmt(f.idleMb, 0)} MB) during the first pull | ${fmt(f.peakMb, 0)} MB |`,
      ],
      goals: [
        { goal: `peak RSS of the pull ≤ 500 MB (${fmt(f.peakMb, 0)} MB)`, met: f.peakMb <= 500 },
        { goal: `pull wall time ≤ 1.3 × the time to only read both sides (${fmt(ratio)}×)`, met: ratio <= 1.3 },
      ],
    };
  },
};

/** Copies of real pending rows under new keys, to reach any count. */
function manyRows(rows: PendingRow[], count: number): PendingRow[] {
  return Array.from({ length: count }, (_, i) => {
    const r = rows[i % rows.length];
    return { ...r, key: `${r.key}#${i}`, bobId: r.bobId && `${r.bobId}-${i}` };
  });
}

export const xlsxBench: Bench = {
  id: 'xlsx',
  title: 'Streaming xlsx export of the pending sheets',
  async run() {
    const dir = await synchronisedDossier(10_000, 0.2);
    const d = await openBench(dir);
    const { pulled, view } = await d.engine
      .pull('bench')
      .then((p) => ({ pulled: p, view: d.store.pullView(p.pull.id) }))
      .finally(() => d.close());
    const sizes = [25_000, 100_000];
    const figures: Array<{ rows: number; seconds: number; peakMb: number }> = [];
    for (const size of sizes) {
      const rows = manyRows(pulled.rows, size);
      const file = join(scratch(), `pending-${size}.xlsx`);
      const run = await peakRss(() =>
        timed(() => writePendingWorkbook(file, { pullId: 'P-bench', dossier: 'sandbox', locale: 'fr', rows, view, customFields: pulled.settings })),
      );
      figures.push({ rows: size, seconds: run.value.seconds, peakMb: run.peakMb });
    }
    const growth = figures[1].peakMb - figures[0].peakMb;
    return {
      lines: [
        '| pending rows (Synchronisation + their Détails rows) | write time | peak RSS above the rows already in memory |',
        '|---|---|---|',
        ...figures.map((f) => `| ${f.rows.toLocaleString('en')} | ${fmt(f.seconds)} s | ${fmt(f.peakMb, 0)} MB |`),
      ],
      goals: [{ goal: `memory does not grow with the row count: 4× the rows costs ${fmt(growth, 0)} MB more (≤ 64 MB)`, met: growth <= 64 }],
    };
  },
};

const UPDATES = 10_000;

export const applyBench: Bench = {
  id: 'apply',
  title: `Apply of ${UPDATES.toLocaleString('en')} updates to the CRM simulator with 5 ms latency per request`,
  async run() {
    const dir = await synchronisedDossier(UPDATES * 2, 0);
    {
      const d = await openBench(dir);
      try {
        // One field changed in BOB on 10,000 associated customers: 10,000 rows to write to CRM.
        const associated = d.store.associations('sandbox').slice(0, UPDATES);
        await d.engine.ctx.bob.update(associated.map((a, i) => ({ cid: a.bobId!, values: { website: `https://www.client-${i}.be` } })));
      } finally {
        await d.close();
      }
    }
    const runWith = async (concurrency: number) => {
      const d = await openBench(copyDossier(dir), { concurrency });
      try {
        const p = await d.engine.pull('bench');
        await d.engine.backup('bench');
        d.simulator!.setLatency(5);
        const decisions = p.rows.map((r) => ({ key: r.key, version: r.version, never: false, skip: false, reason: '', directions: {} }));
        const run = await timed(() => d.engine.apply({ pullId: p.pull.id, decisions, confirmed: true, dryRun: false, user: 'bench' }));
        return { seconds: run.seconds, applied: run.value.counts.applied ?? 0 };
      } finally {
        await d.close();
      }
    };
    const one = await runWith(1);
    const eight = await runWith(8);
    const speedup = one.seconds / eight.seconds;
    return {
      lines: [
        '| CRM requests in flight | rows applied | time | rows/s |',
        '|---|---|---|---|',
        `| 1 | ${one.applied} | ${fmt(one.seconds)} s | ${fmt(one.applied / one.seconds, 0)} |`,
        `| 8 (default) | ${eight.applied} | ${fmt(eight.seconds)} s | ${fmt(eight.applied / eight.seconds, 0)} |`,
        '',
        'Each row is read again from both systems (the stale guard), then written: BOB 50 in one transaction per 500 rows, Sage CRM with one PATCH per company.',
      ],
      goals: [{ goal: `concurrency 8 at least 4× faster than one request at a time (${fmt(speedup)}×)`, met: speedup >= 4 }],
    };
  },
};
