/**
 * A throw-away MariaDB server (Debian's `mariadb-server` package) on loopback: a data directory
 * made in a temporary folder, the server on 127.0.0.1 at a free port with its own socket there,
 * a user with a password for the tests, and everything removed by `stop()`. Used by
 * `npm run test:mysql` and the MySQL benchmarks; nothing here touches a system-wide server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';

export interface ThrowAwayMariaDb {
  host: '127.0.0.1';
  port: number;
  socket: string;
  /** A user with every right, reached over TCP with a password, as a dossier would be. */
  user: string;
  password: string;
  stop(): Promise<void>;
}

const SEARCH = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':')];

function findBinary(names: string[]): string {
  for (const name of names) {
    for (const dir of SEARCH) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
  }
  throw new Error(`None of ${names.join(', ')} was found: install the Debian package mariadb-server (apt-get install -y mariadb-server)`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startThrowAwayMariaDb(): Promise<ThrowAwayMariaDb> {
  const installDb = findBinary(['mariadb-install-db', 'mysql_install_db']);
  const daemon = findBinary(['mariadbd', 'mysqld']);
  const dir = mkdtempSync(join(tmpdir(), 'bobsync-mariadb-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const errorLog = join(dir, 'error.log');
  // The server will not run as root unless told to; as anyone else it runs as that user.
  const osUser = userInfo().username;
  let child: ChildProcess | undefined;

  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(30_000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const install = spawnSync(
      installDb,
      ['--no-defaults', `--datadir=${data}`, `--user=${osUser}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) {
      throw new Error(`${installDb} failed (${install.status ?? install.signal}):\n${install.stderr || install.stdout}`);
    }
    const port = await freePort();
    child = spawn(
      daemon,
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--pid-file=${join(dir, 'mysqld.pid')}`,
        `--log-error=${errorLog}`,
        `--user=${osUser}`,
        '--skip-log-bin',
        '--innodb-buffer-pool-size=128M',
      ],
      { stdio: 'ignore' },
    );
    const root = await connectWhenReady(child, socket, errorLog);
    const user = 'bobsync';
    const password = 'throw-away-secret';
    try {
      for (const host of ['127.0.0.1', 'localhost']) {
        await root.query(`CREATE USER '${user}'@'${host}' IDENTIFIED BY '${password}'`);
        await root.query(`GRANT ALL PRIVILEGES ON *.* TO '${user}'@'${host}' WITH GRANT OPTION`);
      }
    } finally {
      await root.end();
    }
    return { host: '127.0.0.1', port, socket, user, password, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function connectWhenReady(child: ChildProcess, socket: string, errorLog: string): Promise<mysql.Connection> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').slice(-2000) : '(no error log)';
      throw new Error(`MariaDB exited at start (${child.exitCode ?? child.signalCode}):\n${log}`);
    }
    try {
      return await mysql.createConnection({ socketPath: socket, user: 'root' });
    } catch (error) {
      if (Date.now() > deadline) throw new Error('MariaDB did not accept connections within 60 s', { cause: error });
      await sleep(200);
    }
  }
}

/** Where the MySQL suites find the server `npm run test:mysql` started. */
export function mysqlFromEnv(): { host: string; port: number; user: string; password: string } {
  const { BOBSYNC_MYSQL_HOST: host, BOBSYNC_MYSQL_PORT: port, BOBSYNC_MYSQL_USER: user, BOBSYNC_MYSQL_PASSWORD: password } = process.env;
  if (!host || !port || !user || password === undefined) {
    throw new Error('BOBSYNC_MYSQL_HOST, _PORT, _USER and _PASSWORD are not set: run these tests with `npm run test:mysql`');
  }
  return { host, port: Number(port), user, password };
}
