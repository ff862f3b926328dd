/**
 * The canonical customer: the shape both systems are compared in. Each connector maps its own
 * columns to these keys; the engine never sees a BOB column or a CRM field name.
 */

export const CANONICAL_FIELDS = [
  'name',
  'address1',
  'address2',
  'postcode',
  'city',
  'country',
  'vat',
  'language',
  'phone',
  'email',
  'website',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Custom fields travel under `cf.<BOB field name>` so they never collide with canonical keys. */
export type CustomFieldKey = `cf.${string}`;
export type FieldKey = CanonicalField | CustomFieldKey;

/** Field values as text; an empty string means "no value" (both systems store blanks, not nulls). */
export type Values = Partial<Record<FieldKey, string>>;

export const customFieldKey = (bobName: string): CustomFieldKey => `cf.${bobName}`;
export const isCustomFieldKey = (key: string): key is CustomFieldKey => key.startsWith('cf.');
export const customFieldName = (key: CustomFieldKey): string => key.slice(3);

/** A third party as read from BOB 50 (`AC_COMPAN` and the custom-field values). */
export interface BobCustomer {
  /** `CID`, the third-party code. */
  cid: string;
  /** `CCUSTYPE = 'C'`. */
  isCustomer: boolean;
  /** `CSUPTYPE = 'S'`. */
  isSupplier: boolean;
  /** Raw values as stored (custom fields included, untransformed). */
  values: Values;
}

/** A company as read from Sage CRM, with its address, business phone and e-mail. */
export interface CrmCompany {
  /** `comp_companyid` as a string. */
  id: string;
  /** `comp_type`: Customer, Prospect, Supplier... */
  type: string;
  /** The configured BobSync check box. */
  bobsync: boolean;
  /** `comp_deleted` set: soft-deleted. */
  deleted: boolean;
  /** `comp_updateddate`, ISO 8601. */
  updatedAt: string;
  values: Values;
}

export type Side = 'bob' | 'crm';
export const otherSide = (side: Side): Side => (side === 'bob' ? 'crm' : 'bob');
