import fc from 'fast-check';
import type { CustomFieldSetting, Transform } from '../../../src/contract/customFields';
import {
  applyStringRule,
  conditionHolds,
  matchCustomFields,
  validateCustomFieldSettings,
} from '../../../src/sync/domain/customFields';
import type { CustomFieldDef } from '../../../src/sync/domain/ports';
import { setting } from './fixtures';

describe('applyStringRule', () => {
  it.each<[Transform, string, string]>([
    ['none', 'jean-Pierre dupont', 'jean-Pierre dupont'],
    ['upper', 'Brasserie Ölz', 'BRASSERIE ÖLZ'],
    ['lower', 'Brasserie ÖLZ', 'brasserie ölz'],
    ['trim', '  padded  ', 'padded'],
    ['capitalize', 'jean-pierre de la tour', 'Jean-pierre De La Tour'],
    ['capitalize', 'éCOLE du midi', 'ÉCOLE Du Midi'],
  ])('%s turns %j into %j', (transform, input, output) => {
    expect(applyStringRule(input, setting('F', { transform }))).toBe(output);
  });

  it('cuts to the maximum length after the transformation', () => {
    expect(applyStringRule('straße', setting('F', { transform: 'upper', maxLength: 6 }))).toBe('STRASS');
    expect(applyStringRule('abcdef', setting('F', { maxLength: 3 }))).toBe('abc');
    expect(applyStringRule('abc', setting('F', { maxLength: 3 }))).toBe('abc');
  });

  it('drops the blank a cut leaves at the end', () => {
    expect(applyStringRule('abc def', setting('F', { maxLength: 4 }))).toBe('abc');
  });

  it('does not split a surrogate pair', () => {
    expect(applyStringRule('ab😀c', setting('F', { maxLength: 3 }))).toBe('ab');
    expect(applyStringRule('ab😀c', setting('F', { maxLength: 4 }))).toBe('ab😀');
  });

  it('leaves fields that are not text alone', () => {
    expect(applyStringRule('12.50', setting('F', { type: 'number', transform: 'upper', maxLength: 2 }))).toBe('12.50');
  });

  it('is idempotent, so written values read back unchanged', () => {
    const transforms: Transform[] = ['none', 'upper', 'lower', 'trim', 'capitalize'];
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\s+/g, ' ').trim()),
        fc.constantFrom(...transforms),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
        (value, transform, maxLength) => {
          const rule = setting('F', { transform, maxLength });
          const once = applyStringRule(value, rule);
          expect(applyStringRule(once, rule)).toBe(once);
          if (maxLength !== null) expect(once.length).toBeLessThanOrEqual(maxLength);
        },
      ),
    );
  });
});

describe('conditionHolds', () => {
  const holds = (value: string, condition: CustomFieldSetting['condition'], conditionValue = ''): boolean =>
    conditionHolds(value, setting('F', { condition, conditionValue }));

  it.each<[string, CustomFieldSetting['condition'], string, boolean]>([
    ['', 'always', '', true],
    ['x', 'not_empty', '', true],
    ['', 'not_empty', '', false],
    ['  ', 'not_empty', '', false],
    ['VIP', 'equals', 'VIP', true],
    ['vip', 'equals', 'VIP', false],
    ['VIP', 'differs', 'VIP', false],
    ['vip', 'differs', 'VIP', true],
    ['BE-Brussels', 'starts_with', 'BE-', true],
    ['be-Brussels', 'starts_with', 'BE-', false],
    ['Grand Hotel', 'contains', 'Hotel', true],
    ['Grand hotel', 'contains', 'Hotel', false],
  ])('%j %s %j → %s', (value, condition, operand, expected) => {
    expect(holds(value, condition, operand)).toBe(expected);
  });
});

describe('matchCustomFields', () => {
  const bobDefs: CustomFieldDef[] = [
    { name: 'SECTEUR', type: 'string', length: 30 },
    { name: 'Remise', type: 'number' },
    { name: 'NOTE', type: 'string' },
    { name: 'ORPHAN', type: 'string', length: 10 },
  ];
  const crmDefs: CustomFieldDef[] = [
    { name: 'comp_secteur', type: 'string', length: 40 },
    { name: 'Comp_Remise', type: 'number' },
    { name: 'comp_note', type: 'string' },
    { name: 'comp_other', type: 'string' },
  ];

  it('lists only BOB fields with a comp_<name> field, with defaults', () => {
    expect(matchCustomFields(bobDefs, crmDefs, [])).toEqual([
      setting('SECTEUR', { crmField: 'comp_secteur', maxLength: 40 }),
      setting('Remise', { crmField: 'Comp_Remise', type: 'number' }),
      setting('NOTE', { crmField: 'comp_note', maxLength: null }),
    ]);
  });

  it('keeps saved choices and drops those of fields that no longer match', () => {
    const saved = [
      setting('SECTEUR', { selected: false, maxLength: 20, transform: 'upper', condition: 'equals', conditionValue: 'X' }),
      setting('ORPHAN', { selected: false }),
    ];
    const matched = matchCustomFields(bobDefs, crmDefs, saved);
    expect(matched.map((s) => s.bobField)).toEqual(['SECTEUR', 'Remise', 'NOTE']);
    expect(matched[0]).toEqual({ ...saved[0], crmField: 'comp_secteur' });
    expect(matched[1].selected).toBe(true);
  });

  it('takes type and CRM field from the current definitions', () => {
    const saved = [setting('NOTE', { type: 'number', crmField: 'comp_old' })];
    expect(matchCustomFields(bobDefs, crmDefs, saved)[2]).toMatchObject({ type: 'string', crmField: 'comp_note' });
  });
});

describe('validateCustomFieldSettings', () => {
  const matched = [setting('SECTEUR', { maxLength: 40 }), setting('Remise', { type: 'number' })];

  it('accepts valid settings', () => {
    expect(validateCustomFieldSettings(matched, matched)).toEqual([]);
    expect(
      validateCustomFieldSettings([setting('SECTEUR', { condition: 'contains', conditionValue: 'a' })], matched),
    ).toEqual([]);
  });

  it('reports each problem with its field', () => {
    const problems = validateCustomFieldSettings(
      [
        setting('NOPE'),
        setting('Remise', { type: 'number', maxLength: 5, transform: 'upper' }),
        setting('SECTEUR', { condition: 'equals', conditionValue: '' }),
        setting('SECTEUR'),
      ],
      matched,
    );
    expect(problems.map(({ field, code, key }) => ({ field, code, key }))).toEqual([
      { field: 'NOPE', code: 'unknown_custom_field', key: null },
      { field: 'Remise', code: 'max_length_not_string', key: null },
      { field: 'Remise', code: 'transform_not_string', key: null },
      { field: 'SECTEUR', code: 'condition_value_missing', key: null },
      { field: 'SECTEUR', code: 'duplicate_custom_field', key: null },
    ]);
    for (const problem of problems) expect(problem.message).toContain(problem.field);
  });

  it('judges the type by the matched field, not by what the sheet says', () => {
    const problems = validateCustomFieldSettings([setting('Remise', { type: 'string', maxLength: 5 })], matched);
    expect(problems.map((p) => p.code)).toEqual(['max_length_not_string']);
  });
});
