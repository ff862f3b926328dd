/**
 * The BOB 50 connector suite, run as it is on every engine a dossier can live in: SQLite here
 * (`npm test`), MySQL/MariaDB in test/mysql (`npm run test:mysql`). A backend only says how to
 * make a dossier, run raw SQL in it and open the connector.
 */
import type { BobMappingInput } from '../../../../src/sync/connectors/bob50/mapping';
import { BobSchemaError } from '../../../../src/sync/connectors/bob50/schemaCheck';
import type { BobDossierContent } from '../../../../src/sync/connectors/bob50/sqliteDossier';
import { BobWriteError } from '../../../../src/sync/connectors/bob50/writeChecks';
import type { BobCustomer } from '../../../../src/sync/domain/customer';
import type { BobConnector, CustomFieldDef } from '../../../../src/sync/domain/ports';

/** One empty place for a dossier: a new file, or a new database on the server. */
export interface DossierPlace {
  create(content: BobDossierContent, mapping?: BobMappingInput): Promise<void>;
  open(mapping?: BobMappingInput): Promise<BobConnector>;
  /** Runs one statement (DDL or DML) in the dossier, outside the connector. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
  /** Makes the database refuse to set CNAME1 to `value`, as a trigger would. */
  refuseName(value: string): Promise<void>;
  remove(): Promise<void>;
}

export interface BobBackend {
  name: string;
  /** Whether the dossier's columns store every Unicode character (SQLite, utf8mb4). */
  storesAnyCharacter: boolean;
  place(): Promise<DossierPlace>;
}

