/** Starts bench/serviceChild.ts in its own process and reads its resident memory from /proc. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Role } from '../src/contract/api';
import { loadOrCreateDevKey } from '../src/sync/server/auth/devKey';
import { signDevToken } from '../src/sync/server/auth/devToken';
import { parseServiceConfig, type ServiceConfig } from '../src/sync/server/config';

export interface ChildOptions {
  dossier: string;
  stateDir: string;
  logFile: string;
  /** False: tokens are decoded without verification, to measure what verification costs. */
  verify: boolean;
}

export function benchServiceConfig(o: ChildOptions): ServiceConfig {
  return parseServiceConfig(
    {
      listen: { port: 0 },
      stateDir: o.stateDir,
      auth: { mode: 'dev' },
      log: { level: 'info', file: o.logFile },
      // Load generation comes from one user: the per-user limit would measure itself.
      limits: { perUserPerMinute: 100_000_000 },
      dossiers: [{ id: 'sandbox', path: o.dossier, grants: { '*': ['Sync.Review', 'Sync.Apply'] } }],
    },
    'bench',
    o.stateDir,
  );
}

export interface ServiceProcess {
  url: string;
  token: string;
  /** Resident set size now, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

export async function startServiceProcess(o: ChildOptions, roles: Role[] = ['Sync.Review', 'Sync.Apply']): Promise<ServiceProcess> {
  // Made before the child starts, so that both use the same key.
  const key = await loadOrCreateDevKey(o.stateDir);
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'serviceChild.ts'), JSON.stringify(o)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    exited.then((code) => reject(new Error(`The service process exited with ${code} before listening.`)), reject);
  });
  const { url } = JSON.parse(first) as { url: string };
  const { auth } = benchServiceConfig(o);
  if (auth.mode !== 'dev') throw new Error('The benchmarks sign in with dev tokens.');
  const token = await signDevToken(key, auth, { user: 'bench', roles, dossiers: [] });
  return {
    url,
    token,
    rssMb: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return Number(kb) / 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Samples `rssMb` while `fn` runs; returns the highest figure seen. */
export async function peakOf<T>(rssMb: () => number, fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
  try {
    const value = await fn();
    return { value, peakMb: Math.max(peak, rssMb()) };
  } finally {
    clearInterval(timer);
  }
}
