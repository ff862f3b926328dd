/** Associations sheet → the never-sync flags the reviewer changed. */
import type { AssociationView, NeverFlagChange } from '../contract/views';
import type { Problem } from '../contract/pending';
import type { CellValue } from './cells';
import { readFlag, readText } from './cellReaders';
import { byKey } from './expected';
import { ProblemList } from './problems';
import { expectUnchanged, scanSheet } from './scan';
import { type Locale, stringsFor } from './strings';

export interface AssociationsRead {
  /** Rows whose flag or reason differs from the view, read without a problem, in the view's order. */
  changes: NeverFlagChange[];
  problems: Problem[];
}

const READ_ONLY_FROM_SOURCES = ['bobId', 'crmId', 'name', 'vat'] as const;

export const readAssociations = (
  values: readonly (readonly CellValue[])[],
  expected: readonly AssociationView[],
  locale: Locale,
): AssociationsRead => {
  const problems = new ProblemList('associations', locale);
  const read = new Map<string, NeverFlagChange>();
  scanSheet({
    sheet: 'associations',
    values,
    required: ['key', 'never', 'reason'],
    expected: byKey(expected, (v) => v.key),
    problems,
    locale,
    describe: (view) => ({ label: `${stringsFor(locale).quote(view.name)} (${view.key})`, key: view.key, field: null }),
    visit: (row, view) => {
      for (const id of READ_ONLY_FROM_SOURCES) expectUnchanged(row, 'associations', id, view[id], problems, locale);
      const never = readFlag(row, 'associations', 'never', problems, locale);
      const reason = readText(row.required('reason'), locale).trim();
      if (never !== undefined && (never !== view.never || reason !== view.neverReason)) {
        read.set(view.key, { key: view.key, never, reason });
      }
    },
  });
  const troubled = problems.keys();
  const changes = expected.flatMap((view) => {
    const change = read.get(view.key);
    return change && !troubled.has(view.key) ? [change] : [];
  });
  return { changes, problems: problems.items };
};
