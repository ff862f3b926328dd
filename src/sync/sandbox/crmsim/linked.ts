/**
 * The records a company reaches through link tables: its address (`Address_Link`), its phones
 * (`PhoneLink`) and its e-mails (`EmailLink`). One description per kind lets the store create,
 * patch and load all three the same way.
 */
import { ADDRESS_FIELDS, EMAIL_FIELDS, fieldMap, PHONE_FIELDS, type SimFieldDef } from './catalogue';
import { COMPANY_ENTITY } from './schema';

export interface LinkedKind {
  /** Entity name in the REST API. */
  entity: 'Address' | 'Phone' | 'Email';
  table: string;
  idColumn: string;
  deletedColumn: string;
  /** Stamped on every write of the record; the company's own stamp does not move with it. */
  updatedColumn: string;
  fields: ReadonlyMap<string, SimFieldDef>;
  /** Body key of a POST naming the linked company. */
  recordKey: string;
  /** Body key of a POST naming the linked entity, which must be 5 (company); absent for addresses. */
  entityKey?: string;
  /** Inserts the link; parameters: record id, company id. */
  insertLink: string;
  /** Ids of the companies linked to one record; parameter: record id. */
  companiesOf: string;
  /** The linked records of a set of companies; parameter: JSON array of company ids. */
  ofCompanies: string;
  /**
   * Live records (aliased x) with the columns of their link (l, what a POST names), for lists.
   * The record's columns are unqualified, so a where clause on them applies as it is.
   */
  listFrom: string;
}

/** Phones and e-mails: several per company, told apart by their type. */
export interface TypedKind extends LinkedKind {
  typeColumn: string;
  /** The number or address. */
  valueColumn: string;
}

export const ADDRESS: LinkedKind = {
  entity: 'Address',
  table: 'Address',
  idColumn: 'addr_addressid',
  deletedColumn: 'addr_deleted',
  updatedColumn: 'addr_updateddate',
  fields: fieldMap(ADDRESS_FIELDS),
  recordKey: 'adli_companyid',
  insertLink: 'INSERT INTO Address_Link (adli_addressid, adli_companyid) VALUES (?, ?)',
  companiesOf: 'SELECT adli_companyid FROM Address_Link WHERE adli_addressid = ?',
  // A company shows its primary address only.
  ofCompanies: `SELECT c.comp_companyid AS owner, a.* FROM Company c
    JOIN Address a ON a.addr_addressid = c.comp_primaryaddressid AND a.addr_deleted IS NULL
    WHERE c.comp_companyid IN (SELECT value FROM json_each(?))`,
  listFrom: `Address x JOIN Address_Link l ON l.adli_addressid = x.addr_addressid WHERE x.addr_deleted IS NULL`,
};

export const PHONE: TypedKind = {
  entity: 'Phone',
  table: 'Phone',
  idColumn: 'phon_phoneid',
  typeColumn: 'phon_type',
  valueColumn: 'phon_number',
  deletedColumn: 'phon_deleted',
  updatedColumn: 'phon_updateddate',
  fields: fieldMap(PHONE_FIELDS),
  recordKey: 'plink_recordid',
  entityKey: 'plink_entityid',
  insertLink: `INSERT INTO PhoneLink (plink_phoneid, plink_entityid, plink_recordid) VALUES (?, ${COMPANY_ENTITY}, ?)`,
  companiesOf: `SELECT plink_recordid FROM PhoneLink WHERE plink_phoneid = ? AND plink_entityid = ${COMPANY_ENTITY}`,
  ofCompanies: `SELECT l.plink_recordid AS owner, p.* FROM PhoneLink l
    JOIN Phone p ON p.phon_phoneid = l.plink_phoneid AND p.phon_deleted IS NULL
    WHERE l.plink_entityid = ${COMPANY_ENTITY} AND l.plink_recordid IN (SELECT value FROM json_each(?))
    ORDER BY p.phon_phoneid`,
  listFrom: `Phone x JOIN PhoneLink l ON l.plink_phoneid = x.phon_phoneid WHERE x.phon_deleted IS NULL`,
};

export const EMAIL: TypedKind = {
  entity: 'Email',
  table: 'Email',
  idColumn: 'emai_emailid',
  typeColumn: 'emai_type',
  valueColumn: 'emai_emailaddress',
  deletedColumn: 'emai_deleted',
  updatedColumn: 'emai_updateddate',
  fields: fieldMap(EMAIL_FIELDS),
  recordKey: 'elink_recordid',
  entityKey: 'elink_entityid',
  insertLink: `INSERT INTO EmailLink (elink_emailid, elink_entityid, elink_recordid) VALUES (?, ${COMPANY_ENTITY}, ?)`,
  companiesOf: `SELECT elink_recordid FROM EmailLink WHERE elink_emailid = ? AND elink_entityid = ${COMPANY_ENTITY}`,
  ofCompanies: `SELECT l.elink_recordid AS owner, e.* FROM EmailLink l
    JOIN Email e ON e.emai_emailid = l.elink_emailid AND e.emai_deleted IS NULL
    WHERE l.elink_entityid = ${COMPANY_ENTITY} AND l.elink_recordid IN (SELECT value FROM json_each(?))
    ORDER BY e.emai_emailid`,
  listFrom: `Email x JOIN EmailLink l ON l.elink_emailid = x.emai_emailid WHERE x.emai_deleted IS NULL`,
};

/** By lower-case entity name, as routes match them. */
export const LINKED_KINDS = { address: ADDRESS, phone: PHONE, email: EMAIL } as const;
