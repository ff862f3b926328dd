import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { lockDossier } from '../../src/sync/dossierLock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bobsync-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the dossier lock', () => {
  it('lets one process in at a time', () => {
    const release = lockDossier(dir);
    expect(readFileSync(join(dir, 'bobsync.lock'), 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDossier(dir)).toThrow(new RegExp(`open in another bobsync process \\(pid ${process.pid}\\)`));
    release();
    lockDossier(dir)();
  });

  it('takes over the lock of a process that is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'bobsync.lock'), `${gone.stdout}\n`);
    const release = lockDossier(dir);
    expect(readFileSync(join(dir, 'bobsync.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
  });
});
