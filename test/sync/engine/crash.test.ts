/**
 * The apply is interrupted at every journal step in turn, then the dossier is opened again (which
 * runs recovery) and the interrupted pull is applied once more. Whatever the step, the systems
 * must end exactly as after an uninterrupted run: every row fully applied once, none twice, none
 * half-applied.
 */
import type { Values } from '../../../src/sync/domain/customer';
import type { CrmConnector } from '../../../src/sync/domain/ports';
import type { Step } from '../../../src/sync/engine/journal';
import { applyAll, contents, expectSettled } from './settle';
import { copyOf, open, prepareTemplate, removeWorlds, snapshot } from './world';

class Crash extends Error {}

let template: string;
beforeAll(async () => {
  template = await prepareTemplate(30, 5);
}, 60_000);
afterAll(removeWorlds);

async function reference() {
  const d = await open(copyOf(template));
  const points: Array<{ step: Step; key: string }> = [];
  try {
    d.engine.ctx.faults = { at: (step, key) => void points.push({ step, key }) };
    const results = await applyAll(d);
    expect(results.filter((r) => r.status === 'applied').length).toBeGreaterThan(5);
    d.engine.ctx.faults = undefined;
    return { points, final: await contents(d) };
  } finally {
    await d.close();
  }
}

describe('an apply interrupted at any journal step', () => {
  it('ends, after recovery and a second apply, exactly as an uninterrupted run', async () => {
    const { points, final } = await reference();
    const steps = new Set(points.map((p) => p.step));
    expect([...steps].sort()).toEqual(['bob_done', 'bob_write', 'crm_done', 'crm_write', 'done', 'intent']);

    for (let n = 0; n < points.length; n++) {
      const dir = copyOf(template);
      const d = await open(dir);
      let calls = 0;
      d.engine.ctx.faults = {
        at: () => {
          if (calls++ === n) throw new Crash(`stopped at ${points[n].step} of ${points[n].key}`);
        },
      };
      await expect(applyAll(d)).rejects.toBeInstanceOf(Crash);
      await d.close();

      const reopened = await open(dir);
      try {
        await expectSettled(reopened);
        await applyAll(reopened);
        expect({ n, ...(await contents(reopened)) }).toEqual({ n, ...final });
      } finally {
        await reopened.close();
      }
    }
  }, 300_000);
});

describe('a system that goes away in the middle of an apply', () => {
  it('leaves the run open, and the next apply of the same process settles it first', async () => {
    const { final } = await reference();
    const d = await open(copyOf(template));
    try {
      const real = d.engine.ctx.crm;
      let down = false;
      let updates = 0;
      d.engine.ctx.crm = Object.assign(Object.create(real) as CrmConnector, {
        update: async (id: string, values: Values) => {
          if (++updates === 2) down = true;
          if (down) throw new Error('connect ECONNREFUSED 127.0.0.1');
          return real.update(id, values);
        },
        readMany: async (ids: string[]) => {
          if (down) throw new Error('connect ECONNREFUSED 127.0.0.1');
          return real.readMany(ids);
        },
      });
      await expect(applyAll(d)).rejects.toThrow(/ECONNREFUSED/);
      expect(d.engine.runs().at(-1)?.state).toBe('running');

      d.engine.ctx.crm = real;
      await applyAll(d);
      expect(d.engine.runs().every((r) => r.state === 'done')).toBe(true);
      await applyAll(d);
      expect(await contents(d)).toEqual(final);
    } finally {
      await d.close();
    }
  }, 60_000);
});

describe('a write that fails during an apply', () => {
  it('puts the row back on both sides and goes on with the others', async () => {
    const d = await open(copyOf(template));
    try {
      const real = d.engine.ctx.crm;
      let updates = 0;
      const failing: CrmConnector = Object.assign(Object.create(real) as CrmConnector, {
        update: async (id: string, values: Values) => {
          if (++updates === 2) throw new Error('HTTP 500 from Sage CRM');
          return real.update(id, values);
        },
      });
      d.engine.ctx.crm = failing;
      const before = await snapshot(d);
      const results = await applyAll(d);
      d.engine.ctx.crm = real;
      const failed = results.filter((r) => r.status === 'failed');
      expect(failed).toHaveLength(1);
      expect(failed[0].message).toMatch(/HTTP 500 from Sage CRM; nothing was changed/);
      expect(results.filter((r) => r.status === 'applied').length).toBeGreaterThan(3);
      await expectSettled(d);
      const after = await snapshot(d);
      // The failed row's BOB record is back to what it was.
      if (failed[0].bobId) expect(after.bob.get(failed[0].bobId)).toEqual(before.bob.get(failed[0].bobId));
      // And it is proposed again.
      expect((await d.engine.pull('check')).rows.map((r) => r.key)).toContain(failed[0].key);
    } finally {
      await d.close();
    }
  }, 60_000);
});
