/**
 * The Sage CRM simulator of a dossier in a process of its own, as a real CRM would be: the
 * engine's memory and time are then measured without the server's. Prints its URL, then serves
 * until it is killed.
 */
import { join } from 'node:path';
import { CrmSimStore, startCrmSimulator } from '../../src/sync/sandbox/crmsim';
import { SANDBOX_CRM_PASSWORD, SANDBOX_CRM_USER } from '../../src/sync/sandbox/sandbox';

async function main(): Promise<void> {
  const store = CrmSimStore.open(join(process.argv[2], 'crm.sqlite'));
  const server = await startCrmSimulator({ store, users: { [SANDBOX_CRM_USER]: SANDBOX_CRM_PASSWORD }, latencyMs: Number(process.argv[3] ?? 0) });
  process.stdout.write(`${server.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
