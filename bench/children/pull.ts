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
    // The pull comes first, so that its memory is measured from the idle process.
    const pulled = await peakRss(() => timed(() => d.engine.pull('bench')));
    const before = await readOnly();
    const after = await readOnly();
    const { rows, pull } = pulled.value.value;
    const figures = {
      bob: pull.counts.bob,
      crm: pull.counts.crm,
      rows: rows.length,
      readSeconds: (before + after) / 2,
      pullSeconds: pulled.value.seconds,
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
