/** The `bobsync` command run from source, so that tests drive it as a separate process. */
import { main } from '../../src/sync/cli';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
