/**
 * The fields the simulated CRM exposes, with the rules a real Sage CRM enforces on writes:
 * unknown fields, read-only fields, mandatory fields and column widths are refused.
 * Widths of `comp_name` (60), `comp_website` (100) and `comp_vatnumber` (20) are documented;
 * the others are assumptions close to a default installation.
 */
import { SimInputError } from './errors';

export type SimFieldType = 'integer' | 'string' | 'number' | 'date' | 'boolean' | 'choice';

export interface SimFieldDef {
  name: string;
  title: string;
  type: SimFieldType;
  maxLength?: number;
  /** Allowed values of a choice field; absent: any text within `maxLength`. */
  choices?: readonly string[];
  readOnly?: boolean;
  mandatory?: boolean;
  hidden?: boolean;
}

export type SqlValue = string | number | null;

export const COMPANY_FIELDS: readonly SimFieldDef[] = [
  { name: 'comp_companyid', title: 'Company ID', type: 'integer', readOnly: true },
  { name: 'comp_name', title: 'Company Name', type: 'string', maxLength: 60, mandatory: true },
  { name: 'comp_type', title: 'Type', type: 'choice', maxLength: 40 },
  { name: 'comp_status', title: 'Status', type: 'choice', maxLength: 40 },
  { name: 'comp_website', title: 'Website', type: 'string', maxLength: 100 },
  { name: 'comp_vatnumber', title: 'VAT Number', type: 'string', maxLength: 20 },
  { name: 'comp_language', title: 'Language', type: 'choice', maxLength: 40 },
  { name: 'comp_bobsync', title: 'BobSync', type: 'boolean' },
  // Copies of the primary phone, fax and e-mail that CRM's screens fill in. Writes through the
  // API to Phone or Email do not refresh them, so they are never a source and never a target.
  { name: 'comp_phonenumber', title: 'Phone Number', type: 'string', maxLength: 40 },
  { name: 'comp_faxnumber', title: 'Fax Number', type: 'string', maxLength: 40 },
  { name: 'comp_emailaddress', title: 'E-mail Address', type: 'string', maxLength: 255 },
  // Managed by POST Address and DELETE, so clients cannot point them anywhere inconsistent.
  { name: 'comp_primaryaddressid', title: 'Primary Address', type: 'integer', readOnly: true },
  { name: 'comp_createddate', title: 'Created Date', type: 'date', readOnly: true },
  { name: 'comp_updateddate', title: 'Updated Date', type: 'date', readOnly: true },
  { name: 'comp_deleted', title: 'Deleted', type: 'string', maxLength: 1, readOnly: true, hidden: true },
];

export const ADDRESS_FIELDS: readonly SimFieldDef[] = [
  { name: 'addr_addressid', title: 'Address ID', type: 'integer', readOnly: true },
  ...[1, 2, 3, 4, 5].map(
    (n): SimFieldDef => ({ name: `addr_address${n}`, title: `Address ${n}`, type: 'string', maxLength: 40 }),
  ),
  { name: 'addr_postcode', title: 'Zip Code', type: 'string', maxLength: 10 },
  { name: 'addr_city', title: 'City', type: 'string', maxLength: 30 },
  { name: 'addr_country', title: 'Country', type: 'string', maxLength: 40 },
  { name: 'addr_updateddate', title: 'Updated Date', type: 'date', readOnly: true },
];

export const PHONE_FIELDS: readonly SimFieldDef[] = [
  { name: 'phon_phoneid', title: 'Phone ID', type: 'integer', readOnly: true },
  { name: 'phon_type', title: 'Type', type: 'choice', choices: ['Business', 'Fax'], mandatory: true },
  { name: 'phon_number', title: 'Number', type: 'string', maxLength: 40 },
  { name: 'phon_updateddate', title: 'Updated Date', type: 'date', readOnly: true },
];

