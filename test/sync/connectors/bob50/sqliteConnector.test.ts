import Database from 'better-sqlite3';
import { openBobSqlite } from '../../../../src/sync/connectors/bob50/sqliteConnector';
import { createBobDossier, createBobSchema } from '../../../../src/sync/connectors/bob50/sqliteDossier';
import { BobSchemaError } from '../../../../src/sync/connectors/bob50/schemaCheck';
import type { BobCustomer } from '../../../../src/sync/domain/customer';
import type { BobConnector, CustomFieldDef } from '../../../../src/sync/domain/ports';
import { tempDir, type TempDir } from './tempDossier';

const CUSTOM_FIELDS: Array<CustomFieldDef & { tab?: string }> = [
  { name: 'SECTEUR', type: 'string', length: 30, tab: 'Commercial' },
  { name: 'REMISE', type: 'number', tab: 'Commercial' },
  { name: 'NEWSLETTER', type: 'boolean' },
];

const LEFEVRE: BobCustomer = {
  cid: 'LEFEVRE',
  isCustomer: true,
  isSupplier: false,
  values: {
    name: 'Boulangerie Lefèvre SRL',
    address1: 'Rue de la Brasserie 12',
    address2: 'Boîte 3',
    postcode: '4000',
    city: 'Liège',
    country: 'BE',
    vat: 'BE0411905847',
    language: 'FR',
    phone: '+32 4 223 45 67',
    email: 'info@lefevre.be',
    website: 'www.lefevre.be',
    'cf.SECTEUR': 'Pâtisserie',
    'cf.REMISE': '2.5',
    'cf.NEWSLETTER': '',
  },
};

const GEERTS: BobCustomer = {
  cid: 'GEERTS',
  isCustomer: true,
  isSupplier: true,
  values: {
    name: "Brouwerij Geërts & Zonen NV",
    address1: 'Kortrijksesteenweg 214',
    address2: '',
    postcode: '9000',
    city: 'Gent',
    country: 'BE',
    vat: 'BE1000003682',
    language: 'NL',
    phone: '+32 9 245 12 34',
    email: 'boekhouding@geerts.be',
    website: '',
    'cf.SECTEUR': 'Brouwerij',
    'cf.REMISE': '',
    'cf.NEWSLETTER': 'true',
  },
};

const MULLER: BobCustomer = {
  cid: 'MULLER',
  isCustomer: false,
  isSupplier: true,
  values: {
    name: 'Müller Façades SPRL',
    address1: 'Rue de Eupen 3',
    address2: '',
    postcode: '4700',
    city: 'Eupen',
    country: 'BE',
    vat: '',
    language: 'FR',
    phone: '',
    email: '',
    website: '',
    'cf.SECTEUR': '',
    'cf.REMISE': '',
    'cf.NEWSLETTER': '',
  },
};

