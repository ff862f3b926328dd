/**
 * Sage CRM fields ⇄ canonical values. Company fields live on the company; address lines come
 * from its primary address, phone and e-mail from its Business phone and e-mail. A custom field
 * `cf.<X>` (X the BOB field name) lives in `comp_<x>`, x in lower case.
 */
import { customFieldKey, customFieldName, isCustomFieldKey, type CrmCompany, type Values } from '../../domain/customer';
import type { CustomFieldDef } from '../../domain/ports';
import type { CompanyRecord } from './wire';

export interface MappedFieldNames {
  bobsyncField: string;
  vatField: string;
  languageField: string;
}

export const ADDRESS_COLUMNS = {
  address1: 'addr_address1',
  address2: 'addr_address2',
  postcode: 'addr_postcode',
  city: 'addr_city',
  country: 'addr_country',
} as const;
type AddressKey = keyof typeof ADDRESS_COLUMNS;

export const BUSINESS = 'Business';

/** What an update or a creation writes, grouped by the record it lives in. */
export interface CrmWrites {
  company: Record<string, string>;
  address: Record<string, string>;
  /** Business phone number; undefined: not written. */
  phone?: string;
  /** Business e-mail address; undefined: not written. */
  email?: string;
}

export const crmCustomColumn = (bobName: string): string => `comp_${bobName.toLowerCase()}`;

/** A BOB custom field the client reads and writes: its name and, for check boxes, its type. */
export type CustomFieldRef = Pick<CustomFieldDef, 'name' | 'type'>;

/**
 * Canonical booleans are 'true'/'false' and dates 'YYYY-MM-DD'; Sage CRM check boxes hold
 * 'Y'/'N' and its date fields come back as midnight date-times. Other types pass as they are.
 */
export function toCrmValue(type: CustomFieldDef['type'] | undefined, value: string): string {
  if (type !== 'boolean') return value;
  return value === 'true' ? 'Y' : value === 'false' ? 'N' : value;
}

export function fromCrmValue(type: CustomFieldDef['type'] | undefined, value: string): string {
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}T00:00:00(\.0+)?Z?$/.test(value) ? value.slice(0, 10) : value;
  if (type !== 'boolean') return value;
  return value === 'Y' ? 'true' : value === 'N' ? 'false' : value;
}

export class CrmMapping {
  private readonly companyColumns: ReadonlyMap<string, string>;
  /** BOB custom field name → CRM column, for the fields the caller asked for. */
  private readonly customColumns: ReadonlyMap<string, string>;
  private readonly customTypes: ReadonlyMap<string, CustomFieldDef['type']>;

  constructor(
    private readonly names: MappedFieldNames,
    customFields: readonly CustomFieldRef[],
  ) {
    this.companyColumns = new Map([
      ['name', 'comp_name'],
      ['website', 'comp_website'],
      ['vat', names.vatField],
      ['language', names.languageField],
    ]);
    const custom = new Map<string, string>();
    const owner = new Map<string, string>();
    for (const { name } of customFields) {
      const column = crmCustomColumn(name);
      const other = owner.get(column);
      if (other !== undefined && other !== name) {
        throw new Error(`BOB custom fields '${other}' and '${name}' would both map to the CRM field ${column}`);
      }
      owner.set(column, name);
      custom.set(name, column);
    }
    this.customColumns = custom;
    this.customTypes = new Map(customFields.map((f) => [f.name.toLowerCase(), f.type]));
  }

  /** The company columns `toCompany` reads. */
  get readColumns(): string[] {
    return ['comp_type', 'comp_deleted', this.names.bobsyncField, ...this.companyColumns.values(), ...this.customColumns.values()];
  }

  private customType(bobName: string): CustomFieldDef['type'] | undefined {
    return this.customTypes.get(bobName.toLowerCase());
  }

  toCompany(record: CompanyRecord): CrmCompany {
    const values: Values = {};
    for (const [key, column] of this.companyColumns) values[key as keyof Values] = text(record[column]);
    for (const [key, column] of Object.entries(ADDRESS_COLUMNS)) {
      values[key as AddressKey] = text(record.address?.[column]);
    }
    values.phone = text(business(record.phoneCollection?.$resources, 'phon_type')?.phon_number);
    values.email = text(business(record.emailCollection?.$resources, 'emai_type')?.emai_emailaddress);
    for (const [bobName, column] of this.customColumns) {
      // A field the CRM does not have stays absent rather than reading as blank.
      if (column in record) values[customFieldKey(bobName)] = fromCrmValue(this.customType(bobName), text(record[column]));
    }
    const bobsync = record[this.names.bobsyncField];
    return {
      id: String(record.comp_companyid),
      type: text(record.comp_type),
      bobsync: bobsync === 'Y' || bobsync === true,
      deleted: text(record.comp_deleted) !== '',
      updatedAt: latestStamp(record),
      values,
    };
  }

  /** Groups the values to write by the record they live in. */
  toWrites(values: Values): CrmWrites {
    const writes: CrmWrites = { company: {}, address: {} };
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const companyColumn = isCustomFieldKey(key)
        ? crmCustomColumn(customFieldName(key))
        : this.companyColumns.get(key);
      if (companyColumn !== undefined) {
        writes.company[companyColumn] = isCustomFieldKey(key) ? toCrmValue(this.customType(customFieldName(key)), value) : value;
      }
      else if (key in ADDRESS_COLUMNS) writes.address[ADDRESS_COLUMNS[key as AddressKey]] = value;
      else if (key === 'phone') writes.phone = value;
      else if (key === 'email') writes.email = value;
      else throw new Error(`'${key}' is not a canonical customer field`);
    }
    return writes;
  }
}

/** The first linked record of type Business. */
export function business<T extends Record<string, unknown>>(
  records: readonly T[] | undefined,
  typeColumn: string,
): T | undefined {
  return records?.find((r) => r[typeColumn] === BUSINESS);
}

/**
 * When the company as we read it last changed: writes to its address, phone or e-mail move only
 * their own record's stamp in Sage CRM, not `comp_updateddate`.
 */
function latestStamp(record: CompanyRecord): string {
  const stamps = [
    record.comp_updateddate,
    record.address?.addr_updateddate,
    business(record.phoneCollection?.$resources, 'phon_type')?.phon_updateddate,
    business(record.emailCollection?.$resources, 'emai_type')?.emai_updateddate,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
  // Compared as instants: a server may write offsets other than Z.
  return stamps.reduce((latest, s) => (Date.parse(s) > Date.parse(latest) ? s : latest), stamps[0] ?? '');
}

/** Field values as text; CRM's NULL reads as blank, as the canonical record wants. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}
