/**
 * Opens a configured dossier: the state store, the BOB connector, the Sage CRM client (and, for
 * the sandbox, the CRM simulator on a free loopback port), and the engine over them.
 */
import { mkdirSync } from 'node:fs';
import type { LoadedDossier } from './config';
import { openBobSqlite } from './connectors/bob50';
import { SageCrmClient } from './connectors/sagecrm';
import { SyncEngine } from './engine/engine';
import type { Faults } from './engine/journal';
import { CrmSimStore, startCrmSimulator } from './sandbox/crmsim';
import { Store } from './store/store';

export interface OpenDossier {
  engine: SyncEngine;
  store: Store;
  /** The simulator's data, when the dossier's CRM is the sandbox simulator. */
  simulator: { store: CrmSimStore; url: string; setLatency(ms: number): void } | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  clock?: () => Date;
  faults?: Faults;
  /** Overrides the configured concurrency (benchmarks compare settings). */
  concurrency?: number;
  /** Skips recovery at start, for tests that inspect an interrupted state before recovering. */
  skipRecovery?: boolean;
}

export async function openDossier(loaded: LoadedDossier, options: OpenOptions = {}): Promise<OpenDossier> {
  const { config } = loaded;
  const closers: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const store = new Store(loaded.path(config.state));
    closers.push(() => store.close());
    store.ensureDossier(config.id, config.name, new Date());

    const bob = openBobSqlite(loaded.path(config.bob.file), config.bob.mapping ?? {});
    closers.push(() => bob.close());
    const bobCustomFields = await bob.customFields();

    let simulator: OpenDossier['simulator'] = null;
    let crmOptions: { baseUrl: string; user: string; password: string; bobsyncField?: string; vatField?: string };
    if (config.crm.kind === 'simulator') {
      const simStore = CrmSimStore.open(loaded.path(config.crm.file));
      closers.push(() => simStore.close());
      const server = await startCrmSimulator({
        store: simStore,
        users: { [config.crm.user]: config.crm.password },
        latencyMs: config.crm.latencyMs,
      });
      closers.push(() => server.close());
      simulator = { store: simStore, url: server.url, setLatency: (ms) => server.setLatency(ms) };
      crmOptions = { baseUrl: server.url, user: config.crm.user, password: config.crm.password };
    } else {
      const password = process.env[config.crm.passwordEnv];
      if (!password) throw new Error(`Set the Sage CRM password in the environment variable ${config.crm.passwordEnv}.`);
      crmOptions = { ...config.crm, password };
    }
    const concurrency = options.concurrency ?? config.concurrency;
    const crm = new SageCrmClient({ ...crmOptions, concurrency }, bobCustomFields);
    closers.push(() => crm.close());

    const backupDir = loaded.path(config.backups);
    mkdirSync(backupDir, { recursive: true });
    const engine = new SyncEngine({
      store,
      dossier: config.id,
      bob,
      crm,
      backupDir,
      policy: config.policy,
      concurrency,
      batchSize: config.batchSize,
      clock: options.clock ?? (() => new Date()),
      faults: options.faults,
    });
    if (!options.skipRecovery) await engine.start();
    return { engine, store, simulator, close };
  } catch (error) {
    await close();
    throw error;
  }
}
