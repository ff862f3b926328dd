import { euVat } from 'stdnum';
import type { CrmCompany, FieldKey, Values } from '../../../../src/sync/domain/customer';
import { generateDossier, type SandboxDossier } from '../../../../src/sync/sandbox/dossier/generateDossier';
import { planEdits, type PlannedEdits } from '../../../../src/sync/sandbox/dossier/planEdits';

const normalise = (vat: string) => vat.toUpperCase().replace(/[\s.\-/]/g, '');

/** The CRM side as the simulator would return it: ids given in order. */
const asCrm = (dossier: SandboxDossier): CrmCompany[] =>
  dossier.crm.map((company, index) => ({
    ...company,
    id: String(1000 + index),
    deleted: false,
    updatedAt: '2025-01-01T00:00:00Z',
  }));

const dossier = generateDossier({ customers: 3000, seed: 99 });
const crm = asCrm(dossier);
const plan = planEdits({ seed: 5, bob: dossier.bob, crm });

const pairedCids = new Map(dossier.pairs.map(({ cid, crmIndex }) => [cid, crm[crmIndex].id]));
const pairedCrmIds = new Map([...pairedCids].map(([cid, id]) => [id, cid]));
const bobByCid = new Map(dossier.bob.map((c) => [c.cid, c]));
const crmById = new Map(crm.map((c) => [c.id, c]));

function bothSides(edits: PlannedEdits) {
  const crmById = new Map(edits.crm.update.map((u) => [u.id, u.values]));
  return edits.bob.update.flatMap(({ cid, values }) => {
    const id = pairedCids.get(cid);
    const other = id === undefined ? undefined : crmById.get(id);
    return other === undefined ? [] : [{ bob: values, crm: other }];
  });
}

const sharedFields = (a: Values, b: Values) => (Object.keys(a) as FieldKey[]).filter((key) => key in b);

