import { euVat } from 'stdnum';
import { Random } from '../../../../src/sync/sandbox/dossier/random';
import {
  belgianCheck,
  belgianVat,
  invalidBelgianVat,
  typedVatForm,
  vatFor,
} from '../../../../src/sync/sandbox/dossier/vatNumbers';

const validBelgian = (vat: string) => euVat.BE[0].validate(vat).isValid;

describe('sandbox VAT numbers', () => {
  it('computes the Belgian check digits with the mod-97 rule', () => {
    // Public examples, checked here against the rule rather than trusted.
    expect(belgianCheck('04119058')).toBe('47');
    expect(belgianCheck('04030192')).toBe('61');
    expect(belgianCheck('10000036')).toBe('82');
  });

  it('makes valid numbers of both Belgian series', () => {
    const random = new Random(1);
    for (let i = 0; i < 500; i++) {
      const zero = belgianVat(random, 0);
      const one = belgianVat(random, 1);
      expect(zero).toMatch(/^BE0[2-9]\d{8}$/);
      expect(one).toMatch(/^BE1\d{9}$/);
      expect(validBelgian(zero)).toBe(true);
      expect(validBelgian(one)).toBe(true);
    }
  });

  it('makes invalid Belgian numbers that only the check digits spoil', () => {
    const random = new Random(2);
    for (let i = 0; i < 500; i++) {
      const vat = invalidBelgianVat(random);
      expect(vat).toMatch(/^BE0\d{9}$/);
      expect(validBelgian(vat)).toBe(false);
    }
  });

  it.each(['NL', 'LU', 'FR'] as const)('makes valid %s numbers', (country) => {
    const random = new Random(3);
    for (let i = 0; i < 300; i++) {
      const vat = vatFor(random, country, 0);
      expect(vat.startsWith(country)).toBe(true);
      expect(euVat[country][0].validate(vat).isValid).toBe(true);
    }
  });

  it('types numbers in varied forms that normalise back and stay valid', () => {
    const random = new Random(4);
    const forms = new Set<string>();
    for (const vat of ['BE0411905847', 'BE1000003682', 'NL004495445B01', 'LU15027442', 'FR40303265045']) {
      for (let i = 0; i < 40; i++) {
        const typed = typedVatForm(random, vat);
        forms.add(typed.replace(/\d/g, '9'));
        expect(typed.toUpperCase().replace(/[\s.\-/]/g, '')).toBe(vat);
        expect(euVat[vat.slice(0, 2) as 'BE'][0].validate(typed).isValid).toBe(true);
      }
    }
    expect(forms.size).toBeGreaterThan(8);
  });
});
