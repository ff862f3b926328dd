/**
 * Test worlds: a real sandbox dossier folder (BOB SQLite file, CRM simulator data on loopback,
 * state store), prepared once per suite and copied for each test.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PendingRow, RowDecision } from '../../../src/contract/pending';
import { loadDossier } from '../../../src/sync/config';
import { openDossier, type OpenDossier, type OpenOptions } from '../../../src/sync/dossier';
import { initSandbox } from '../../../src/sync/sandbox/sandbox';

const made: string[] = [];

export async function prepareTemplate(customers: number, seed: number): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'bobsync-template-'));
  made.push(root);
  const dir = join(root, 'dossier');
  await initSandbox({ dir, customers, seed, force: false, user: 'setup' });
  return dir;
}

export function copyOf(template: string): string {
  const root = mkdtempSync(join(tmpdir(), 'bobsync-world-'));
  made.push(root);
  const dir = join(root, 'dossier');
  cpSync(template, dir, { recursive: true });
  return dir;
}

export const open = (dir: string, options: OpenOptions = {}): Promise<OpenDossier> => openDossier(loadDossier(dir), options);

export function removeWorlds(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every row taken as proposed, unless `override` says otherwise for its key. */
export function decide(rows: PendingRow[], override: Record<string, Partial<RowDecision>> = {}): RowDecision[] {
  return rows.map((r) => ({ key: r.key, version: r.version, never: false, skip: false, reason: '', directions: {}, ...override[r.key] }));
}

/** Both systems' records, by id, to compare before and after. */
export async function snapshot(d: OpenDossier) {
  const [bob, crm] = await Promise.all([d.engine.ctx.bob.readAll(), d.engine.ctx.crm.readAll()]);
  return {
    bob: new Map(bob.map((b) => [b.cid, b])),
    crm: new Map(crm.map((c) => [c.id, c])),
  };
}