describe('planEdits', () => {
  it('is deterministic for a seed and varies with it', () => {
    const again = planEdits({ seed: 5, bob: dossier.bob, crm: asCrm(dossier) });
    expect(again).toEqual(plan);
    expect(planEdits({ seed: 6, bob: dossier.bob, crm })).not.toEqual(plan);
  });

  it('changes about the requested share of associated customers on each side', () => {
    const pairs = dossier.pairs.length;
    for (const share of [0.1, 0.3]) {
      const edits = share === 0.1 ? plan : planEdits({ seed: 5, bob: dossier.bob, crm, share });
      const bobChanged = edits.bob.update.filter((u) => pairedCids.has(u.cid)).length;
      const crmChanged = edits.crm.update.filter((u) => pairedCrmIds.has(u.id)).length;
      expect(bobChanged / pairs).toBeGreaterThan(share * 0.9);
      expect(bobChanged / pairs).toBeLessThan(share * 1.1);
      expect(crmChanged / pairs).toBeGreaterThan(share * 0.9);
      expect(crmChanged / pairs).toBeLessThan(share * 1.1);
    }
    const none = planEdits({ seed: 5, bob: dossier.bob, crm, share: 0 });
    expect(none.bob.update.filter((u) => pairedCids.has(u.cid))).toEqual([]);
    expect(none.crm.update).toEqual([]);
  });

  it('only proposes values that differ from the current ones', () => {
    const unchanged = (current: Values, proposed: Values) =>
      (Object.keys(proposed) as FieldKey[]).filter((key) => current[key] === proposed[key]);
    for (const { cid, values } of plan.bob.update) expect(unchanged(bobByCid.get(cid)!.values, values)).toEqual([]);
    for (const { id, values } of plan.crm.update) expect(unchanged(crmById.get(id)!.values, values)).toEqual([]);
  });

  it('changes some customers on both sides: conflicts, converged changes and separate fields', () => {
    const both = bothSides(plan);
    const conflicts = both.filter(({ bob, crm }) => sharedFields(bob, crm).some((key) => bob[key] !== crm[key]));
    const converged = both.filter(({ bob, crm }) => {
      const shared = sharedFields(bob, crm);
      return shared.length > 0 && shared.every((key) => bob[key] === crm[key]);
    });
    const separate = both.filter(({ bob, crm }) => sharedFields(bob, crm).length === 0);
    const changedPerSide = Math.round(0.1 * dossier.pairs.length);
    expect(both.length / changedPerSide).toBeGreaterThan(0.25);
    expect(both.length / changedPerSide).toBeLessThan(0.35);
    expect(conflicts.length).toBeGreaterThan(both.length * 0.4);
    expect(converged.length).toBeGreaterThan(both.length * 0.15);
    expect(separate.length).toBeGreaterThan(both.length * 0.1);
  });

  it('makes the kinds of changes people make', () => {
    const fields = new Set(plan.bob.update.flatMap((u) => Object.keys(u.values)));
    for (const field of ['name', 'address1', 'postcode', 'city', 'phone', 'email', 'website', 'cf.REMISE', 'vat']) {
      expect(fields).toContain(field);
    }
    const renamed = plan.bob.update.filter((u) => u.values.name !== undefined);
    expect(renamed.some((u) => / (SRL|BV)$/.test(u.values.name!))).toBe(true);
  });

  it('completes a few missing BOB VAT numbers with valid ones', () => {
    const fixes = plan.bob.update.filter((u) => bobByCid.get(u.cid)!.values.vat === '');
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes) expect(euVat.BE[0].validate(fix.values.vat!).isValid).toBe(true);
  });

  it('creates new customers on each side, some the same company on both', () => {
    expect(plan.bob.create.length).toBeGreaterThan(0);
    expect(plan.crm.create.length).toBe(plan.bob.create.length);
    const existingCids = new Set(dossier.bob.map((c) => c.cid));
    const newCids = plan.bob.create.map((c) => c.cid);
    expect(new Set(newCids).size).toBe(newCids.length);
    for (const cid of newCids) {
      expect(existingCids.has(cid)).toBe(false);
      expect(cid).toMatch(/^[A-Z0-9]{1,10}$/);
    }
    const existingVats = new Set([...dossier.bob, ...dossier.crm].map((c) => normalise(c.values.vat ?? '')));
    const bobVats = new Set(plan.bob.create.map((c) => c.values.vat));
    for (const vat of bobVats) {
      expect(existingVats.has(vat!)).toBe(false);
      expect(euVat[vat!.slice(0, 2) as 'BE'][0].validate(vat!).isValid).toBe(true);
    }
    const matching = plan.crm.create.filter((c) => bobVats.has(normalise(c.values.vat ?? '')));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.every((c) => c.type === 'Customer' && c.bobsync)).toBe(true);
    expect(plan.crm.create.length - matching.length).toBeGreaterThan(0);
  });

  it('removes a few customers on each side and unticks a few, apart from the changed ones', () => {
    for (const list of [plan.bob.remove, plan.crm.remove, plan.crm.untick]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThan(dossier.pairs.length * 0.01);
    }
    const bobUpdated = new Set(plan.bob.update.map((u) => u.cid));
    const crmUpdated = new Set(plan.crm.update.map((u) => u.id));
    for (const cid of plan.bob.remove) {
      expect(pairedCids.has(cid)).toBe(true);
      expect(bobUpdated.has(cid)).toBe(false);
    }
    for (const id of [...plan.crm.remove, ...plan.crm.untick]) {
      expect(pairedCrmIds.has(id)).toBe(true);
      expect(crmUpdated.has(id)).toBe(false);
    }
    const crmTouched = [...plan.crm.remove, ...plan.crm.untick];
    expect(new Set(crmTouched).size).toBe(crmTouched.length);
  });

  it('leaves soft-deleted and ineligible CRM companies alone', () => {
    const deleted = crm.map((c, i) => (i % 2 === 0 ? { ...c, deleted: true } : c));
    const edits = planEdits({ seed: 5, bob: dossier.bob, crm: deleted });
    for (const id of [...edits.crm.update.map((u) => u.id), ...edits.crm.remove, ...edits.crm.untick]) {
      const company = crmById.get(id)!;
      expect(Number(id) % 2).toBe(1);
      expect(company.type).toBe('Customer');
      expect(company.bobsync).toBe(true);
    }
  });

  it('rejects a share outside 0..1', () => {
    expect(() => planEdits({ seed: 1, bob: [], crm: [], share: 1.5 })).toThrow(/share/);
  });
});
