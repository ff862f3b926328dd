/**
 * Opens a configured dossier: the state store, the BOB connector, the Sage CRM client (and, for
 * the sandbox, the CRM simulator on a free loopback port), and the engine over them.
 */
import { mkdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { readSecret, type DossierConfig, type LoadedDossier } from './config';
import { openBobMysql, openBobSqlite } from './connectors/bob50';
import { SageCrmClient, type SageCrmConfigInput } from './connectors/sagecrm';
import type { BobConnector } from './domain/ports';
import { SyncEngine } from './engine/engine';
import type { Faults } from './engine/journal';
import { CrmSimStore, startCrmSimulator } from './sandbox/crmsim';
import { Store } from './store/store';
import { lockDossier } from './dossierLock';

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
}

export async function openDossier(loaded: LoadedDossier, options: OpenOptions = {}): Promise<OpenDossier> {
  const { config } = loaded;
  const closers: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    closers.push(lockDossier(loaded.dir));
    const store = new Store(loaded.path(config.state));
    closers.push(() => store.close());
    store.ensureDossier(config.id, config.name, new Date());

    const bob = await openBob(loaded);
    closers.push(() => bob.close());
    const bobCustomFields = await bob.customFields();

    let simulator: OpenDossier['simulator'] = null;
    let crmOptions: SageCrmConfigInput;
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
      crmOptions = restCrmSettings(loaded, config.crm);
    }
    const concurrency = options.concurrency ?? config.concurrency;
    const crm = new SageCrmClient({ ...crmOptions, concurrency }, bobCustomFields);
    closers.push(() => crm.close());
    // Credentials, reachability and the BobSync field are checked before anything is read or written.
    await crm.verify();

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
    await engine.start();
    return { engine, store, simulator, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function openBob(loaded: LoadedDossier): Promise<BobConnector> | BobConnector {
  const { bob } = loaded.config;
  if (bob.kind === 'sqlite') return openBobSqlite(loaded.path(bob.file), bob.mapping ?? {});
  const password = readSecret(loaded, 'bob', { env: bob.passwordEnv, file: bob.passwordFile, envKey: 'passwordEnv', fileKey: 'passwordFile' }, 'BOBSYNC_BOB_PASSWORD');
  const { host, port, socketPath, database, user } = bob;
  return openBobMysql({ host, port, socketPath, database, user, password }, bob.mapping ?? {});
}

function restCrmSettings(loaded: LoadedDossier, crm: Extract<DossierConfig['crm'], { kind: 'rest' }>): SageCrmConfigInput {
  const { baseUrl, user, bobsyncField, vatField, languageField, timeoutMs, maxAttempts } = crm;
  const ca = crm.caFile === undefined ? undefined : readCa(loaded.path(crm.caFile));
  const common = { baseUrl, bobsyncField, vatField, languageField, timeoutMs, maxAttempts, ca };
  if (crm.sessionIdEnv !== undefined) {
    const sessionId = readSecret(loaded, 'crm', { env: crm.sessionIdEnv, envKey: 'sessionIdEnv', fileKey: 'sessionIdEnv' }, crm.sessionIdEnv);
    return { ...common, sessionId };
  }
  const password = readSecret(loaded, 'crm', { env: crm.passwordEnv, file: crm.passwordFile, envKey: 'passwordEnv', fileKey: 'passwordFile' }, 'BOBSYNC_CRM_PASSWORD');
  return { ...common, user, password };
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`crm.caFile: cannot read the CA certificate ${path}: ${(error as Error).message}`);
  }
}
