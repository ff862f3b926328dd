import { openBobSqlite } from '../../../../src/sync/connectors/bob50/sqliteConnector';
import { createBobDossier } from '../../../../src/sync/connectors/bob50/sqliteDossier';
import type { BobCustomer } from '../../../../src/sync/domain/customer';
import { tempDir } from './tempDossier';

const COUNT = 100_000;

describe('BOB 50 connector on a large dossier', () => {
  it('reads 100,000 third parties with their custom values and reports progress up to the total', async () => {
    const dir = tempDir();
    try {
      const file = dir.path('large.sqlite');
      const thirdParties: BobCustomer[] = Array.from({ length: COUNT }, (_, i) => ({
        cid: `T${String(i).padStart(6, '0')}`,
        isCustomer: i % 10 !== 0,
        isSupplier: i % 10 === 0,
        values: {
          name: `Société ${i}`,
          vat: `BE0${String(400000000 + i)}`,
          'cf.REGION': i % 2 ? 'Wallonie' : 'Vlaanderen',
        },
      }));
      createBobDossier(file, { thirdParties, customFieldDefs: [{ name: 'REGION', type: 'string', length: 20 }] });

      const bob = openBobSqlite(file);
      const progress: Array<[number, number | undefined]> = [];
      const all = await bob.readAll((done, total) => progress.push([done, total]));
      await bob.close();

      expect(all).toHaveLength(COUNT);
      expect(all.filter((c) => c.isCustomer)).toHaveLength(COUNT * 0.9);
      expect(all[12345].values).toMatchObject({
        name: 'Société 12345',
        vat: 'BE0400012345',
        'cf.REGION': 'Wallonie',
      });
      expect(progress.length).toBeGreaterThan(10);
      expect(progress.at(-1)).toEqual([COUNT, COUNT]);
      const dones = progress.map(([done]) => done);
      expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    } finally {
      dir.remove();
    }
  });
});
