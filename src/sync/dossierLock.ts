/**
 * One process at a time opens a dossier. Recovery at start settles every unfinished run it finds,
 * which is only safe when no other process is still writing that run; a lock file holding the
 * owner's pid says so. A lock whose process is gone (a crash, a kill) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'bobsync.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the dossier's lock; returns the function that releases it. */
export function lockDossier(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new Error(`The dossier in ${dir} is open in another bobsync process (pid ${owner}): stop it first.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the dossier in ${dir}: another process keeps taking its lock.`);
}
