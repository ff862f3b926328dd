import fc from 'fast-check';
import { canonicalPair, canonicalValue } from '../../../src/sync/domain/canonical';
import { CANONICAL_FIELDS } from '../../../src/sync/domain/customer';
import { bob, crm, setting } from './fixtures';

describe('canonicalValue', () => {
  it.each([
    ['name', '  Brasserie   du\tMidi ', 'Brasserie du Midi'],
    ['name', undefined, ''],
    ['address1', 'Rue\u00a0Haute  12', 'Rue Haute 12'],
    ['vat', 'be 0411.905.847', 'BE0411905847'],
    ['vat', ' be 0411 905 848 ', 'BE 0411 905 848'],
    ['country', ' be ', 'BE'],
    ['email', ' Info@Brasserie.BE ', 'info@brasserie.be'],
    ['website', 'WWW.Brasserie.be', 'WWW.Brasserie.be'],
  ] as const)('%s %j → %j', (field, raw, expected) => {
    expect(canonicalValue(field, raw)).toBe(expected);
  });

  it('is idempotent for every field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CANONICAL_FIELDS), fc.string(), (field, raw) => {
        const once = canonicalValue(field, raw);
        expect(canonicalValue(field, once)).toBe(once);
      }),
    );
  });
});

describe('canonicalPair', () => {
  it('gives every canonical field on both sides, empty when missing', () => {
    const pair = canonicalPair(bob('C1', { name: 'A' }), crm('1', { city: ' Liège ' }), []);
    expect(pair.fields).toEqual([...CANONICAL_FIELDS]);
    expect(Object.keys(pair.bob)).toEqual([...CANONICAL_FIELDS]);
    expect(pair.bob).toMatchObject({ name: 'A', city: '', vat: '' });
    expect(pair.crm).toMatchObject({ name: '', city: 'Liège' });
  });

  it('returns null for an absent side', () => {
    expect(canonicalPair(null, crm('1', {}), []).bob).toBeNull();
    expect(canonicalPair(bob('C1', {}), null, []).crm).toBeNull();
  });

  it('adds selected custom fields shaped by their rule on both sides', () => {
    const rule = setting('SECTEUR', { transform: 'upper', maxLength: 5 });
    const pair = canonicalPair(
      bob('C1', { 'cf.SECTEUR': ' horeca  food ' }),
      crm('1', { 'cf.SECTEUR': 'Horeca' }),
      [rule, setting('UNUSED', { selected: false })],
    );
    expect(pair.fields).toEqual([...CANONICAL_FIELDS, 'cf.SECTEUR']);
    expect(pair.bob['cf.SECTEUR']).toBe('HOREC');
    expect(pair.crm['cf.SECTEUR']).toBe('HOREC');
    expect(pair.bob).not.toHaveProperty('cf.UNUSED');
  });

  it('leaves a custom field out when its condition fails on the BOB value', () => {
    const rule = setting('SECTEUR', { condition: 'equals', conditionValue: 'Horeca' });
    const travels = canonicalPair(bob('C1', { 'cf.SECTEUR': ' Horeca ' }), crm('1', {}), [rule]);
    expect(travels.fields).toContain('cf.SECTEUR');
    const stays = canonicalPair(bob('C1', { 'cf.SECTEUR': 'horeca' }), crm('1', { 'cf.SECTEUR': 'Horeca' }), [rule]);
    expect(stays.fields).not.toContain('cf.SECTEUR');
    expect(stays.crm).not.toHaveProperty('cf.SECTEUR');
  });

  it('judges the condition on an empty value when there is no BOB record yet', () => {
    const always = canonicalPair(null, crm('1', { 'cf.SECTEUR': 'Horeca' }), [setting('SECTEUR')]);
    expect(always.crm['cf.SECTEUR']).toBe('Horeca');
    const notEmpty = canonicalPair(null, crm('1', { 'cf.SECTEUR': 'Horeca' }), [
      setting('SECTEUR', { condition: 'not_empty' }),
    ]);
    expect(notEmpty.fields).not.toContain('cf.SECTEUR');
  });
});