export const EMAIL_FIELDS: readonly SimFieldDef[] = [
  { name: 'emai_emailid', title: 'E-mail ID', type: 'integer', readOnly: true },
  { name: 'emai_type', title: 'Type', type: 'choice', choices: ['Business'], mandatory: true },
  { name: 'emai_emailaddress', title: 'E-mail Address', type: 'string', maxLength: 255 },
  { name: 'emai_updateddate', title: 'Updated Date', type: 'date', readOnly: true },
];

/** Custom company fields are `comp_` + lower-case letters, digits and underscores. */
export const CUSTOM_FIELD_NAME = /^comp_[a-z0-9_]+$/;

export const isText = (field: SimFieldDef): boolean => field.type === 'string' || field.type === 'choice';

export const fieldMap = (defs: readonly SimFieldDef[]): Map<string, SimFieldDef> =>
  new Map(defs.map((d) => [d.name, d]));

/**
 * Checks the fields of a create or patch body against `fields` and returns the column values
 * to store. `creating`: mandatory fields must be present.
 */
export function checkWrite(
  entity: string,
  fields: ReadonlyMap<string, SimFieldDef>,
  body: Record<string, unknown>,
  creating: boolean,
): Record<string, SqlValue> {
  const out: Record<string, SqlValue> = {};
  for (const [name, value] of Object.entries(body)) {
    const def = fields.get(name);
    if (!def) throw new SimInputError(`Unknown field '${name}' on ${entity}`, 'UnknownField');
    if (def.readOnly) throw new SimInputError(`Field '${name}' of ${entity} is read-only`, 'ReadOnlyField');
    out[name] = checkValue(def, value);
  }
  for (const def of fields.values()) {
    // A patch may leave a mandatory field out, but not blank it.
    if (!def.mandatory || (!creating && !(def.name in out))) continue;
    const value = out[def.name];
    if (value === undefined || value === null || value === '') {
      throw new SimInputError(`Field '${def.name}' of ${entity} is mandatory`, 'MandatoryField');
    }
  }
  return out;
}

export function checkValue(def: SimFieldDef, value: unknown): SqlValue {
  switch (def.type) {
    case 'string':
    case 'choice':
      return checkText(def, value);
    case 'number':
      return checkNumber(def, value);
    case 'date':
      return checkDate(def, value);
    case 'boolean':
      return checkBoolean(def, value);
    case 'integer':
      if (Number.isInteger(value)) return value as number;
      throw new SimInputError(`Field '${def.name}' expects a whole number`, 'InvalidValue');
  }
}

function checkText(def: SimFieldDef, value: unknown): SqlValue {
  if (value === null) return null;
  if (typeof value !== 'string') throw new SimInputError(`Field '${def.name}' expects text`, 'InvalidValue');
  if (def.maxLength !== undefined && value.length > def.maxLength) {
    throw new SimInputError(
      `Field '${def.name}' is limited to ${def.maxLength} characters; the value has ${value.length}`,
      'ValueTooLong',
    );
  }
  if (def.choices && !def.choices.includes(value)) {
    throw new SimInputError(`Field '${def.name}' accepts ${def.choices.join(', ')}; not '${value}'`, 'InvalidValue');
  }
  return value;
}

function checkNumber(def: SimFieldDef, value: unknown): SqlValue {
  if (value === null || value === '') return null;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n)) return n;
  throw new SimInputError(`Field '${def.name}' expects a number; got ${JSON.stringify(value)}`, 'InvalidValue');
}

function checkDate(def: SimFieldDef, value: unknown): SqlValue {
  if (value === null || value === '') return null;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    const got = JSON.stringify(value);
    throw new SimInputError(`Field '${def.name}' expects an ISO 8601 date; got ${got}`, 'InvalidValue');
  }
  return new Date(ms).toISOString();
}

// Check boxes are stored as 'Y'/'N'; JSON booleans are accepted as well.
function checkBoolean(def: SimFieldDef, value: unknown): SqlValue {
  if (value === true || value === 'Y') return 'Y';
  if (value === false || value === 'N' || value === null || value === '') return 'N';
  throw new SimInputError(`Field '${def.name}' expects 'Y' or 'N'; got ${JSON.stringify(value)}`, 'InvalidValue');
}
