/**
 * The sync service: opens every configured dossier once (recovering what a crash left), then
 * serves the API until closed. Closing lets applies and undos in flight finish first.
 */
import { createWriteStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { createAuthenticator, type Authenticator } from './auth/authenticator';
import { loadOrCreateDevKey } from './auth/devKey';
import type { ServiceConfig } from './config';
import { closeServedDossiers, openServedDossiers, type ServedDossier } from './dossiers';
import { LiveRuns } from './liveRuns';
import type { ServiceContext } from './route';

export interface ServiceOptions {
  /** Where the logs go instead of the configured file or standard output. */
  logStream?: NodeJS.WritableStream;
  /** Replaces token verification; for benchmarks that measure its cost. */
  authenticator?: Authenticator;
}

export interface RunningService {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  app: FastifyInstance;
  dossiers: ReadonlyMap<string, ServedDossier>;
  close(): Promise<void>;
}

const VERSION: string = (require('../../../package.json') as { version: string }).version;

export async function startService(config: ServiceConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const devKey = config.auth.mode === 'dev' ? await loadOrCreateDevKey(config.stateDir) : null;
  const authenticator = options.authenticator ?? createAuthenticator(config.auth, devKey);
  const dossiers = await openServedDossiers(config.dossiers);
  const ctx: ServiceContext = { config, dossiers, live: new LiveRuns(), authenticator, devJwks: devKey?.jwks ?? null, version: VERSION, stopping: false };
  const logStream = options.logStream ?? (config.log.file ? createWriteStream(config.log.file, { flags: 'a', mode: 0o600 }) : undefined);
  let app: FastifyInstance;
  try {
    app = await buildApp(ctx, logStream);
    await app.listen({ host: config.listen.host, port: config.listen.port });
  } catch (error) {
    await closeServedDossiers(dossiers);
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    app,
    dossiers,
    close: () =>
      (closing ??= (async () => {
        ctx.stopping = true;
        await ctx.live.idle();
        await app.close();
        await closeServedDossiers(dossiers);
      })()),
  };
}
