/**
 * `bobsync start` (and `npm start`): the service on the embedded default, and the Excel add-in
 * served over HTTPS in front of it. The sandbox dossier is created on first start; dev sign-in
 * mints tokens with `bobsync token`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../config';
import { initSandbox } from '../sandbox/sandbox';
import { sandboxServiceConfig } from './config';
import { startService, type RunningService, type ServiceOptions } from './service';
import { startAddinOnSandbox } from './startAddin';

export interface StartOptions {
  cwd: string;
  port: number;
  /** Size of the sandbox made on first start. */
  customers: number;
  print(line: string): void;
  service?: ServiceOptions;
  /** Serve the Excel add-in on this port (the manifest's: 3001); not served when absent. */
  addinPort?: number;
}

export async function startOnSandbox(o: StartOptions): Promise<RunningService> {
  const config = sandboxServiceConfig(o.cwd, o.port);
  const dir = config.dossiers[0].path;
  if (!existsSync(join(dir, CONFIG_FILE))) {
    o.print(`First start: creating the sandbox dossier (${o.customers} customers) in ${dir} …`);
    await initSandbox({ dir, customers: o.customers, seed: 1, force: false, user: 'bobsync start' });
  }
  const service = await startService(config, o.service);
  o.print('');
  o.print(`bobsync service on the sandbox dossier: ${service.url}/api/v1`);
  o.print(`  API description: ${service.url}/api/v1/openapi.json`);
  o.print('  Sign-in is dev mode. Get a token (roles: Sync.Review, Sync.Apply, Sync.Admin):');
  o.print('    TOKEN=$(node bin/bobsync.js token --user anne --role Sync.Review --role Sync.Apply)');
  o.print(`    curl -H "Authorization: Bearer $TOKEN" ${service.url}/api/v1/dossiers`);
  let addin: Awaited<ReturnType<typeof startAddinOnSandbox>> = null;
  if (o.addinPort !== undefined) {
    try {
      addin = await startAddinOnSandbox({ config, serviceUrl: service.url, port: o.addinPort, cwd: o.cwd, print: o.print, logStream: o.service?.logStream });
    } catch (error) {
      await service.close();
      throw error;
    }
  }
  o.print('  Stop with Ctrl+C.');
  o.print('');
  if (!addin) return service;
  return {
    ...service,
    close: async () => {
      await addin.close();
      await service.close();
    },
  };
}
