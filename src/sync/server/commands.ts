/** What the `serve`, `start` and `token` commands of the CLI do. */
import { resolve } from 'node:path';
import type { Role } from '../../contract/api';
import { mintDevToken } from './auth/devToken';
import { loadServiceConfig, sandboxServiceConfig } from './config';
import { startService, type RunningService } from './service';
import { startOnSandbox } from './start';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** The port of the add-in's URLs in manifest.xml. */
const ADDIN_PORT = 3001;

/** Serves until SIGINT or SIGTERM, then lets runs in flight finish and closes. */
async function untilStopped(service: RunningService): Promise<void> {
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  print('Stopping: runs in flight finish first …');
  await service.close();
}

export async function serveCommand(configFile: string): Promise<void> {
  const service = await startService(loadServiceConfig(resolve(configFile)));
  print(`bobsync service: ${service.url}/api/v1`);
  await untilStopped(service);
}

export async function startCommand(port: number): Promise<void> {
  await untilStopped(await startOnSandbox({ cwd: process.cwd(), port, customers: 2000, print, addinPort: ADDIN_PORT }));
}

/** Prints a dev sign-in token for `--config FILE`, or for the sandbox of `bobsync start`. */
export async function tokenCommand(o: { user: string; roles: Role[]; dossiers: string[]; config?: string }): Promise<void> {
  const config = o.config ? loadServiceConfig(resolve(o.config)) : sandboxServiceConfig(process.cwd());
  print(await mintDevToken(config, { user: o.user, roles: o.roles, dossiers: o.dossiers }));
}
