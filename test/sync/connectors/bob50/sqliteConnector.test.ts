import Database from 'better-sqlite3';
import { openBobSqlite } from '../../../../src/sync/connectors/bob50/sqliteConnector';
import { createBobDossier } from '../../../../src/sync/connectors/bob50/sqliteDossier';
import { describeBobConnector, type BobBackend, type DossierPlace } from './connectorSuite';
import { tempDir } from './tempDossier';

const sqlite: BobBackend = {
  name: 'SQLite',
  storesAnyCharacter: true,
  async place(): Promise<DossierPlace> {
    const dir = tempDir();
    const file = dir.path('dossier.sqlite');
    const withDb = <T>(fn: (db: Database.Database) => T): T => {
      const db = new Database(file);
      try {
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      create: async (content, mapping) => createBobDossier(file, content, mapping),
      open: async (mapping) => openBobSqlite(file, mapping),
      exec: async (sql) => {
        withDb((db) => db.exec(sql));
      },
      query: async <T>(sql: string) => withDb((db) => db.prepare(sql).all() as T[]),
      refuseName: async (value) => {
        withDb((db) =>
          db.exec(`CREATE TRIGGER refuse_name BEFORE UPDATE OF CNAME1 ON AC_COMPAN
                   WHEN NEW.CNAME1 = '${value}' BEGIN SELECT RAISE(ABORT, 'provoked failure'); END`),
        );
      },
      remove: async () => dir.remove(),
    };
  },
};

describeBobConnector(sqlite);

describe('BOB 50 connector on SQLite files', () => {
  it('does not create a dossier file that does not exist', () => {
    const dir = tempDir();
    try {
      expect(() => openBobSqlite(dir.path('missing.sqlite'))).toThrow(/missing\.sqlite/);
    } finally {
      dir.remove();
    }
  });
});
