/**
 * Sage's rule: only customers with a valid VAT number take part, because the VAT number is what
 * keeps the two systems from growing duplicates. Every reason is returned, not the first one,
 * so the sheet can tell the user everything to fix at once.
 */
import type { IneligibleReason } from '../../contract/views';
import type { BobCustomer, CrmCompany } from './customer';
import { normaliseVat } from './vat';

function vatReasons(raw: string | undefined): IneligibleReason[] {
  const result = normaliseVat(raw ?? '');
  if (result.ok) return [];
  return [result.code === 'empty' ? 'no_vat' : 'invalid_vat'];
}

export function bobEligibility(c: BobCustomer): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (!c.isCustomer) reasons.push('not_customer');
  return [...reasons, ...vatReasons(c.values.vat)];
}

export function crmEligibility(c: CrmCompany): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (c.deleted) reasons.push('deleted');
  if (!c.bobsync) reasons.push('bobsync_off');
  if (c.type.trim().toLowerCase() !== 'customer') reasons.push('not_customer');
  return [...reasons, ...vatReasons(c.values.vat)];
}
