/**
 * Large sandbox dossiers for the benchmarks. A first synchronisation of 100,000 customers through
 * the engine would dominate the run, so the associations are recorded directly from the
 * generator's pairs, with the canonical values both sides hold as their base.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_FILE, loadDossier } from '../src/sync/config';
import { canonicalPair } from '../src/sync/domain/canonical';
import { openDossier, type OpenDossier, type OpenOptions } from '../src/sync/dossier';
import { generateDossier } from '../src/sync/sandbox/dossier';
import { edit, SANDBOX_CRM_PASSWORD, SANDBOX_CRM_USER, writeSandboxFiles } from '../src/sync/sandbox/sandbox';

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

/** Runs a script of bench/children in a fresh Node process and returns the JSON it prints last. */
export async function child<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  const { stdout } = await run(process.execPath, [...nodeFlags, '--import', 'tsx', join(__dirname, 'children', script), ...args]);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

function run(command: string, args: string[]): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    p.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve({ stdout }) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * Serves the dossier's CRM data from a simulator in its own process and points the dossier at it
 * as a remote Sage CRM for the time of `fn`.
 */
export async function withRemoteCrm<T>(dir: string, fn: () => Promise<T>, latencyMs = 0): Promise<T> {
  const server = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'children', 'crmServer.ts'), dir, String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      server.once('exit', (code) => reject(new Error(`the CRM simulator exited with ${code}`)));
    });
    const file = join(dir, CONFIG_FILE);
    const local = readFileSync(file, 'utf8');
    const config = JSON.parse(local) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...config, crm: { kind: 'rest', baseUrl: url, user: SANDBOX_CRM_USER, passwordEnv: 'BOBSYNC_BENCH_CRM_PASSWORD' } }));
    process.env.BOBSYNC_BENCH_CRM_PASSWORD = SANDBOX_CRM_PASSWORD;
    try {
      return await fn();
    } finally {
      writeFileSync(file, local);
    }
  } finally {
    server.kill();
  }
}
