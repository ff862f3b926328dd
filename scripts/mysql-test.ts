/**
 * `npm run test:mysql`: starts a throw-away MariaDB server on loopback (see
 * test/mysql/throwAwayMariaDb.ts), runs the MySQL suites against it with jest, and stops it,
 * whatever the outcome. Needs Debian's mariadb-server package; extra arguments go to jest.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startThrowAwayMariaDb } from '../test/mysql/throwAwayMariaDb';

async function main(): Promise<number> {
  const server = await startThrowAwayMariaDb();
  const stopOnSignal = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    console.log(`MariaDB on 127.0.0.1:${server.port} (throw-away)`);
    const jest = spawn(
      process.execPath,
      [join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js'), '-c', join(__dirname, '..', 'test', 'mysql', 'jest.config.js'), ...process.argv.slice(2)],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          BOBSYNC_MYSQL_HOST: server.host,
          BOBSYNC_MYSQL_PORT: String(server.port),
          BOBSYNC_MYSQL_USER: server.user,
          BOBSYNC_MYSQL_PASSWORD: server.password,
        },
      },
    );
    return await new Promise<number>((resolve, reject) => {
      jest.once('error', reject);
      jest.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
