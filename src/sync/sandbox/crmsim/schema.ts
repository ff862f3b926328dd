/**
 * Tables of the simulated CRM, named and linked as in Sage CRM: a company's address goes
 * through `Address_Link`, its phones and e-mails through `PhoneLink`/`EmailLink` with entity 5.
 * Custom company fields are real columns, declared in `sim_custom_field` so a reopened file
 * knows their types and widths.
 */
import type Database from 'better-sqlite3';
import { CUSTOM_FIELD_NAME, type SimFieldDef } from './catalogue';
import { SimInputError } from './errors';

/** `PhoneLink`/`EmailLink` entity id of a company. */
export const COMPANY_ENTITY = 5;

const DDL = `
CREATE TABLE IF NOT EXISTS Company (
  comp_companyid INTEGER PRIMARY KEY,
  comp_name TEXT NOT NULL,
  comp_type TEXT,
  comp_status TEXT,
  comp_website TEXT,
  comp_vatnumber TEXT,
  comp_language TEXT,
  comp_bobsync TEXT NOT NULL DEFAULT 'N',
  comp_phonenumber TEXT,
  comp_faxnumber TEXT,
  comp_emailaddress TEXT,
  comp_primaryaddressid INTEGER,
  comp_createddate TEXT NOT NULL,
  comp_updateddate TEXT NOT NULL,
  comp_deleted TEXT
);
CREATE INDEX IF NOT EXISTS company_updateddate ON Company (comp_updateddate);
CREATE INDEX IF NOT EXISTS company_vatnumber ON Company (comp_vatnumber);

CREATE TABLE IF NOT EXISTS Address (
  addr_addressid INTEGER PRIMARY KEY,
  addr_address1 TEXT, addr_address2 TEXT, addr_address3 TEXT, addr_address4 TEXT, addr_address5 TEXT,
  addr_postcode TEXT, addr_city TEXT, addr_country TEXT,
  addr_updateddate TEXT,
  addr_deleted TEXT
);
CREATE INDEX IF NOT EXISTS address_updateddate ON Address (addr_updateddate);
CREATE TABLE IF NOT EXISTS Address_Link (
  adli_addresslinkid INTEGER PRIMARY KEY,
  adli_addressid INTEGER NOT NULL REFERENCES Address (addr_addressid),
  adli_companyid INTEGER NOT NULL REFERENCES Company (comp_companyid)
);
CREATE INDEX IF NOT EXISTS address_link_company ON Address_Link (adli_companyid);
CREATE INDEX IF NOT EXISTS address_link_address ON Address_Link (adli_addressid);

CREATE TABLE IF NOT EXISTS Phone (
  phon_phoneid INTEGER PRIMARY KEY,
  phon_type TEXT NOT NULL,
  phon_number TEXT,
  phon_updateddate TEXT,
  phon_deleted TEXT
);
CREATE INDEX IF NOT EXISTS phone_updateddate ON Phone (phon_updateddate);
CREATE TABLE IF NOT EXISTS PhoneLink (
  plink_linkid INTEGER PRIMARY KEY,
  plink_phoneid INTEGER NOT NULL REFERENCES Phone (phon_phoneid),
  plink_entityid INTEGER NOT NULL,
  plink_recordid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS phone_link_record ON PhoneLink (plink_entityid, plink_recordid);
CREATE INDEX IF NOT EXISTS phone_link_phone ON PhoneLink (plink_phoneid);

CREATE TABLE IF NOT EXISTS Email (
  emai_emailid INTEGER PRIMARY KEY,
  emai_type TEXT NOT NULL,
  emai_emailaddress TEXT,
  emai_updateddate TEXT,
  emai_deleted TEXT
);
CREATE INDEX IF NOT EXISTS email_updateddate ON Email (emai_updateddate);
CREATE TABLE IF NOT EXISTS EmailLink (
  elink_linkid INTEGER PRIMARY KEY,
  elink_emailid INTEGER NOT NULL REFERENCES Email (emai_emailid),
  elink_entityid INTEGER NOT NULL,
  elink_recordid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS email_link_record ON EmailLink (elink_entityid, elink_recordid);
CREATE INDEX IF NOT EXISTS email_link_email ON EmailLink (elink_emailid);

CREATE TABLE IF NOT EXISTS sim_custom_field (
  name TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  length INTEGER
);
`;

export function createSchema(db: Database.Database): void {
  db.exec(DDL);
}

const CUSTOM_FIELD_TYPES = ['string', 'number', 'date', 'boolean', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldInput {
  /** `comp_<name>`, lower case. */
  name: string;
  type: CustomFieldType;
  /** Width of a string or choice field. */
  length?: number;
}

export function readCustomFields(db: Database.Database): SimFieldDef[] {
  const rows = db.prepare('SELECT name, type, length FROM sim_custom_field ORDER BY rowid').all() as Array<{
    name: string;
    type: CustomFieldType;
    length: number | null;
  }>;
  return rows.map((r) => customFieldDef({ name: r.name, type: r.type, length: r.length ?? undefined }));
}

/** Adds the column; the caller checks the name is new. */
export function addCustomColumn(db: Database.Database, input: CustomFieldInput): SimFieldDef {
  const def = customFieldDef(input);
  // The name is checked against CUSTOM_FIELD_NAME, so it is safe to put in DDL.
  const sqlType = input.type === 'number' ? 'NUMERIC' : 'TEXT';
  db.transaction(() => {
    db.exec(`ALTER TABLE Company ADD COLUMN "${def.name}" ${sqlType}`);
    db.prepare('INSERT INTO sim_custom_field (name, type, length) VALUES (?, ?, ?)').run(
      def.name,
      input.type,
      input.length ?? null,
    );
  })();
  return def;
}

function customFieldDef(input: CustomFieldInput): SimFieldDef {
  if (!CUSTOM_FIELD_NAME.test(input.name)) {
    throw new SimInputError(
      `Custom field name '${input.name}' must be 'comp_' followed by lower-case letters, digits or '_'`,
      'InvalidField',
    );
  }
  if (!CUSTOM_FIELD_TYPES.includes(input.type)) {
    throw new SimInputError(
      `Custom field '${input.name}': type must be one of ${CUSTOM_FIELD_TYPES.join(', ')}`,
      'InvalidField',
    );
  }
  const textual = input.type === 'string' || input.type === 'choice';
  if (input.length !== undefined && (!textual || !Number.isInteger(input.length) || input.length < 1)) {
    throw new SimInputError(
      `Custom field '${input.name}': a length is a positive whole number and only for string or choice fields`,
      'InvalidField',
    );
  }
  return {
    name: input.name,
    title: input.name.slice('comp_'.length),
    type: input.type,
    maxLength: input.length,
  };
}
