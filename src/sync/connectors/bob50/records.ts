/** Conversions between BOB rows and canonical values, independent of the SQL engine. */
import {
  CANONICAL_FIELDS,
  customFieldKey,
  customFieldName,
  isCustomFieldKey,
  type BobCustomer,
  type FieldKey,
  type Values,
} from '../../domain/customer';
import type { CustomFieldDef } from '../../domain/ports';
import { SIMPLE_FIELD_COLUMNS, type BobMapping, type ColumnKey } from './mapping';
import { joinVat, splitVat } from './vatColumns';

/**
 * A cell as text. Fixed-width character columns come back padded with spaces, which are not
 * part of the value; nulls are blanks, as everywhere in the canonical model.
 */
export function cellText(cell: unknown, column: string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trimEnd();
  if (typeof cell === 'number' || typeof cell === 'bigint') return String(cell);
  throw new Error(`Unexpected ${typeof cell} value in BOB column ${column}`);
}

export type CompanyRowReader = (row: readonly unknown[]) => BobCustomer;

/** Reads rows whose cells follow `columns` in order (as the statement builder selects them). */
export function companyRowReader(
  mapping: BobMapping,
  columns: ReadonlyArray<{ key: ColumnKey; column: string }>,
): CompanyRowReader {
  const position = new Map(columns.map(({ key }, index) => [key, index]));
  const at = (row: readonly unknown[], key: ColumnKey): string => {
    const index = position.get(key);
    if (index === undefined) throw new Error(`BOB mapping key columns.${key} is not selected`);
    return cellText(row[index], columns[index].column);
  };
  const simpleFields = SIMPLE_FIELD_COLUMNS.filter((field) => mapping.columns[field] !== null);
  return (row) => {
    const values: Values = {};
    for (const field of simpleFields) values[field] = at(row, field);
    values.vat = joinVat(at(row, 'vatPrefix'), at(row, 'vatNumber'));
    return {
      cid: at(row, 'cid').trim(),
      isCustomer: at(row, 'customer').trim() === mapping.flags.customer,
      isSupplier: at(row, 'supplier').trim() === mapping.flags.supplier,
      values,
    };
  };
}

/**
 * Adds custom-field values to the customers they belong to. Every defined field gets a value
 * (blank when none is stored) so that both sides of a diff carry the same keys. A value whose
 * definition is gone is no field any more: it could not be written back, so it is not read.
 */
export function attachCustomValues(
  customers: ReadonlyMap<string, BobCustomer>,
  definedNames: readonly string[],
  rows: Iterable<readonly unknown[]>,
  columns: { cid: string; name: string; value: string },
): void {
  for (const customer of customers.values()) {
    for (const name of definedNames) customer.values[customFieldKey(name)] = '';
  }
  const defined = new Set(definedNames);
  for (const row of rows) {
    const customer = customers.get(cellText(row[0], columns.cid).trim());
    const name = cellText(row[1], columns.name).trim();
    // Rows of codes outside the requested set come with a query by code chunks.
    if (customer === undefined || !defined.has(name)) continue;
    customer.values[customFieldKey(name)] = cellText(row[2], columns.value);
  }
}

export interface ColumnWrites {
  /** Column name and new value, for the third-party table. */
  columns: Array<[string, string]>;
  /** Custom field name and new value. */
  custom: Array<[string, string]>;
}

const CANONICAL = new Set<string>(CANONICAL_FIELDS);

/** Where each given field is written; unknown keys and unmapped fields are errors, never dropped. */
export function columnWrites(values: Values, mapping: BobMapping): ColumnWrites {
  const writes: ColumnWrites = { columns: [], custom: [] };
  for (const [key, value] of Object.entries(values) as Array<[FieldKey, string | undefined]>) {
    if (value === undefined) continue;
    if (isCustomFieldKey(key)) {
      writes.custom.push([customFieldName(key), value]);
    } else if (key === 'vat') {
      const { prefix, number } = splitVat(value);
      writes.columns.push([mapping.columns.vatPrefix, prefix], [mapping.columns.vatNumber, number]);
    } else if (CANONICAL.has(key)) {
      const column = mapping.columns[key];
      if (column === null) throw new Error(`Field ${key} cannot be written to BOB: mapping key columns.${key} is null`);
      writes.columns.push([column, value]);
    } else {
      throw new Error(`Unknown field ${key} in values written to BOB`);
    }
  }
  return writes;
}

const CUSTOM_FIELD_TYPES: ReadonlyArray<CustomFieldDef['type']> = ['string', 'number', 'date', 'boolean', 'choice'];

const isCustomFieldType = (type: string): type is CustomFieldDef['type'] =>
  (CUSTOM_FIELD_TYPES as readonly string[]).includes(type);

/** A definition row (name, type, length) of the assumed custom-field model. */
export function customFieldDefFromRow(
  row: readonly unknown[],
  columns: { name: string; type: string; length: string },
): CustomFieldDef {
  const name = cellText(row[0], columns.name).trim();
  const type = cellText(row[1], columns.type).trim().toLowerCase();
  if (!isCustomFieldType(type)) {
    throw new Error(
      `BOB custom field ${name} has type "${type}" in ${columns.type}; expected one of ${CUSTOM_FIELD_TYPES.join(', ')}`,
    );
  }
  const lengthText = cellText(row[2], columns.length).trim();
  const def: CustomFieldDef = { name, type };
  if (lengthText !== '') {
    const length = Number(lengthText);
    if (!Number.isInteger(length) || length <= 0) {
      throw new Error(
        `BOB custom field ${name} has length "${lengthText}" in ${columns.length}; expected a positive integer`,
      );
    }
    def.length = length;
  }
  return def;
}