describe('BOB 50 connector on SQLite', () => {
  let dir: TempDir;
  let file: string;
  let bob: BobConnector;

  beforeEach(() => {
    dir = tempDir();
    file = dir.path('dossier.sqlite');
    createBobDossier(file, { thirdParties: [LEFEVRE, GEERTS, MULLER], customFieldDefs: CUSTOM_FIELDS });
    bob = openBobSqlite(file);
  });

  afterEach(async () => {
    await bob.close();
    dir.remove();
  });

  const raw = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  describe('reading', () => {
    it('reads every third party with its flags, accents and custom values intact', async () => {
      const all = await bob.readAll();
      expect(all).toEqual([GEERTS, LEFEVRE, MULLER]);
    });

    it('reads the given codes only, leaving unknown ones out', async () => {
      const some = await bob.readMany(['LEFEVRE', 'NOBODY', 'LEFEVRE']);
      expect([...some.keys()]).toEqual(['LEFEVRE']);
      expect(some.get('LEFEVRE')).toEqual(LEFEVRE);
    });

    it('joins the VAT columns as stored and drops the padding of fixed-width columns', async () => {
      const db = new Database(file);
      db.prepare(
        `UPDATE AC_COMPAN SET CVATREF = 'BE ', CVATNO = ' 0411.905.847', CNAME1 = 'Lefèvre   ' WHERE CID = 'LEFEVRE'`,
      ).run();
      db.close();
      const lefevre = (await bob.readMany(['LEFEVRE'])).get('LEFEVRE');
      expect(lefevre?.values.vat).toBe('BE0411.905.847');
      expect(lefevre?.values.name).toBe('Lefèvre');
    });

    it('leaves out values whose custom field is no longer defined', async () => {
      const db = new Database(file);
      db.prepare(`INSERT INTO AC_CFVAL (CID, CFNAME, CFVALUE) VALUES ('LEFEVRE', 'ANCIEN', 'x')`).run();
      db.close();
      expect((await bob.readMany(['LEFEVRE'])).get('LEFEVRE')).toEqual(LEFEVRE);
    });

    it('lists the custom fields with their type and length', async () => {
      expect(await bob.customFields()).toEqual([
        { name: 'NEWSLETTER', type: 'boolean' },
        { name: 'REMISE', type: 'number' },
        { name: 'SECTEUR', type: 'string', length: 30 },
      ]);
    });

    it('rejects a custom field of an unknown type, naming it', async () => {
      const db = new Database(file);
      db.prepare(`INSERT INTO AC_CFDEF (CFNAME, CFTYPE, CFLENGTH, CFTAB) VALUES ('ODD', 'blob', NULL, '')`).run();
      db.close();
      await expect(bob.customFields()).rejects.toThrow(/ODD .*"blob"/);
    });
  });

  describe('writing', () => {
    it('writes only the given fields, with accents, and reads them back', async () => {
      await bob.update([
        { cid: 'GEERTS', values: { name: 'Brouwerij Geërts BV', city: 'Sint-Martens-Latem', 'cf.REMISE': '5' } },
        { cid: 'LEFEVRE', values: { address1: 'Chaussée de Liège 7', 'cf.NEWSLETTER': 'true' } },
      ]);
      const all = await bob.readAll();
      expect(all.find((c) => c.cid === 'GEERTS')?.values).toEqual({
        ...GEERTS.values,
        name: 'Brouwerij Geërts BV',
        city: 'Sint-Martens-Latem',
        'cf.REMISE': '5',
      });
      expect(all.find((c) => c.cid === 'LEFEVRE')?.values).toEqual({
        ...LEFEVRE.values,
        address1: 'Chaussée de Liège 7',
        'cf.NEWSLETTER': 'true',
      });
      expect(all.find((c) => c.cid === 'MULLER')).toEqual(MULLER);
    });

    it('splits a canonical VAT number over the prefix and number columns', async () => {
      await bob.update([{ cid: 'MULLER', values: { vat: 'BE0403019261' } }]);
      expect(raw(`SELECT CVATREF, CVATNO FROM AC_COMPAN WHERE CID = 'MULLER'`)).toEqual([
        { CVATREF: 'BE', CVATNO: '0403019261' },
      ]);
    });

    it('creates customers, flagged as customers only, with blanks for fields not given', async () => {
      await bob.create([
        { cid: 'COPPE', values: { name: 'Coppé Frères SA', vat: 'BE0403019261', 'cf.SECTEUR': 'Négoce' } },
      ]);
      const coppe = (await bob.readMany(['COPPE'])).get('COPPE');
      expect(coppe).toEqual({
        cid: 'COPPE',
        isCustomer: true,
        isSupplier: false,
        values: {
          ...Object.fromEntries(Object.keys(LEFEVRE.values).map((key) => [key, ''])),
          name: 'Coppé Frères SA',
          vat: 'BE0403019261',
          'cf.SECTEUR': 'Négoce',
        },
      });
      expect(raw(`SELECT CCUSTYPE, CSUPTYPE, CVATCAT, CBANKIBAN FROM AC_COMPAN WHERE CID = 'COPPE'`)).toEqual([
        { CCUSTYPE: 'C', CSUPTYPE: '', CVATCAT: '', CBANKIBAN: '' },
      ]);
    });

    it('removes third parties with their custom values', async () => {
      await bob.remove(['GEERTS', 'NOBODY']);
      expect((await bob.readAll()).map((c) => c.cid)).toEqual(['LEFEVRE', 'MULLER']);
      expect(raw(`SELECT * FROM AC_CFVAL WHERE CID = 'GEERTS'`)).toEqual([]);
    });

    it('refuses fields it does not know instead of dropping them', async () => {
      await expect(bob.update([{ cid: 'GEERTS', values: { colour: 'red' } as never }])).rejects.toThrow(
        /Unknown field colour/,
      );
    });
  });

  describe('one transaction per batch', () => {
    const before = async () => bob.readAll();

    it('writes nothing when a statement of the batch fails in the database', async () => {
      const db = new Database(file);
      db.exec(`CREATE TRIGGER refuse_boom BEFORE UPDATE OF CNAME1 ON AC_COMPAN
               WHEN NEW.CNAME1 = 'BOOM' BEGIN SELECT RAISE(ABORT, 'provoked failure'); END`);
      db.close();
      const snapshot = await before();
      await expect(
        bob.update([
          { cid: 'LEFEVRE', values: { city: 'Namur', 'cf.SECTEUR': 'Horeca' } },
          { cid: 'GEERTS', values: { name: 'BOOM' } },
        ]),
        // SqliteError comes from the native addon, whose Error may belong to another jest realm:
        // match the message, not the class.
      ).rejects.toHaveProperty('message', 'provoked failure');
      expect(await bob.readAll()).toEqual(snapshot);
    });

    it('writes nothing when a code of the batch does not exist', async () => {
      const snapshot = await before();
      await expect(
        bob.update([
          { cid: 'LEFEVRE', values: { city: 'Namur' } },
          { cid: 'NOBODY', values: { city: 'Mons' } },
        ]),
      ).rejects.toThrow(/NOBODY not found/);
      expect(await bob.readAll()).toEqual(snapshot);
    });

    it('writes nothing when a custom field is not defined', async () => {
      const snapshot = await before();
      await expect(
        bob.update([
          { cid: 'LEFEVRE', values: { 'cf.SECTEUR': 'Horeca' } },
          { cid: 'GEERTS', values: { 'cf.COULEUR': 'rouge' } },
        ]),
      ).rejects.toThrow(/Custom field COULEUR is not defined in AC_CFDEF/);
      expect(await bob.readAll()).toEqual(snapshot);
    });

    it('creates nothing when one code of the batch already exists', async () => {
      const snapshot = await before();
      await expect(
        bob.create([
          { cid: 'NEW1', values: { name: 'Nouveau' } },
          { cid: 'GEERTS', values: { name: 'Doublon' } },
        ]),
      ).rejects.toThrow(/GEERTS already exists/);
      expect(await bob.readAll()).toEqual(snapshot);
    });
  });

  describe('allocating codes', () => {
    it('derives the code from the name and skips codes used in the dossier or taken', async () => {
      await bob.create([{ cid: 'DUPONT', values: { name: 'Dupont SA' } }]);
      expect(await bob.allocateCid('Dupont SPRL', new Set())).toBe('DUPONT1');
      expect(await bob.allocateCid('Dupont SPRL', new Set(['DUPONT1', 'DUPONT2']))).toBe('DUPONT3');
      expect(await bob.allocateCid('Geërts', new Set())).toBe('GEERTS1');
      expect(await bob.allocateCid('Île aux Épices', new Set())).toBe('ILEAUXEPIC');
    });

    it('gives codes unique against each other when the caller adds each to the taken set', async () => {
      const taken = new Set<string>();
      for (let i = 0; i < 25; i++) taken.add(await bob.allocateCid('Boulangerie Lefèvre', taken));
      expect(taken.size).toBe(25);
      expect(taken.has('BOULANGERI')).toBe(true);
      expect(taken.has('BOULANGE24')).toBe(true);
      for (const code of taken) expect(code).toMatch(/^[A-Z0-9]{1,10}$/);
    });
  });
});

