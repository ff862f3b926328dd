import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { normaliseVat, vatFromBob, vatToBob } from '../../../src/sync/domain/vat';
import { beVat } from './fixtures';

const dataDir = path.resolve(__dirname, '../../..', '../shared/data');
const lines = (file: string): string[] =>
  readFileSync(path.join(dataDir, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');

describe('normaliseVat', () => {
  it.each(lines('vat-valid-be.txt'))('accepts the Belgian number %j', (input) => {
    const result = normaliseVat(input);
    expect(result).toMatchObject({ ok: true, country: 'BE' });
    if (result.ok) expect(result.vat).toMatch(/^BE[01]\d{9}$/);
  });

  it.each(lines('vat-valid-eu-neighbours.txt'))('accepts the neighbouring number %j', (input) => {
    const result = normaliseVat(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(['NL', 'FR', 'DE', 'LU', 'EL']).toContain(result.country);
      expect(result.vat).toBe(`${result.country}${result.number}`);
      expect(result.vat).toMatch(/^[A-Z]{2}[0-9A-Z]+$/);
    }
  });

  it.each(lines('vat-invalid-eu.txt').map((line) => line.split('\t')))('rejects %s %j', (_reason, input) => {
    const result = normaliseVat(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['bad_format', 'bad_checksum', 'invalid']).toContain(result.code);
      expect(result.message).toContain(input);
    }
  });

  it('names the stdnum failure', () => {
    expect(normaliseVat('BE0406139583')).toMatchObject({ ok: false, code: 'bad_checksum' });
    expect(normaliseVat('BE02A2239951')).toMatchObject({ ok: false, code: 'bad_format' });
    expect(normaliseVat('FR000076090')).toMatchObject({ ok: false, code: 'bad_format' });
  });

  it('reduces written forms to one string', () => {
    for (const input of ['BE 0411.905.847', 'be0411905847', 'BE (0)411 905 847', 'BE-0411/905/847', ' BE 411 905 847 ']) {
      expect(normaliseVat(input)).toEqual({ ok: true, vat: 'BE0411905847', country: 'BE', number: '0411905847' });
    }
  });

  it('keeps EL for Greece and reads the GR spelling as EL', () => {
    expect(normaliseVat('EL 094012834')).toMatchObject({ ok: true, vat: 'EL094012834', country: 'EL' });
    expect(normaliseVat('GR094012834')).toMatchObject({ ok: true, vat: 'EL094012834', country: 'EL' });
  });

  it('rejects the Dutch B00 suffix that stdnum lets through', () => {
    expect(normaliseVat('NL009122746B01').ok).toBe(true);
    expect(normaliseVat('NL009122746B00')).toMatchObject({ ok: false, code: 'bad_format' });
  });

  describe('Belgian 1-series', () => {
    it('accepts BE1000003682, which the mod-97 rule confirms', () => {
      expect(beVat(10000036)).toBe('BE1000003682');
      expect(normaliseVat('BE1000003682')).toMatchObject({ ok: true, vat: 'BE1000003682' });
      expect(normaliseVat('BE 1000.003.682')).toMatchObject({ ok: true, vat: 'BE1000003682' });
    });

    it.each([10000000, 12345678, 19999999, 15000097])('accepts the computed number for %i', (front) => {
      const vat = beVat(front);
      expect(vat).toMatch(/^BE1\d{9}$/);
      expect(normaliseVat(vat)).toMatchObject({ ok: true, vat });
    });

    it('rejects a 1-series number with a wrong check', () => {
      expect(normaliseVat('BE1000003683')).toMatchObject({ ok: false, code: 'bad_checksum' });
    });

    it('accepts every number built by the rule and rejects every other check', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 19_999_999 }), fc.integer({ min: 1, max: 98 }), (front, delta) => {
          const vat = beVat(front);
          expect(normaliseVat(vat)).toMatchObject({ ok: true, vat });
          const wrong = (Number(vat.slice(-2)) + delta) % 100;
          expect(normaliseVat(vat.slice(0, -2) + String(wrong).padStart(2, '0')).ok).toBe(false);
        }),
      );
    });
  });

  it('reports an empty input', () => {
    for (const input of ['', '   ', ' . - ']) expect(normaliseVat(input)).toMatchObject({ ok: false, code: 'empty' });
  });

  it('reports an unknown or missing country', () => {
    expect(normaliseVat('XX0411905847')).toMatchObject({ ok: false, code: 'unknown_country' });
    expect(normaliseVat('0411905847')).toMatchObject({ ok: false, code: 'unknown_country' });
    expect(normaliseVat('EX12345')).toMatchObject({ ok: false, code: 'unknown_country' });
    expect(normaliseVat('CHE116281710MWST')).toMatchObject({ ok: false, code: 'unknown_country' });
  });

  it('is idempotent', () => {
    for (const input of [...lines('vat-valid-be.txt'), ...lines('vat-valid-eu-neighbours.txt')]) {
      const first = normaliseVat(input);
      if (!first.ok) throw new Error(`${input} should be valid`);
      expect(normaliseVat(first.vat)).toEqual(first);
    }
  });
});

describe('BOB columns', () => {
  it('joins CVATREF and CVATNO', () => {
    expect(vatFromBob('BE', '0411.905.847')).toBe('BE0411.905.847');
    expect(vatFromBob(' BE ', ' 0411905847 ')).toBe('BE0411905847');
    expect(vatFromBob('BE', 'BE 0411 905 847')).toBe('BE 0411 905 847');
    expect(vatFromBob('', '0411905847')).toBe('0411905847');
    expect(vatFromBob('BE', '')).toBe('');
  });

  it('splits a VAT number into prefix and number', () => {
    expect(vatToBob('BE0411905847')).toEqual({ prefix: 'BE', number: '0411905847' });
    expect(vatToBob('EL094012834')).toEqual({ prefix: 'EL', number: '094012834' });
    expect(vatToBob('NL001241643B01')).toEqual({ prefix: 'NL', number: '001241643B01' });
  });

  it('refuses to split an invalid number', () => {
    expect(() => vatToBob('BE0411905848')).toThrow(/invalid VAT/);
  });

  it('round-trips through BOB', () => {
    for (const vat of ['BE0411905847', 'BE1000003682', 'FRK7399859412', 'LU10059929']) {
      const { prefix, number } = vatToBob(vat);
      expect(normaliseVat(vatFromBob(prefix, number))).toMatchObject({ ok: true, vat });
    }
  });
});
