/**
 * Measures one pull in a fresh process (see engine.ts): the time to only read both sides, the
 * time of the full pull, and the peak resident memory above the process's idle size.
 */
import { loadDossier } from '../../src/sync/config';
import { openDossier } from '../../src/sync/dossier';
import { peakRss, timed } from '../harness';

async function main(): Promise<void> {
  const d = await openDossier(loadDossier(process.argv[2]));
  try {
    const { bob, crm } = d.engine.ctx;
    const readOnly = async () => (await timed(() => Promise.all([bob.readAll(), crm.readAll()]))).seconds;
    const pullOnce = async () => (await timed(() => d.engine.pull('bench'))).seconds;
    // The first pull runs from the idle process, for its memory; the times compare warm runs of
    // each, alternated, so that neither gains from caches the other filled.
    const pulled = await peakRss(() => timed(() => d.engine.pull('bench')));
    const reads = [await readOnly()];
    const pulls = [await pullOnce()];
    reads.push(await readOnly());
    pulls.push(await pullOnce());
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const { rows, pull } = pulled.value.value;
    const figures = {
      bob: pull.counts.bob,
      crm: pull.counts.crm,
      rows: rows.length,
      readSeconds: mean(reads),
      pullSeconds: mean(pulls),
      firstPullSeconds: pulled.value.seconds,
      peakMb: pulled.peakMb,
      idleMb: pulled.baseMb,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await d.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
