/**
 * Run by kill.test.ts in a child process: applies every pending row of the dossier in argv[2]
 * and kills its own process, without any chance to clean up, at journal step number argv[3].
 */
import { applyAll } from './settle';
import { open } from './world';

async function main(): Promise<void> {
  const [dir, at] = process.argv.slice(2);
  const d = await open(dir);
  let calls = 0;
  d.engine.ctx.faults = {
    at: () => {
      if (calls++ === Number(at)) process.kill(process.pid, 'SIGKILL');
    },
  };
  await applyAll(d);
  throw new Error(`step ${at} was never reached`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
