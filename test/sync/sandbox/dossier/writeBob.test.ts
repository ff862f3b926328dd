import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBobSqlite } from '../../../../src/sync/connectors/bob50/sqliteConnector';
import type { CrmCompany } from '../../../../src/sync/domain/customer';
import { generateDossier } from '../../../../src/sync/sandbox/dossier/generateDossier';
import { planEdits } from '../../../../src/sync/sandbox/dossier/planEdits';
import { applyBobEdits, writeBobDossier } from '../../../../src/sync/sandbox/dossier/writeBob';

describe('writing the sandbox into a BOB dossier file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bobsync-sandbox-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back exactly what was generated, then the planned edits', async () => {
    const dossier = generateDossier({ customers: 400, seed: 11 });
    const file = join(dir, 'sandbox.sqlite');
    writeBobDossier(file, dossier);

    const bob = openBobSqlite(file);
    try {
      expect(await bob.readAll()).toEqual(dossier.bob);
      expect((await bob.customFields()).map((def) => def.name).sort()).toEqual(
        dossier.customFieldDefs.bob.map((def) => def.name).sort(),
      );

      const crm: CrmCompany[] = dossier.crm.map((c, i) => ({ ...c, id: String(i), deleted: false, updatedAt: '' }));
      const edits = planEdits({ seed: 3, bob: dossier.bob, crm }).bob;
      await applyBobEdits(bob, edits);

      const after = new Map((await bob.readAll()).map((c) => [c.cid, c]));
      for (const { cid, values } of edits.update) expect(after.get(cid)?.values).toMatchObject(values);
      for (const { cid, values } of edits.create) {
        expect(after.get(cid)).toEqual({ cid, isCustomer: true, isSupplier: false, values });
      }
      for (const cid of edits.remove) expect(after.has(cid)).toBe(false);
      expect(after.size).toBe(dossier.bob.length + edits.create.length - edits.remove.length);
    } finally {
      await bob.close();
    }
  });

  it('refuses to overwrite an existing dossier', () => {
    const dossier = generateDossier({ customers: 5, seed: 1 });
    const file = join(dir, 'sandbox.sqlite');
    writeBobDossier(file, dossier);
    expect(() => writeBobDossier(file, dossier)).toThrow(/already exists/);
  });
});
