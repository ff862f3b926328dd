/** The BOB 50 connector suite, the same as on SQLite, against a real MariaDB server. */
import { openBobMysql } from '../../src/sync/connectors/bob50';
import { describeBobConnector } from '../sync/connectors/bob50/connectorSuite';
import { mysqlPlace, newDatabase } from './mysqlPlace';
import { mysqlFromEnv } from './throwAwayMariaDb';

describeBobConnector({ name: 'MariaDB (latin1 dossier)', storesAnyCharacter: false, place: () => mysqlPlace('latin1') });
describeBobConnector({ name: 'MariaDB (utf8mb4 dossier)', storesAnyCharacter: true, place: () => mysqlPlace('utf8mb4') });

describe('opening a BOB 50 dossier on MySQL: clear errors at start', () => {
  const server = mysqlFromEnv();

  test('wrong credentials', async () => {
    const { options, drop } = await newDatabase();
    try {
      await expect(openBobMysql({ ...options, password: 'wrong' })).rejects.toThrow(
        `Cannot open the BOB 50 dossier at 127.0.0.1:${server.port}/${options.database}: the BOB 50 database refused user ${server.user}: check the user and its password`,
      );
    } finally {
      await drop();
    }
  });

  test('an unknown host', async () => {
    await expect(openBobMysql({ ...server, host: 'nonexistent.invalid', database: 'bob', connectTimeoutMs: 3000 })).rejects.toThrow(
      /host nonexistent\.invalid was not found: check the host name/,
    );
  });

  test('a database that does not exist', async () => {
    await expect(openBobMysql({ ...server, database: 'no_such_dossier' })).rejects.toThrow(
      /database no_such_dossier does not exist on the server/,
    );
  });

  test('nothing listening on the port', async () => {
    await expect(openBobMysql({ ...server, port: 1, database: 'bob' })).rejects.toThrow(/nothing listens there/);
  });
});
