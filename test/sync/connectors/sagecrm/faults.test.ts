/**
 * The client against a CRM that fails a fifth of its requests, drops connections (before and
 * after carrying a request out) and takes 100 ms per answer: nothing read twice or missed,
 * nothing written twice, and every write either lands or is reported.
 */
import type { Values } from '../../../../src/sync/domain/customer';
import { ADDRESS } from '../../../../src/sync/sandbox/crmsim/linked';
import { mapLimit } from '../../../../src/sync/util/mapLimit';
import { company, FAULTS, withSimulator, type Harness } from './withSimulator';

jest.setTimeout(300_000);

const N = 600;

describe('SageCrmClient under faults', () => {
  let h: Harness;
  beforeAll(async () => {
    const seed = Array.from({ length: N }, (_, i) =>
      company(i + 1, { address: { addr_city: 'Liège' }, phone: `+32 4 ${i}`, email: `c${i + 1}@x.be` }),
    );
    h = await withSimulator(seed, { maxPageSize: 37, faults: { ...FAULTS, dropRate: 0.15 } });
  });
  afterAll(() => h.close());

  test('every company arrives exactly once, with its linked records', async () => {
    const all = await h.client({ pageSize: 50, concurrency: 8 }).readAll();
    expect(all.map((c) => Number(c.id))).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(all[122].values).toMatchObject({ name: 'Company 123', city: 'Liège', phone: '+32 4 122', email: 'c123@x.be' });
    expect(h.sim.faultCounts()).toMatchObject({ errors: expect.any(Number), dropsBefore: expect.any(Number) });
    expect(h.sim.faultCounts().errors).toBeGreaterThan(0);
  });

  test('writes land once or are reported, never lost or doubled', async () => {
    const client = h.client({ concurrency: 8 });
    const updates: Array<[string, Values]> = Array.from({ length: 80 }, (_, i) => [
      String(i + 1),
      { name: `Renamed ${i + 1}`, city: `Ville ${i}`, phone: `+32 2 ${i}`, email: `n${i}@x.be`, address2: `Bte ${i}` },
    ]);
    const creations: Values[] = Array.from({ length: 30 }, (_, i) => ({
      name: `Nouveau ${i}`,
      vat: `BE1${String(i).padStart(9, '0')}`,
      address1: `Rue ${i}`,
      city: 'Namur',
      phone: `+32 81 ${i}`,
      email: `new${i}@x.be`,
    }));
    const outcomes = await mapLimit([...updates.map((u) => ({ update: u })), ...creations.map((c) => ({ create: c }))], 8, async (job) => {
      try {
        if ('update' in job) {
          await client.update(...job.update);
          return { ok: true as const, id: job.update[0], values: job.update[1] };
        }
        return { ok: true as const, id: await client.create(job.create), values: job.create };
      } catch (error) {
        return { ok: false as const, error: String(error) };
      }
    });
    const landed = outcomes.filter((o) => o.ok);
    const reported = outcomes.filter((o) => !o.ok);
    // With twelve attempts a write fails only after twelve faults in a row: reported, not lost.
    expect(landed.length + reported.length).toBe(updates.length + creations.length);
    expect(client.stats().retries).toBeGreaterThan(0);
    expect(h.sim.faultCounts().dropsAfter).toBeGreaterThan(0);

    const read = await h.client().readMany(landed.map((o) => o.id));
    for (const o of landed) expect(read.get(o.id)?.values).toMatchObject(o.values);

    // No company, address, phone or e-mail created twice by a retried POST.
    const everything = await h.client().readAll();
    for (const values of creations) {
      const twins = everything.filter((c) => c.values.vat === values.vat);
      expect(twins.length).toBeLessThanOrEqual(1);
    }
    for (const c of everything) {
      const stored = h.store.get(Number(c.id))!;
      expect(stored.phones.filter((p) => p.phon_type === 'Business').length).toBeLessThanOrEqual(1);
      expect(stored.emails.length).toBeLessThanOrEqual(1);
    }
    const addressOwners = h.store.listLinked(ADDRESS, { offset: 0, limit: 10 * N }).rows.map((r) => r.adli_companyid);
    expect(new Set(addressOwners).size).toBe(addressOwners.length);
  });
});
