/**
 * A real process killed (SIGKILL) in the middle of an apply, once at the first point of each
 * journal step; the next process to open the dossier settles what the dead one left.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Step } from '../../../src/sync/engine/journal';
import { applyAll, contents, expectSettled } from './settle';
import { copyOf, open, prepareTemplate, removeWorlds } from './world';

let template: string;
beforeAll(async () => {
  template = await prepareTemplate(20, 3);
}, 60_000);
afterAll(removeWorlds);

it('leaves nothing half-applied when the process is killed at any journal step', async () => {
  const ref = await open(copyOf(template));
  const points: Step[] = [];
  let final: Awaited<ReturnType<typeof contents>>;
  try {
    ref.engine.ctx.faults = { at: (step) => void points.push(step) };
    await applyAll(ref);
    ref.engine.ctx.faults = undefined;
    final = await contents(ref);
  } finally {
    await ref.close();
  }
  const firstOfEach = [...new Set(points)].map((step) => points.indexOf(step));
  expect(firstOfEach).toHaveLength(6);

  for (const at of firstOfEach) {
    const dir = copyOf(template);
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'killChild.ts'), dir, String(at)], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ step: points[at], signal: child.signal, stderr: child.stderr }).toEqual({ step: points[at], signal: 'SIGKILL', stderr: '' });
    const d = await open(dir);
    try {
      await expectSettled(d);
      await applyAll(d);
      expect({ step: points[at], ...(await contents(d)) }).toEqual({ step: points[at], ...final });
    } finally {
      await d.close();
    }
  }
}, 180_000);
