/** Builders shared by the domain tests. */
import type { CustomFieldSetting } from '../../../src/contract/customFields';
import type { Association } from '../../../src/sync/domain/association';
import type { BobCustomer, CrmCompany, Values } from '../../../src/sync/domain/customer';

/** A valid Belgian VAT number built from the mod-97 rule, from its first eight digits. */
export function beVat(front: number): string {
  const digits = String(front).padStart(8, '0');
  const check = 97 - (front % 97);
  return `BE${digits}${String(check).padStart(2, '0')}`;
}

export const bob = (cid: string, values: Values, extra: Partial<BobCustomer> = {}): BobCustomer => ({
  cid,
  isCustomer: true,
  isSupplier: false,
  values,
  ...extra,
});

export const crm = (id: string, values: Values, extra: Partial<CrmCompany> = {}): CrmCompany => ({
  id,
  type: 'Customer',
  bobsync: true,
  deleted: false,
  updatedAt: '2024-01-01T00:00:00Z',
  values,
  ...extra,
});

export const association = (
  id: number,
  bobId: string | null,
  crmId: string | null,
  base: Values | null,
  extra: Partial<Association> = {},
): Association => ({ id, bobId, crmId, base, never: null, lastSyncAt: base === null ? null : '2024-01-01T00:00:00Z', ...extra });

export const never = (reason = 'not ours'): Association['never'] => ({ by: 'alice', at: '2024-02-01T00:00:00Z', reason });

export const setting = (bobField: string, extra: Partial<CustomFieldSetting> = {}): CustomFieldSetting => ({
  bobField,
  crmField: `comp_${bobField.toLowerCase()}`,
  type: 'string',
  selected: true,
  maxLength: null,
  transform: 'none',
  condition: 'always',
  conditionValue: '',
  ...extra,
});
