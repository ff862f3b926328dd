/**
 * The sync service in a process of its own, for the service benchmarks: its memory is measured
 * apart from the client's, and load generation does not share its event loop. Started by
 * serviceProcess.ts; prints `{"url": …}` once listening, stops on SIGTERM.
 */
import { decodeJwt } from 'jose';
import { principalOf } from '../src/sync/server/auth/authenticator';
import { startService } from '../src/sync/server/service';
import { benchServiceConfig, type ChildOptions } from './serviceProcess';

async function main(o: ChildOptions): Promise<void> {
  const config = benchServiceConfig(o);
  const unverified = { authenticate: async (header: string | undefined) => principalOf(decodeJwt((header ?? '').replace(/^Bearer /, ''))) };
  const service = await startService(config, o.verify ? {} : { authenticator: unverified });
  process.stdout.write(`${JSON.stringify({ url: service.url })}\n`);
  process.once('SIGTERM', () => {
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

main(JSON.parse(process.argv[2]) as ChildOptions).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
