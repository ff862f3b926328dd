import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Association } from '../../../src/sync/domain/association';
import { Store } from '../../../src/sync/store/store';

describe('state store: associations read a slice at a time', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bobsync-store-'));
    store = new Store(join(dir, 'state.sqlite'));
    store.ensureDossier('d', 'd', new Date('2026-01-01'));
    store.ensureDossier('other', 'other', new Date('2026-01-01'));
    store.transaction(() => {
      for (let i = 1; i <= 7; i++) {
        store.insertAssociation('d', { bobId: `C${i}`, crmId: String(i), base: { name: `N${i}` }, lastSyncAt: null, never: null });
      }
      store.insertAssociation('other', { bobId: 'C1', crmId: '1', base: null, lastSyncAt: null, never: null });
    });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the dossier's associations in id order, as they stood when the read began", async () => {
    const read: Association[] = [];
    const slices: number[] = [];
    await store.eachAssociationSlice(
      'd',
      (slice) => {
        if (read.length === 0) {
          // A run completes rows meanwhile: C2's pair is replaced, and a new pair appears.
          const [c2] = store.associationsOf('d', 'C2', null);
          store.replaceAssociations('d', [c2], { bobId: 'C2', crmId: '2', base: { name: 'changed' }, lastSyncAt: null, never: null });
          store.insertAssociation('d', { bobId: 'C8', crmId: '8', base: null, lastSyncAt: null, never: null });
        }
        slices.push(slice.length);
        read.push(...slice);
      },
      3,
    );
    expect(slices).toEqual([3, 3, 1]);
    expect(read.map((a) => a.bobId)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    expect(read.find((a) => a.bobId === 'C2')?.base).toEqual({ name: 'N2' });
    // The next read sees the run's writes.
    const after: Association[] = [];
    await store.eachAssociationSlice('d', (slice) => after.push(...slice));
    expect(after.map((a) => a.bobId)).toEqual(['C1', 'C3', 'C4', 'C5', 'C6', 'C7', 'C2', 'C8']);
  });
});
