import { FLAG_WORDS, parseCondition, parseDirection, parseFlag, parseTransform } from '../../src/sheets';

describe('parseFlag', () => {
  it.each([
    [true, true],
    [false, false],
    [null, false],
    ['', false],
    ['   ', false],
    [1, true],
    [0, false],
    ['1', true],
    ['0', false],
    ['oui', true],
    ['NON', false],
    [' Ja ', true],
    ['nee', false],
    ['Yes', true],
    ['no', false],
    ['VRAI', true],
    ['faux', false],
    ['TRUE', true],
    ['False', false],
    ['waar', true],
    ['ONWAAR', false],
    ['x', true],
    ['X', true],
  ])('reads %p as %p', (value, flag) => {
    expect(parseFlag(value)).toBe(flag);
  });

  it.each([['Peut-être'], ['2'], [2], [-1], ['xx'], ['oui!'], ['y'], [0.5]])('refuses %p', (value) => {
    expect(parseFlag(value)).toBeUndefined();
  });

  it('accepts every documented word', () => {
    for (const word of FLAG_WORDS.true) expect(parseFlag(word)).toBe(true);
    for (const word of FLAG_WORDS.false) expect(parseFlag(word)).toBe(false);
  });
});

describe('parseDirection', () => {
  it('reads the arrows as shown and as typed by hand', () => {
    expect(parseDirection('BOB → CRM')).toBe('bob>crm');
    expect(parseDirection('crm → bob')).toBe('crm>bob');
    expect(parseDirection('BOB -> CRM')).toBe('bob>crm');
    expect(parseDirection(' bob>crm ')).toBe('bob>crm');
    expect(parseDirection('CRM=>BOB')).toBe('crm>bob');
  });

  it('treats an empty cell as no choice and anything else as unknown', () => {
    expect(parseDirection(null)).toBeNull();
    expect(parseDirection(' ')).toBeNull();
    expect(parseDirection('les deux')).toBeUndefined();
    expect(parseDirection('CRM')).toBeUndefined();
    expect(parseDirection(true)).toBeUndefined();
  });
});

describe('custom-field choices', () => {
  it('reads the words of every locale and the codes', () => {
    expect(parseTransform('MAJUSCULES')).toBe('upper');
    expect(parseTransform('hoofdletters')).toBe('upper');
    expect(parseTransform('upper case')).toBe('upper');
    expect(parseTransform('capitalize')).toBe('capitalize');
    expect(parseCondition('commence par')).toBe('starts_with');
    expect(parseCondition('Begint met')).toBe('starts_with');
    expect(parseCondition('not_empty')).toBe('not_empty');
  });

  it('takes empty as the neutral choice and refuses unknown words', () => {
    expect(parseTransform(null)).toBe('none');
    expect(parseCondition('')).toBe('always');
    expect(parseTransform('gras')).toBeUndefined();
    expect(parseCondition(3)).toBeUndefined();
  });
});
