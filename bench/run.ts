/**
 * `npm run bench [-- id …]`: runs the benchmarks (all, or those named), prints their figures,
 * and rewrites their sections of bench/RESULTS.md; sections of benchmarks not run are kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCHES } from './benches';
import { machine } from './harness';

const RESULTS = join(__dirname, 'RESULTS.md');
const HEADER = '# Benchmark results\n\nRecorded by `npm run bench`. Figures are compared as ratios within one run.\n';
const section = (id: string) => new RegExp(`<!-- bench:${id} -->[\\s\\S]*?<!-- /bench:${id} -->`);

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !BENCHES.some((b) => b.id === id));
  if (unknown.length > 0) throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHES.map((b) => b.id).join(', ')}`);
  let doc = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  let failed = 0;
  for (const bench of BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.id))) {
    console.log(`\n## ${bench.title}`);
    const figures = await bench.run();
    const goals = figures.goals.map((g) => `- ${g.met ? 'met' : 'NOT MET'}: ${g.goal}`);
    failed += figures.goals.filter((g) => !g.met).length;
    const body = [`<!-- bench:${bench.id} -->`, `## ${bench.title}`, '', `${new Date().toISOString().slice(0, 10)} on ${machine()}`, '', ...figures.lines, '', ...goals, `<!-- /bench:${bench.id} -->`].join('\n');
    console.log([...figures.lines, ...goals].join('\n'));
    doc = section(bench.id).test(doc) ? doc.replace(section(bench.id), body) : `${doc.trimEnd()}\n\n${body}\n`;
    writeFileSync(RESULTS, doc);
  }
  if (failed > 0) console.log(`\n${failed} goal(s) not met: see bench/RESULTS.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
