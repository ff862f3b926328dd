import { readCustomFields, toRows } from '../../src/sheets';
import { col, customFields, grid } from './fixtures';

const expected = customFields();
const written = (locale: 'fr' | 'nl' = 'fr') => {
  const { header, rows } = toRows('customFields', expected, locale);
  return grid(header, rows);
};

describe('readCustomFields', () => {
  it('gives the settings back unchanged from an untouched sheet', () => {
    expect(readCustomFields(written(), expected, 'fr')).toEqual({ settings: expected, problems: [] });
  });

  it('reads the reviewer\'s settings in any language', () => {
    const values = written('nl');
    values[1][col('customFields', 'selected')] = 'nee';
    values[1][col('customFields', 'maxLength')] = ' 12 ';
    values[1][col('customFields', 'transform')] = 'minuscules';
    values[1][col('customFields', 'condition')] = 'Begint met';
    values[1][col('customFields', 'value')] = 'BE ';
    values[2][col('customFields', 'selected')] = 'X';
    const { settings, problems } = readCustomFields(values, expected, 'fr');
    expect(problems).toEqual([]);
    expect(settings).toEqual([
      { ...expected[0], selected: false, maxLength: 12, transform: 'lower', condition: 'starts_with', conditionValue: 'BE ' },
      { ...expected[1], selected: true },
    ]);
  });

  it('empties mean no limit, no transformation, always', () => {
    const values = written();
    for (const id of ['maxLength', 'transform', 'condition'] as const) values[1][col('customFields', id)] = null;
    expect(readCustomFields(values, expected, 'fr').settings[0]).toMatchObject({
      maxLength: null,
      transform: 'none',
      condition: 'always',
    });
  });

  it.each([['abc'], [0], [2.5], ['-3']])('refuses %p as a maximum length', (value) => {
    const values = written();
    values[1][col('customFields', 'maxLength')] = value;
    const { settings, problems } = readCustomFields(values, expected, 'fr');
    expect(problems.map((p) => [p.code, p.cell, p.key, p.field])).toEqual([['number_invalid', 'F2', 'Secteur', 'maxLength']]);
    expect(settings.map((s) => s.bobField)).toEqual(['Effectif']);
  });

  it('refuses unknown words, and text settings on fields that are not text', () => {
    const values = written();
    values[1][col('customFields', 'condition')] = 'parfois';
    values[2][col('customFields', 'maxLength')] = 5;
    values[2][col('customFields', 'transform')] = 'MAJUSCULES';
    values[2][col('customFields', 'crmField')] = 'comp_autre';
    const { problems } = readCustomFields(values, expected, 'fr');
    expect(problems.map((p) => [p.code, p.cell, p.key])).toEqual([
      ['choice_invalid', 'H2', 'Secteur'],
      ['cell_changed', 'C3', 'Effectif'],
      ['string_only', 'F3', 'Effectif'],
      ['string_only', 'G3', 'Effectif'],
    ]);
    expect(problems[0].message).toContain('toujours, si non vide, égal à');
  });
});
