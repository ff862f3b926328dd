/**
 * Builds a CRM-shaped seed from canonical values, so the sandbox can put the same customers in
 * both systems. Blank values are left out: CRM stores no value as NULL, which reads back blank.
 */
import { ADDRESS_COLUMNS, crmCustomColumn, toCrmValue } from '../../connectors/sagecrm/mapping';
import type { CustomFieldDef } from '../../domain/ports';
import { customFieldName, isCustomFieldKey, type Values } from '../../domain/customer';
import type { SimAddressInput, SimCompanyInput } from './store';

export function simCompanyFromValues(
  values: Values,
  opts: { type: string; bobsync: boolean; customTypes?: ReadonlyMap<string, CustomFieldDef['type']> },
): SimCompanyInput {
  const present = (v: string | undefined): v is string => v !== undefined && v !== '';
  const input: SimCompanyInput = { comp_name: values.name ?? '', comp_type: opts.type, comp_bobsync: opts.bobsync };
  if (present(values.website)) input.comp_website = values.website;
  if (present(values.vat)) input.comp_vatnumber = values.vat;
  if (present(values.language)) input.comp_language = values.language;
  if (present(values.phone)) input.phone = values.phone;
  if (present(values.email)) input.email = values.email;

  const address: SimAddressInput = {};
  type AddressPair = [keyof typeof ADDRESS_COLUMNS, keyof SimAddressInput];
  for (const [key, column] of Object.entries(ADDRESS_COLUMNS) as AddressPair[]) {
    const value = values[key];
    if (present(value)) address[column] = value;
  }
  if (Object.keys(address).length > 0) input.address = address;

  const custom: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (isCustomFieldKey(key) && present(value)) {
      const column = crmCustomColumn(customFieldName(key));
      custom[column] = toCrmValue(opts.customTypes?.get(column), value);
    }
  }
  if (Object.keys(custom).length > 0) input.custom = custom;
  return input;
}
