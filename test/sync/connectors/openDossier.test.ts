/**
 * A real dossier's configuration (BOB connection, CRM over REST with its secrets, mapping
 * overrides): each bad input is a clear error at start that names the key to fix, and nothing
 * is written to either system.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, loadDossier, type DossierConfig } from '../../../src/sync/config';
import { openDossier } from '../../../src/sync/dossier';
import { CrmSimStore, startCrmSimulator, type CrmSimulator } from '../../../src/sync/sandbox/crmsim';
import { copyOf, prepareTemplate, removeWorlds } from '../engine/world';

jest.setTimeout(60_000);

const USER = 'ws';
const PASSWORD = 'rest-secret';

let template: string;
beforeAll(async () => {
  template = await prepareTemplate(40, 7);
});
afterAll(removeWorlds);

/** A copy of the sandbox dossier whose CRM is reached over REST, like a real one. */
async function restDossier(crm: Record<string, unknown>, bob: Record<string, unknown> = {}) {
  const dir = copyOf(template);
  const store = CrmSimStore.open(join(dir, 'crm.sqlite'));
  const sim: CrmSimulator = await startCrmSimulator({ store, users: { [USER]: PASSWORD } });
  const config = JSON.parse(readFileSync(join(dir, CONFIG_FILE), 'utf8')) as DossierConfig;
  const written = {
    ...config,
    bob: { ...config.bob, ...bob },
    crm: { kind: 'rest', baseUrl: sim.url, user: USER, passwordEnv: 'TEST_CRM_PASSWORD', ...crm },
  };
  writeFileSync(join(dir, CONFIG_FILE), JSON.stringify(written));
  const fingerprint = () => createHash('sha256').update(readFileSync(join(dir, 'bob50.sqlite'))).digest('hex');
  return {
    dir,
    sim,
    fingerprint,
    close: async () => {
      await sim.close();
      store.close();
    },
  };
}

/** Opening fails with `message`, and neither BOB nor CRM saw a write. */
async function refusedAtStart(d: Awaited<ReturnType<typeof restDossier>>, message: RegExp | string) {
  const before = d.fingerprint();
  const requests = d.sim.requestCount();
  await expect(openDossier(loadDossier(d.dir))).rejects.toThrow(message);
  expect(d.fingerprint()).toBe(before);
  // At most the one GET that found the problem.
  expect(d.sim.requestCount() - requests).toBeLessThanOrEqual(1);
}

describe('opening a configured dossier', () => {
  beforeEach(() => {
    process.env.TEST_CRM_PASSWORD = PASSWORD;
  });
  afterEach(() => {
    delete process.env.TEST_CRM_PASSWORD;
  });

  test('works over REST with the password from the environment or from a secrets file', async () => {
    const d = await restDossier({});
    try {
      const opened = await openDossier(loadDossier(d.dir));
      expect((await opened.engine.pull('test')).pull.counts.crm).toBeGreaterThan(0);
      await opened.close();
      writeFileSync(join(d.dir, 'crm.secret'), `${PASSWORD}\n`);
      const config = JSON.parse(readFileSync(join(d.dir, CONFIG_FILE), 'utf8'));
      delete config.crm.passwordEnv;
      writeFileSync(join(d.dir, CONFIG_FILE), JSON.stringify({ ...config, crm: { ...config.crm, passwordFile: 'crm.secret' } }));
      delete process.env.TEST_CRM_PASSWORD;
      await (await openDossier(loadDossier(d.dir))).close();
    } finally {
      await d.close();
    }
  });

  test('wrong CRM credentials', async () => {
    process.env.TEST_CRM_PASSWORD = 'wrong';
    const d = await restDossier({});
    try {
      await refusedAtStart(d, `Sage CRM refused the credentials for user ${USER}`);
    } finally {
      await d.close();
    }
  });

  test('a password variable that is not set', async () => {
    const d = await restDossier({ passwordEnv: 'TEST_CRM_PASSWORD_UNSET' });
    try {
      await refusedAtStart(d, 'crm.passwordEnv: set the environment variable TEST_CRM_PASSWORD_UNSET (it is empty or not set)');
    } finally {
      await d.close();
    }
  });

  test('an unknown CRM host', async () => {
    const d = await restDossier({ baseUrl: 'http://nonexistent.invalid/sdata/crmj/sagecrm2/-/', timeoutMs: 3000 });
    try {
      await refusedAtStart(d, /Sage CRM host nonexistent\.invalid was not found/);
    } finally {
      await d.close();
    }
  });

  test('a CRM without the BobSync field', async () => {
    const d = await restDossier({ bobsyncField: 'comp_bobsync50' });
    try {
      await refusedAtStart(d, /Sage CRM has no Company field comp_bobsync50 \(bobsyncField\)/);
    } finally {
      await d.close();
    }
  });

  test('a mapping that names a missing column', async () => {
    const d = await restDossier({}, { mapping: { columns: { phone: 'CTELEPHONE' } } });
    try {
      await refusedAtStart(d, /column CTELEPHONE not found in table AC_COMPAN \(mapping key columns\.phone\)/);
    } finally {
      await d.close();
    }
  });
});

describe('validating dossier.json', () => {
  const problems = async (patch: (config: Record<string, any>) => void): Promise<string> => {
    const dir = copyOf(template);
    const config = JSON.parse(readFileSync(join(dir, CONFIG_FILE), 'utf8'));
    patch(config);
    writeFileSync(join(dir, CONFIG_FILE), JSON.stringify(config));
    try {
      loadDossier(dir);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the configuration to be refused');
  };

  test.each<[string, (c: Record<string, any>) => void, string]>([
    ['a mapping column that is no identifier', (c) => (c.bob.mapping = { columns: { phone: 'C TEL' } }), 'bob.mapping.columns.phone: must be a plain SQL identifier'],
    ['an unknown mapping key', (c) => (c.bob.mapping = { colums: {} }), 'bob.mapping: Unrecognized key: "colums"'],
    ['an unknown column to cut', (c) => (c.bob.mapping = { cutToWidth: ['nom'] }), 'bob.mapping.cutToWidth.0:'],
    [
      'a MySQL BOB with two password sources',
      (c) => (c.bob = { kind: 'mysql', host: 'db', database: 'bob', user: 'u', passwordEnv: 'X', passwordFile: 'y' }),
      'bob.passwordFile: give passwordEnv or passwordFile, not both',
    ],
    ['a MySQL BOB without a database', (c) => (c.bob = { kind: 'mysql', host: 'db', user: 'u' }), 'bob.database:'],
    ['a REST CRM without a user', (c) => (c.crm = { kind: 'rest', baseUrl: 'https://crm/sdata/crmj/sagecrm2/-/' }), 'crm.user: is required'],
    [
      'a REST CRM with both a session and a user',
      (c) => (c.crm = { kind: 'rest', baseUrl: 'https://crm/sdata/crmj/sagecrm2/-/', user: 'u', sessionIdEnv: 'SID' }),
      'crm.sessionIdEnv: give sessionIdEnv or user and password, not both',
    ],
  ])('%s names the key', async (_what, patch, expected) => {
    expect(await problems(patch)).toContain(expected);
  });
});
