/** Champs personnalisés sheet → the custom-field settings as the reviewer left them. */
import type { CustomFieldSetting } from '../contract/customFields';
import type { Problem } from '../contract/pending';
import { type CellValue, isBlank, showValue } from './cells';
import { readFlag, readText } from './cellReaders';
import { byKey } from './expected';
import { headerText } from './header';
import type { ColumnId } from './ids';
import { ProblemList } from './problems';
import { type Cell, type SheetRow, expectUnchanged, scanSheet } from './scan';
import { type Locale, stringsFor } from './strings';
import { conditionWords, parseCondition, parseTransform, transformWords } from './words';

export interface CustomFieldsRead {
  /** Every setting read without a problem, in the expected order. */
  settings: CustomFieldSetting[];
  problems: Problem[];
}

const REQUIRED: readonly ColumnId<'customFields'>[] = [
  'key',
  'selected',
  'maxLength',
  'transform',
  'condition',
  'value',
];

/** Empty → no limit; otherwise a positive whole number, typed or pasted as text. */
const parseMaxLength = (value: CellValue): number | null | undefined => {
  if (isBlank(value)) return null;
  const digits = typeof value === 'string' && /^\d+$/.test(value.trim());
  const n = typeof value === 'number' ? value : digits ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export const readCustomFields = (
  values: readonly (readonly CellValue[])[],
  expected: readonly CustomFieldSetting[],
  locale: Locale,
): CustomFieldsRead => {
  const problems = new ProblemList('customFields', locale);
  const read = new Map<string, CustomFieldSetting>();

  const invalid = (row: SheetRow<'customFields'>, id: ColumnId<'customFields'>, cell: Cell, allowed?: string[]): void => {
    const column = headerText('customFields', id, locale);
    const found = showValue(cell.value, locale);
    if (allowed) problems.add('choice_invalid', row.at(cell, id), { column, found, allowed: allowed.join(', ') });
    else problems.add('number_invalid', row.at(cell, id), { column, found });
  };

  scanSheet({
    sheet: 'customFields',
    values,
    required: REQUIRED,
    expected: byKey(expected, (s) => s.bobField),
    problems,
    locale,
    describe: (setting) => ({ label: stringsFor(locale).quote(setting.bobField), key: setting.bobField, field: null }),
    visit: (row, setting) => {
      expectUnchanged(row, 'customFields', 'bobField', setting.bobField, problems, locale);
      expectUnchanged(row, 'customFields', 'crmField', setting.crmField, problems, locale);

      const selected = readFlag(row, 'customFields', 'selected', problems, locale);
      const lengthCell = row.required('maxLength');
      const maxLength = parseMaxLength(lengthCell.value);
      if (maxLength === undefined) invalid(row, 'maxLength', lengthCell);
      const transformCell = row.required('transform');
      const transform = parseTransform(transformCell.value);
      if (transform === undefined) invalid(row, 'transform', transformCell, transformWords(locale));
      const conditionCell = row.required('condition');
      const condition = parseCondition(conditionCell.value);
      if (condition === undefined) invalid(row, 'condition', conditionCell, conditionWords(locale));

      // Length and transformation reshape text; on other types they would corrupt the value.
      if (setting.type !== 'string') {
        const field = setting.bobField;
        if (maxLength !== undefined && maxLength !== null) {
          problems.add('string_only', row.at(lengthCell, 'maxLength'), {
            column: headerText('customFields', 'maxLength', locale),
            field,
          });
        }
        if (transform !== undefined && transform !== 'none') {
          problems.add('string_only', row.at(transformCell, 'transform'), {
            column: headerText('customFields', 'transform', locale),
            field,
          });
        }
      }
      if (selected === undefined || maxLength === undefined || transform === undefined || condition === undefined) {
        return;
      }
      read.set(setting.bobField, {
        ...setting,
        selected,
        maxLength,
        transform,
        condition,
        conditionValue: readText(row.required('value'), locale),
      });
    },
  });
  const troubled = problems.keys();
  const settings = expected.flatMap((setting) => {
    const updated = read.get(setting.bobField);
    return updated && !troubled.has(setting.bobField) ? [updated] : [];
  });
  return { settings, problems: problems.items };
};
