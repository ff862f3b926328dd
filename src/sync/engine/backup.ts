import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { newId, type BackupMeta } from '../store/store';
import type { EngineContext, PhaseProgress } from './context';

/**
 * A backup of both sides as they are now: the BOB third parties and custom values, the CRM
 * companies with their address, phone and e-mail, and our associations with their bases. One
 * JSON document per line, gzipped, with the SHA-256 of the file kept in the store.
 */
export async function createBackup(ctx: EngineContext, user: string, progress?: PhaseProgress): Promise<BackupMeta> {
  const [bob, crm] = await Promise.all([
    ctx.bob.readAll((done, total) => progress?.('bob', done, total)),
    ctx.crm.readAll((done, total) => progress?.('crm', done, total)),
  ]);
  const now = ctx.clock();
  const id = newId('B', now);
  mkdirSync(ctx.backupDir, { recursive: true });
  const path = join(ctx.backupDir, `${id}.ndjson.gz`);
  function* lines(): Generator<string> {
    yield `${JSON.stringify({ backup: id, dossier: ctx.dossier, createdAt: now.toISOString(), createdBy: user })}\n`;
    for (const b of bob) yield `${JSON.stringify({ bob: b })}\n`;
    for (const c of crm) yield `${JSON.stringify({ crm: c })}\n`;
    for (const a of ctx.store.associations(ctx.dossier)) yield `${JSON.stringify({ association: a })}\n`;
  }
  const hash = createHash('sha256');
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.from(lines()), createGzip(), tee, createWriteStream(path, { flags: 'wx' }));
  const meta: BackupMeta = {
    id,
    dossier: ctx.dossier,
    createdAt: now.toISOString(),
    createdBy: user,
    path,
    sha256: hash.digest('hex'),
    bobCount: bob.length,
    crmCount: crm.length,
  };
  ctx.store.addBackup(meta);
  return meta;
}
