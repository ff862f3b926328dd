/**
 * The service under test: real sandbox dossiers (copies of a template), the real fastify server
 * listening on loopback, dev tokens signed with the service's own key, and plain HTTP requests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Role } from '../../../src/contract/api';
import type { BobConnector, CrmConnector } from '../../../src/sync/domain/ports';
import type { OpenDossier } from '../../../src/sync/dossier';
import { loadOrCreateDevKey } from '../../../src/sync/server/auth/devKey';
import { signDevToken } from '../../../src/sync/server/auth/devToken';
import { parseServiceConfig, type ServiceConfig } from '../../../src/sync/server/config';
import { startService, type RunningService } from '../../../src/sync/server/service';
import { copyOf } from '../engine/world';

/** The CRM password of the test dossiers: it must never appear in a log line or a response. */
export const CRM_SECRET = 'crm-Secret-7f3a9c';

/** A copy of the template under another dossier id and CRM password. */
export function dossierCopy(template: string, id: string): string {
  const dir = copyOf(template);
  const file = join(dir, 'dossier.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { id: string; crm: { password: string } };
  config.id = id;
  config.crm.password = CRM_SECRET;
  writeFileSync(file, JSON.stringify(config));
  return dir;
}

export interface TestService {
  service: RunningService;
  config: ServiceConfig;
  logs: string[];
  token(user: string, roles: Role[], dossiers?: string[]): Promise<string>;
  dossier(id: string): OpenDossier;
  close(): Promise<void>;
}

export interface ServiceSetup {
  dossiers: Array<{ id: string; path: string; grants: Record<string, Role[]> }>;
  config?: Record<string, unknown>;
}

export async function startTestService(setup: ServiceSetup): Promise<TestService> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bobsync-service-'));
  const config = parseServiceConfig(
    { listen: { port: 0 }, stateDir, auth: { mode: 'dev' }, log: { level: 'info' }, dossiers: setup.dossiers, ...setup.config },
    'test',
    stateDir,
  );
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const service = await startService(config, { logStream });
  const key = await loadOrCreateDevKey(stateDir);
  return {
    service,
    config,
    logs,
    token: (user, roles, dossiers = []) => signDevToken(key, config.auth as Extract<ServiceConfig['auth'], { mode: 'dev' }>, { user, roles, dossiers }),
    dossier: (id) => service.dossiers.get(id)!.open,
    close: () => service.close(),
  };
}

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, instead of `body` as JSON. */
  raw?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** One request; the answer's body parsed when it is JSON. */
export async function call<T = any>(base: string, method: string, path: string, o: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let body: string | undefined = o.raw;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${base}/api/v1${path}`, { method, headers, body, signal: o.signal });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, text, body: type.includes('json') ? (JSON.parse(text) as T) : (text as T) };
}

/** Server-sent events read from a response until the stream ends. */
export async function readEvents(res: Response): Promise<Array<{ event: string; data: any }>> {
  const events: Array<{ event: string; data: any }> = [];
  const text = await res.text();
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n').filter((l) => !l.startsWith(':') && l !== '');
    const event = lines.find((l) => l.startsWith('event: '))?.slice('event: '.length);
    const data = lines.find((l) => l.startsWith('data: '))?.slice('data: '.length);
    if (event && data) events.push({ event, data: JSON.parse(data) });
  }
  return events;
}

/**
 * Holds the given calls to the BOB 50 and Sage CRM connectors of a dossier until released, so
 * that a test can act while an apply is at that point without depending on timing.
 */
export function holdCalls(d: OpenDossier, calls: { bob?: Array<keyof BobConnector>; crm?: Array<keyof CrmConnector> }): { release(): void; reached: Promise<void> } {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const reachedGate = new Promise<void>((r) => (reached = r));
  const hold = <T extends object>(target: T, methods: Array<keyof T>): T => {
    const wrapper = Object.create(target) as T;
    for (const m of methods) {
      const original = target[m] as unknown as (...args: unknown[]) => Promise<unknown>;
      (wrapper as Record<keyof T, unknown>)[m] = async (...args: unknown[]) => {
        reached();
        await gate;
        return original.apply(target, args);
      };
    }
    return wrapper;
  };
  const ctx = d.engine.ctx;
  const { bob, crm } = ctx;
  ctx.bob = hold<BobConnector>(bob, calls.bob ?? []);
  ctx.crm = hold<CrmConnector>(crm, calls.crm ?? []);
  return {
    reached: reachedGate,
    release: () => {
      ctx.bob = bob;
      ctx.crm = crm;
      release();
    },
  };
}

/** Holds every write to either system. */
export const holdWrites = (d: OpenDossier) => holdCalls(d, { bob: ['update', 'create', 'remove'], crm: ['update', 'create', 'remove'] });

/** Counts of what the store holds for a dossier, to show that a refused request changed nothing. */
export function storeCounts(d: OpenDossier) {
  const db = d.store.db;
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    runs: count('SELECT COUNT(*) FROM run'),
    backups: count('SELECT COUNT(*) FROM backup'),
    journal: count('SELECT COUNT(*) FROM journal'),
    audit: count('SELECT COUNT(*) FROM audit'),
    associations: count('SELECT COUNT(*) FROM association'),
    flags: count('SELECT COUNT(*) FROM association WHERE never_by IS NOT NULL'),
    settings: count('SELECT COUNT(*) FROM custom_field_setting'),
    pulls: count('SELECT COUNT(*) FROM pull'),
  };
}