describe('BOB 50 schema check', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  function dossierWith(ddl: string[]): string {
    const file = dir.path(`d${Math.random().toString(36).slice(2)}.sqlite`);
    const db = new Database(file);
    for (const statement of ddl) db.exec(statement);
    db.close();
    return file;
  }

  const openError = (file: string, mapping = {}): BobSchemaError => {
    try {
      openBobSqlite(file, mapping).close();
    } catch (error) {
      expect(error).toBeInstanceOf(BobSchemaError);
      return error as BobSchemaError;
    }
    throw new Error('expected the dossier to be rejected');
  };

  it('names a missing column with its mapping key', () => {
    const db = new Database(dir.path('base.sqlite'));
    createBobSchema(db);
    db.exec('ALTER TABLE AC_COMPAN DROP COLUMN CTELNO');
    db.close();
    expect(openError(dir.path('base.sqlite')).problems).toEqual([
      'column CTELNO not found in table AC_COMPAN (mapping key columns.phone)',
    ]);
  });

  it('names missing tables with their mapping keys', () => {
    const file = dossierWith(['CREATE TABLE ac_compan (cid TEXT PRIMARY KEY)']);
    const problems = openError(file).problems;
    expect(problems).toContain('column CNAME1 not found in table AC_COMPAN (mapping key columns.name)');
    expect(problems).toContain('table AC_CFDEF not found (mapping key customFields.definitions.table)');
    expect(problems).toContain('table AC_CFVAL not found (mapping key customFields.values.table)');
    expect(problems.filter((problem) => problem.includes('columns.cid'))).toEqual([]);
  });

  it('accepts a dossier without the assumed columns when the mapping switches them off', async () => {
    const db = new Database(dir.path('base.sqlite'));
    createBobSchema(db);
    db.exec('ALTER TABLE AC_COMPAN DROP COLUMN CTELNO');
    db.exec('ALTER TABLE AC_COMPAN DROP COLUMN CWEBSITE');
    db.prepare(`INSERT INTO AC_COMPAN (CID, CNAME1, CCUSTYPE) VALUES ('A1', 'Aé', 'C')`).run();
    db.close();
    const bob = openBobSqlite(dir.path('base.sqlite'), { columns: { phone: null, website: null } });
    const [only] = await bob.readAll();
    expect(only.values).not.toHaveProperty('phone');
    expect(only.values.name).toBe('Aé');
    await expect(bob.update([{ cid: 'A1', values: { phone: '+32 2 000 00 00' } }])).rejects.toThrow(
      /columns\.phone is null/,
    );
    await bob.close();
  });

  it('does not create a dossier file that does not exist', () => {
    expect(() => openBobSqlite(dir.path('missing.sqlite'))).toThrow(/missing\.sqlite/);
  });
});
