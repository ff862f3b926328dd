/**
 * Large sandbox dossiers for the benchmarks. A first synchronisation of 100,000 customers through
 * the engine would dominate the run, so the associations are recorded directly from the
 * generator's pairs, with the canonical values both sides hold as their base.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDossier } from '../src/sync/config';
import { canonicalPair } from '../src/sync/domain/canonical';
import { openDossier, type OpenDossier, type OpenOptions } from '../src/sync/dossier';
import { generateDossier } from '../src/sync/sandbox/dossier';
import { edit, writeSandboxFiles } from '../src/sync/sandbox/sandbox';

const temporary: string[] = [];
process.on('exit', () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bobsync-bench-'));
  temporary.push(dir);
  return dir;
}

/** A dossier right after its first synchronisation, then `share` of the customers edited on each side. */
export async function synchronisedDossier(customers: number, share: number): Promise<string> {
  const dir = join(scratch(), 'dossier');
  const generated = generateDossier({ customers, seed: 42 });
  writeSandboxFiles(dir, generated);
  const d = await openDossier(loadDossier(dir));
  try {
    const [bob, crm] = await Promise.all([d.engine.ctx.bob.readAll(), d.engine.ctx.crm.readAll()]);
    const settings = await d.engine.customFieldSettings();
    const bobById = new Map(bob.map((b) => [b.cid, b]));
    // The simulator numbers companies in insertion order, from 1.
    const crmByIndex = [...crm].sort((a, b) => Number(a.id) - Number(b.id));
    const at = new Date().toISOString();
    d.store.transaction(() => {
      for (const pair of generated.pairs) {
        const b = bobById.get(pair.cid)!;
        const c = crmByIndex[pair.crmIndex];
        const base = canonicalPair(b, c, settings).bob;
        d.store.insertAssociation('sandbox', { bobId: b.cid, crmId: c.id, base, lastSyncAt: at, never: null });
      }
    });
    if (share > 0) await edit(d, 7, share);
  } finally {
    await d.close();
  }
  return dir;
}

export function copyDossier(dir: string): string {
  const copy = join(scratch(), 'dossier');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export const openBench = (dir: string, options: OpenOptions = {}): Promise<OpenDossier> => openDossier(loadDossier(dir), options);
