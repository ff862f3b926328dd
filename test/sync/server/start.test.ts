import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { mintDevToken } from '../../../src/sync/server/auth/devToken';
import { sandboxServiceConfig } from '../../../src/sync/server/config';
import { startOnSandbox } from '../../../src/sync/server/start';
import { call } from './harness';

describe('bobsync start', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'bobsync-start-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('creates the sandbox on first start, serves it with dev sign-in, and says how to get a token', async () => {
    for (const first of [true, false]) {
      const lines: string[] = [];
      const service = await startOnSandbox({ cwd, port: 0, customers: 30, print: (l) => lines.push(l), service: { logStream: new PassThrough().resume() } });
      try {
        expect(lines.some((l) => l.startsWith('First start'))).toBe(first);
        expect(lines).toContain(`bobsync service on the sandbox dossier: ${service.url}/api/v1`);
        expect(lines.join('\n')).toContain('bobsync.js token --user');
        const token = await mintDevToken(sandboxServiceConfig(cwd), { user: 'anne', roles: ['Sync.Review'], dossiers: [] });
        const dossiers = await call(service.url, 'GET', '/dossiers', { token });
        expect(dossiers.body.dossiers).toEqual([expect.objectContaining({ id: 'sandbox', roles: ['Sync.Review'] })]);
      } finally {
        await service.close();
      }
    }
    // The signing key stays in the state folder, for its owner only.
    expect(statSync(join(cwd, 'var', 'dev-signing-key.json')).mode & 0o777).toBe(0o600);
  }, 60_000);
});
