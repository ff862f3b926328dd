import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssociationView } from '../../../src/contract/views';
import { MIGRATIONS } from '../../../src/sync/store/migrations';
import { computePending, PendingBuilder, sortKey } from '../../../src/sync/domain/pending';
import { associations } from '../../sheets/fixtures';
import { crm } from '../domain/fixtures';
import { pullViewPage, viewKeysIn } from '../../../src/sync/store/pullPages';
import { Store, type PullMeta } from '../../../src/sync/store/store';

// The sheets' view, with text SQLite must escape when it builds the JSON.
const [associated, excluded] = associations();
const VIEWS: AssociationView[] = [{ ...associated, name: 'Dupont & Fils « "Liège" »' }, excluded];

const META: PullMeta = { id: 'P1', dossier: 'd', createdAt: '2026-11-28T10:00:00.000Z', createdBy: 'anne', settings: [], counts: { rows: 0 } };

describe('state store: pulls', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bobsync-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the global view of a pull recorded before the view moved to columns', () => {
    const file = join(dir, 'state.sqlite');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO dossier (id, name, created_at) VALUES ('d', 'd', '2026-01-01')").run();
    old.prepare("INSERT INTO pull (id, dossier, created_at, created_by, settings, counts) VALUES ('P1', 'd', ?, 'anne', '[]', '{}')").run(META.createdAt);
    VIEWS.forEach((v, i) => old.prepare('INSERT INTO pull_view (pull_id, seq, key, view) VALUES (?, ?, ?, ?)').run('P1', i, v.key, JSON.stringify(v)));
    old.close();

    const store = new Store(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(store.pullView('P1')).toEqual(VIEWS);
      expect(pullViewPage(store, 'P1', 1, 5).items.map((item) => JSON.parse(item) as unknown)).toEqual([VIEWS[1]]);
    } finally {
      store.close();
    }
  });

  it('gives back the view a pull recorded, sorted, page by page', () => {
    const store = new Store(join(dir, 'state.sqlite'));
    try {
      store.ensureDossier('d', 'd', new Date('2026-01-01'));
      const stage = store.viewStage('S1');
      // Another pull computed at the same time stages its own view beside this one.
      const other = store.viewStage('S2');
      other.add({ ...VIEWS[0], key: 'OTHER⇄1' }, 'a');
      for (const v of VIEWS) stage.add(v, sortKey(v.name));
      store.createPull(META, [], stage);
      expect(store.pullView('P1')).toEqual([VIEWS[1], VIEWS[0]]);
      const page = pullViewPage(store, 'P1', 0, 1);
      expect(page.total).toBe(2);
      expect(page.items.map((item) => JSON.parse(item) as unknown)).toEqual([VIEWS[1]]);
      expect(viewKeysIn(store, 'P1', ['OLD⇄', 'NOPE⇄1', 'DUPONT⇄41'])).toEqual(new Set(['OLD⇄', 'DUPONT⇄41']));
      // The other pull failed: its entries go, and nothing of it was recorded.
      other.discard();
      // Pages still arriving after the failure add nothing.
      other.add({ ...VIEWS[1], key: 'OTHER⇄2' }, 'b');
      expect(store.db.prepare('SELECT COUNT(*) FROM temp.pull_view_stage').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });

  it('records the view in the order the domain gives it, from entries staged in batches', () => {
    const store = new Store(join(dir, 'state.sqlite'));
    try {
      store.ensureDossier('d', 'd', new Date('2026-01-01'));
      const names = ['Zénith', 'École Saint-Luc', 'Ecole Saint-Luc', 'abbaye', 'Émile', 'Bakkerij', "'t Hoekske", 'ÉCOLE'];
      const input = {
        bob: [],
        crm: Array.from({ length: 1203 }, (_, i) => crm(String(i), { name: names[i % names.length], vat: '' }, { bobsync: i % 2 === 0 })),
        associations: [],
        settings: [],
        policy: 'bob' as const,
      };
      const stage = store.viewStage('S1');
      const builder = new PendingBuilder(input, (v) => stage.add(v, sortKey(v.name)));
      builder.addBob(input.bob);
      builder.addAssociations(input.associations);
      builder.ready();
      builder.addCrm(input.crm);
      store.createPull(META, builder.finish(), stage);
      expect(store.pullView('P1')).toEqual(computePending(input).view);
    } finally {
      store.close();
    }
  });
});
