/**
 * The whole round trip through the `bobsync` command with the BOB dossier on MariaDB: pull to
 * a workbook, back up, apply the decisions as proposed, pull again. The CRM is the simulator.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBobMysqlDossier, openBobMysql, openBobSqlite } from '../../src/sync/connectors/bob50';
import { CONFIG_FILE } from '../../src/sync/config';
import { initSandbox } from '../../src/sync/sandbox/sandbox';
import { newDatabase } from './mysqlPlace';

const ROOT = join(__dirname, '..', '..');

function bobsync(args: string[], env: NodeJS.ProcessEnv): { code: number; lines: Array<Record<string, unknown>>; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'bobsyncCli.ts'), '--json', '--user', 'e2e', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const lines = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code: run.status ?? 1, lines, stderr: run.stderr };
}

describe('bobsync with BOB 50 on MariaDB', () => {
  let root: string;
  let drop: () => Promise<void>;
  afterAll(async () => {
    await drop?.();
    rmSync(root, { recursive: true, force: true });
  });

  test('pull, backup, apply and pull again', async () => {
    root = mkdtempSync(join(tmpdir(), 'bobsync-e2e-mysql-'));
    const dir = join(root, 'dossier');
    // A dossier a while after its first synchronisation, with edits on both sides...
    await initSandbox({ dir, customers: 300, seed: 5, force: false, user: 'setup' });
    // ...whose BOB side then moves to MariaDB, as on newer BOB 50 versions.
    const sqlite = openBobSqlite(join(dir, 'bob50.sqlite'));
    const content = { thirdParties: await sqlite.readAll(), customFieldDefs: await sqlite.customFields() };
    await sqlite.close();
    const db = await newDatabase('latin1');
    drop = db.drop;
    await createBobMysqlDossier(db.options, content);
    rmSync(join(dir, 'bob50.sqlite'));
    const config = JSON.parse(readFileSync(join(dir, CONFIG_FILE), 'utf8'));
    const { host, port, database, user } = db.options;
    config.bob = { kind: 'mysql', host, port, database, user, passwordEnv: 'E2E_BOB_PASSWORD' };
    writeFileSync(join(dir, CONFIG_FILE), JSON.stringify(config, null, 2));
    const env = { ...process.env, E2E_BOB_PASSWORD: db.options.password };

    const workbook = join(root, 'pending.xlsx');
    const pulled = bobsync(['pull', '--dossier', dir, '--out', workbook], env);
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    const counts = pulled.lines[0].counts as Record<string, number>;
    expect(counts.bob).toBe(content.thirdParties.length);
    expect(counts.rows).toBeGreaterThan(0);

    expect(bobsync(['backup', '--dossier', dir], env).code).toBe(0);
    const applied = bobsync(['apply', workbook, '--confirm', '--dossier', dir], env);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const result = applied.lines.at(-1) as { counts: Record<string, number> };
    expect(result.counts.applied).toBeGreaterThan(0);

    // What was applied no longer shows; what BOB took from CRM is in MariaDB.
    const again = bobsync(['pull', '--dossier', dir, '--out', join(root, 'again.xlsx')], env);
    expect(again.code).toBe(0);
    const after = again.lines[0].counts as Record<string, number>;
    expect(after.rows).toBeLessThan(counts.rows);
    expect(after.update ?? 0).toBe(0);
    const bob = await openBobMysql(db.options);
    try {
      expect((await bob.readAll()).length).toBe(after.bob);
    } finally {
      await bob.close();
    }
  });
});