export const CUSTOM_FIELDS: Array<CustomFieldDef & { tab?: string }> = [
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
    name: 'Brouwerij Geërts & Zonen NV',
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

export function describeBobConnector(backend: BobBackend): void {
  describe(`BOB 50 connector on ${backend.name}`, () => {
    let place: DossierPlace;
    let bob: BobConnector;

    beforeEach(async () => {
      place = await backend.place();
      await place.create({ thirdParties: [LEFEVRE, GEERTS, MULLER], customFieldDefs: CUSTOM_FIELDS });
      bob = await place.open();
    });

    afterEach(async () => {
      await bob.close();
      await place.remove();
    });

    describe('reading', () => {
      it('reads every third party with its flags, accents and custom values intact', async () => {
        expect(await bob.readAll()).toEqual([GEERTS, LEFEVRE, MULLER]);
      });

      it('reads the given codes only, leaving unknown ones out', async () => {
        const some = await bob.readMany(['LEFEVRE', 'NOBODY', 'LEFEVRE']);
        expect([...some.keys()]).toEqual(['LEFEVRE']);
        expect(some.get('LEFEVRE')).toEqual(LEFEVRE);
      });

      it('joins the VAT columns as stored and drops the padding of fixed-width columns', async () => {
        await place.exec(`UPDATE AC_COMPAN SET CVATREF = 'BE', CVATNO = ' 411.905.847', CNAME1 = 'Lefèvre   ' WHERE CID = 'LEFEVRE'`);
        const lefevre = (await bob.readMany(['LEFEVRE'])).get('LEFEVRE');
        expect(lefevre?.values.vat).toBe('BE411.905.847');
        expect(lefevre?.values.name).toBe('Lefèvre');
      });

      it('leaves out values whose custom field is no longer defined', async () => {
        await place.exec(`INSERT INTO AC_CFVAL (CID, CFNAME, CFVALUE) VALUES ('LEFEVRE', 'ANCIEN', 'x')`);
        expect((await bob.readMany(['LEFEVRE'])).get('LEFEVRE')).toEqual(LEFEVRE);
        expect((await bob.readAll())[1]).toEqual(LEFEVRE);
      });

      it('lists the custom fields with their type and length', async () => {
        expect(await bob.customFields()).toEqual([
          { name: 'NEWSLETTER', type: 'boolean' },
          { name: 'REMISE', type: 'number' },
          { name: 'SECTEUR', type: 'string', length: 30 },
        ]);
      });

      it('rejects a custom field of an unknown type, naming it', async () => {
        await place.exec(`INSERT INTO AC_CFDEF (CFNAME, CFTYPE, CFLENGTH, CFTAB) VALUES ('ODD', 'blob', NULL, '')`);
        await expect(bob.customFields()).rejects.toThrow(/ODD .*"blob"/);
      });

      it('reports progress up to the total', async () => {
        const progress: Array<[number, number | undefined]> = [];
        await bob.readAll((done, total) => progress.push([done, total]));
        expect(progress.at(-1)).toEqual([3, 3]);
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

      it('applies two updates of one code in one batch in order', async () => {
        await bob.update([
          { cid: 'GEERTS', values: { city: 'Gand', postcode: '9001' } },
          { cid: 'GEERTS', values: { city: 'Gent' } },
        ]);
        expect((await bob.readMany(['GEERTS'])).get('GEERTS')?.values).toMatchObject({ city: 'Gent', postcode: '9001' });
      });

      it('splits a canonical VAT number over the prefix and number columns', async () => {
        await bob.update([{ cid: 'MULLER', values: { vat: 'BE0403019261' } }]);
        expect(await place.query(`SELECT CVATREF, CVATNO FROM AC_COMPAN WHERE CID = 'MULLER'`)).toEqual([
          { CVATREF: 'BE', CVATNO: '0403019261' },
        ]);
      });

      it('creates customers, flagged as customers only, with blanks for fields not given', async () => {
        await bob.create([{ cid: 'COPPE', values: { name: 'Coppé Frères SA', vat: 'BE0403019261', 'cf.SECTEUR': 'Négoce' } }]);
        expect((await bob.readMany(['COPPE'])).get('COPPE')).toEqual({
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
        expect(await place.query(`SELECT CCUSTYPE, CSUPTYPE, CVATCAT, CBANKIBAN FROM AC_COMPAN WHERE CID = 'COPPE'`)).toEqual([
          { CCUSTYPE: 'C', CSUPTYPE: '', CVATCAT: '', CBANKIBAN: '' },
        ]);
      });

      it('removes third parties with their custom values', async () => {
        await bob.remove(['GEERTS', 'NOBODY']);
        expect((await bob.readAll()).map((c) => c.cid)).toEqual(['LEFEVRE', 'MULLER']);
        expect(await place.query(`SELECT * FROM AC_CFVAL WHERE CID = 'GEERTS'`)).toEqual([]);
      });

      it('refuses fields it does not know instead of dropping them', async () => {
        await expect(bob.update([{ cid: 'GEERTS', values: { colour: 'red' } as never }])).rejects.toThrow(/Unknown field colour/);
      });

      it('writes batches larger than one statement takes', async () => {
        const many = Array.from({ length: 1203 }, (_, i) => ({ cid: `N${String(i).padStart(5, '0')}`, values: { name: `Nouveau ${i}`, 'cf.REMISE': String(i) } }));
        await bob.create(many);
        await bob.update(many.map(({ cid }, i) => ({ cid, values: { city: i % 2 ? 'Namur' : 'Mons', 'cf.SECTEUR': `S${i}` } })));
        const read = await bob.readMany(many.map((m) => m.cid));
        expect(read.size).toBe(1203);
        expect(read.get('N01202')?.values).toMatchObject({ name: 'Nouveau 1202', city: 'Mons', 'cf.REMISE': '1202', 'cf.SECTEUR': 'S1202' });
        await bob.remove(many.map((m) => m.cid));
        expect(await bob.readAll()).toHaveLength(3);
      });
    });

    describe("BOB's column widths and character set", () => {
      it('refuses a value too long for its column, naming the row and the column, and writes nothing', async () => {
        const snapshot = await bob.readAll();
        const error = await bob
          .update([
            { cid: 'LEFEVRE', values: { city: 'Namur' } },
            { cid: 'GEERTS', values: { name: 'Brouwerij Geërts & Zonen, bierbrouwers sinds 1872 NV' } },
          ])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BobWriteError);
        expect((error as Error).message).toBe(
          'third party GEERTS: CNAME1 holds at most 40 characters; the value has 52 ("Brouwerij Geërts & Zonen, bierbrouwers sinds 1872 NV")',
        );
        expect(await bob.readAll()).toEqual(snapshot);
      });

      it('cuts a value to the width only where the mapping says so', async () => {
        await bob.close();
        bob = await place.open({ cutToWidth: ['name'] });
        await bob.update([{ cid: 'GEERTS', values: { name: 'Brouwerij Geërts & Zonen, bierbrouwers sinds 1872 NV' } }]);
        expect((await bob.readMany(['GEERTS'])).get('GEERTS')?.values.name).toBe('Brouwerij Geërts & Zonen, bierbrouwers s');
        await expect(bob.update([{ cid: 'GEERTS', values: { city: 'x'.repeat(41) } }])).rejects.toThrow(/CLOCALITY holds at most 40/);
      });

      it('refuses a custom text longer than the field, naming both', async () => {
        await expect(bob.create([{ cid: 'NEW', values: { name: 'New', 'cf.SECTEUR': 's'.repeat(31) } }])).rejects.toThrow(
          'third party NEW: custom field SECTEUR holds at most 30 characters; the value has 31',
        );
      });

      it(
        backend.storesAnyCharacter
          ? 'stores any character'
          : 'reports the characters the charset cannot store, never writing them mangled',
        async () => {
          const values = { city: 'Łódź 😀', 'cf.SECTEUR': 'Ψ' };
          const attempt = bob.update([{ cid: 'LEFEVRE', values }]);
          if (backend.storesAnyCharacter) {
            await attempt;
            expect((await bob.readMany(['LEFEVRE'])).get('LEFEVRE')?.values).toMatchObject(values);
            return;
          }
          const error = (await attempt.then(
            () => new Error('expected the write to be refused'),
            (e: unknown) => e,
          )) as Error;
          expect(error).toBeInstanceOf(BobWriteError);
          expect(error.message).toContain(
            'third party LEFEVRE: CLOCALITY is stored in latin1, which cannot hold "Ł" (U+0141), "ź" (U+017A), "😀" (U+1F600)',
          );
          expect(error.message).toMatch(/custom field SECTEUR is stored in latin1 \(AC_CFVAL\), which cannot hold "Ψ"/u);
          expect((await bob.readMany(['LEFEVRE'])).get('LEFEVRE')).toEqual(LEFEVRE);
        },
      );
    });

    describe('one transaction per batch', () => {
      it('writes nothing when a statement of the batch fails in the database', async () => {
        await place.refuseName('BOOM');
        const snapshot = await bob.readAll();
        await expect(
          bob.update([
            { cid: 'LEFEVRE', values: { city: 'Namur', 'cf.SECTEUR': 'Horeca' } },
            { cid: 'GEERTS', values: { name: 'BOOM' } },
          ]),
          // Driver errors may belong to another jest realm: match the message, not the class.
        ).rejects.toHaveProperty('message', 'provoked failure');
        expect(await bob.readAll()).toEqual(snapshot);
      });

      it('writes nothing when a code of the batch does not exist', async () => {
        const snapshot = await bob.readAll();
        await expect(
          bob.update([
            { cid: 'LEFEVRE', values: { city: 'Namur' } },
            { cid: 'NOBODY', values: { city: 'Mons' } },
          ]),
        ).rejects.toThrow(/NOBODY not found/);
        expect(await bob.readAll()).toEqual(snapshot);
      });

      it('writes nothing when a custom field is not defined', async () => {
        const snapshot = await bob.readAll();
        await expect(
          bob.update([
            { cid: 'LEFEVRE', values: { 'cf.SECTEUR': 'Horeca' } },
            { cid: 'GEERTS', values: { 'cf.COULEUR': 'rouge' } },
          ]),
        ).rejects.toThrow(/Custom field COULEUR is not defined in AC_CFDEF/);
        expect(await bob.readAll()).toEqual(snapshot);
      });

      it('creates nothing when one code of the batch already exists', async () => {
        const snapshot = await bob.readAll();
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

  describe(`BOB 50 schema check on ${backend.name}`, () => {
    let place: DossierPlace;
    beforeEach(async () => {
      place = await backend.place();
    });
    afterEach(() => place.remove());

    const openError = async (mapping: BobMappingInput = {}): Promise<BobSchemaError> => {
      const error = await place.open(mapping).then(
        async (bob) => {
          await bob.close();
          throw new Error('expected the dossier to be rejected');
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BobSchemaError);
      return error as BobSchemaError;
    };

    it('names a missing column with its mapping key', async () => {
      await place.create({ thirdParties: [], customFieldDefs: [] });
      await place.exec('ALTER TABLE AC_COMPAN DROP COLUMN CTELNO');
      expect((await openError()).problems).toEqual(['column CTELNO not found in table AC_COMPAN (mapping key columns.phone)']);
    });

    it('names a mapping override that points to a column the dossier lacks', async () => {
      await place.create({ thirdParties: [], customFieldDefs: [] });
      expect((await openError({ columns: { phone: 'CPHONE' } })).problems).toEqual([
        'column CPHONE not found in table AC_COMPAN (mapping key columns.phone)',
      ]);
    });

    it('names missing tables with their mapping keys', async () => {
      await place.exec('CREATE TABLE AC_COMPAN (CID VARCHAR(10) PRIMARY KEY)');
      const problems = (await openError()).problems;
      expect(problems).toContain('column CNAME1 not found in table AC_COMPAN (mapping key columns.name)');
      expect(problems).toContain('table AC_CFDEF not found (mapping key customFields.definitions.table)');
      expect(problems).toContain('table AC_CFVAL not found (mapping key customFields.values.table)');
      expect(problems.filter((problem) => problem.includes('columns.cid'))).toEqual([]);
    });

    it('names a column that does not hold text', async () => {
      await place.create({ thirdParties: [], customFieldDefs: [] });
      await place.exec('ALTER TABLE AC_COMPAN DROP COLUMN CZIPCODE');
      await place.exec('ALTER TABLE AC_COMPAN ADD COLUMN CZIPCODE INTEGER');
      expect((await openError()).problems).toEqual([
        expect.stringMatching(/^column CZIPCODE of table AC_COMPAN is int(eger)?, not text \(mapping key columns\.postcode\)$/),
      ]);
    });

    it('accepts a dossier without the assumed columns when the mapping switches them off', async () => {
      await place.create({ thirdParties: [], customFieldDefs: [] });
      await place.exec('ALTER TABLE AC_COMPAN DROP COLUMN CTELNO');
      await place.exec('ALTER TABLE AC_COMPAN DROP COLUMN CWEBSITE');
      await place.exec(`INSERT INTO AC_COMPAN (CID, CNAME1, CCUSTYPE) VALUES ('A1', 'Aé', 'C')`);
      const bob = await place.open({ columns: { phone: null, website: null } });
      try {
        const [only] = await bob.readAll();
        expect(only.values).not.toHaveProperty('phone');
        expect(only.values.name).toBe('Aé');
        await expect(bob.update([{ cid: 'A1', values: { phone: '+32 2 000 00 00' } }])).rejects.toThrow(/columns\.phone is null/);
      } finally {
        await bob.close();
      }
    });
  });
}
