import { bobEligibility, crmEligibility } from '../../../src/sync/domain/eligibility';
import { bob, crm } from './fixtures';

const VAT = 'BE 0411.905.847';

describe('bobEligibility', () => {
  it.each([
    ['an eligible customer', bob('C1', { vat: VAT }), []],
    ['a supplier only', bob('C1', { vat: VAT }, { isCustomer: false, isSupplier: true }), ['not_customer']],
    ['a customer without VAT', bob('C1', {}), ['no_vat']],
    ['a customer with a blank VAT', bob('C1', { vat: '  ' }), ['no_vat']],
    ['a customer with a bad checksum', bob('C1', { vat: 'BE0411905848' }), ['invalid_vat']],
    ['a customer with a non-EU prefix', bob('C1', { vat: 'EX123' }), ['invalid_vat']],
    ['a supplier without VAT', bob('C1', {}, { isCustomer: false }), ['not_customer', 'no_vat']],
  ])('%s', (_name, customer, reasons) => {
    expect(bobEligibility(customer)).toEqual(reasons);
  });
});

describe('crmEligibility', () => {
  it.each([
    ['an eligible customer', crm('1', { vat: VAT }), []],
    ['type written in lower case', crm('1', { vat: VAT }, { type: 'customer' }), []],
    ['type with padding', crm('1', { vat: VAT }, { type: ' CUSTOMER ' }), []],
    ['a prospect', crm('1', { vat: VAT }, { type: 'Prospect' }), ['not_customer']],
    ['BobSync not ticked', crm('1', { vat: VAT }, { bobsync: false }), ['bobsync_off']],
    ['soft-deleted', crm('1', { vat: VAT }, { deleted: true }), ['deleted']],
    ['without VAT', crm('1', {}), ['no_vat']],
    ['with an invalid VAT', crm('1', { vat: 'NL009122746B00' }), ['invalid_vat']],
    [
      'everything wrong',
      crm('1', { vat: 'junk' }, { deleted: true, bobsync: false, type: 'Supplier' }),
      ['deleted', 'bobsync_off', 'not_customer', 'invalid_vat'],
    ],
  ])('%s', (_name, company, reasons) => {
    expect(crmEligibility(company)).toEqual(reasons);
  });
});
