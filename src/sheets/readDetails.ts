/** Détails sheet → the direction the reviewer chose for each conflicting field. */
import type { Direction, FieldChange, PendingRow, Problem } from '../contract/pending';
import { type CellValue, showValue } from './cells';
import { detailKey } from './detailKey';
import { type ExpectedPull, byKey } from './expected';
import { headerText } from './header';
import { fieldLabel } from './labels';
import { ProblemList } from './problems';
import { expectUnchanged, scanSheet } from './scan';
import { type Locale, stringsFor } from './strings';
import { directionWords, parseDirection } from './words';

export interface DetailsRead {
  /** Chosen directions by pending row key, then by field; only rows read without a problem. */
  directions: Map<string, Record<string, Direction>>;
  problems: Problem[];
}

interface Detail {
  row: PendingRow;
  change: FieldChange;
}

export const readDetails = (
  values: readonly (readonly CellValue[])[],
  expected: ExpectedPull,
  locale: Locale,
): DetailsRead => {
  const problems = new ProblemList('details', locale);
  const s = stringsFor(locale);
  const details = expected.rows.flatMap((row) => row.changes.map((change): Detail => ({ row, change })));
  const chosen: Array<{ key: string; field: string; direction: Direction }> = [];
  scanSheet({
    sheet: 'details',
    values,
    required: ['key', 'chosen'],
    expected: byKey(details, (d) => detailKey(d.row.key, d.change.field)),
    problems,
    locale,
    describe: ({ row, change }) => ({
      label: `${s.quote(row.name)} — ${s.quote(fieldLabel(change.field, locale))} (${row.key})`,
      key: row.key,
      field: change.field,
    }),
    visit: (sheetRow, { row, change }) => {
      expectUnchanged(sheetRow, 'details', 'bobId', row.bobId, problems, locale);
      expectUnchanged(sheetRow, 'details', 'crmId', row.crmId, problems, locale);
      expectUnchanged(sheetRow, 'details', 'name', row.name, problems, locale);
      expectUnchanged(sheetRow, 'details', 'base', change.base, problems, locale);
      expectUnchanged(sheetRow, 'details', 'bob', change.bob, problems, locale);
      expectUnchanged(sheetRow, 'details', 'crm', change.crm, problems, locale);

      const cell = sheetRow.required('chosen');
      const column = headerText('details', 'chosen', locale);
      const direction = parseDirection(cell.value);
      if (direction === undefined) {
        problems.add('direction_invalid', sheetRow.at(cell, 'chosen'), {
          column,
          found: showValue(cell.value, locale),
          allowed: directionWords(locale).join(', '),
        });
      } else if (direction !== null && change.status !== 'conflict') {
        problems.add('direction_not_conflict', sheetRow.at(cell, 'chosen'), {
          column,
          field: fieldLabel(change.field, locale),
        });
      } else if (direction !== null) {
        chosen.push({ key: row.key, field: change.field, direction });
      }
    },
  });
  const troubled = problems.keys();
  const directions = new Map<string, Record<string, Direction>>();
  for (const { key, field, direction } of chosen) {
    if (troubled.has(key)) continue;
    directions.set(key, { ...directions.get(key), [field]: direction });
  }
  return { directions, problems: problems.items };
};
