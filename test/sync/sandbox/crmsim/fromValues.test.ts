import { simCompanyFromValues } from '../../../../src/sync/sandbox/crmsim';

describe('simCompanyFromValues', () => {
  test('maps canonical values to CRM columns and leaves blanks out', () => {
    expect(
      simCompanyFromValues(
        {
          name: 'Acme SA',
          address1: 'Rue de la Loi 16',
          address2: '',
          postcode: '1000',
          city: 'Bruxelles',
          country: 'BE',
          vat: 'BE0411905847',
          language: 'FR',
          phone: '+32 2 123 45 67',
          email: 'info@acme.example',
          website: '',
          'cf.Secteur': 'Retail',
          'cf.EMPTY': '',
        },
        { type: 'Customer', bobsync: true },
      ),
    ).toEqual({
      comp_name: 'Acme SA',
      comp_type: 'Customer',
      comp_bobsync: true,
      comp_vatnumber: 'BE0411905847',
      comp_language: 'FR',
      phone: '+32 2 123 45 67',
      email: 'info@acme.example',
      address: { addr_address1: 'Rue de la Loi 16', addr_postcode: '1000', addr_city: 'Bruxelles', addr_country: 'BE' },
      custom: { comp_secteur: 'Retail' },
    });
  });

  test('a company without address or custom values gets neither', () => {
    expect(simCompanyFromValues({ name: 'Bare' }, { type: 'Prospect', bobsync: false })).toEqual({
      comp_name: 'Bare',
      comp_type: 'Prospect',
      comp_bobsync: false,
    });
  });
});
