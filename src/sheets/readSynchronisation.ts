/** Synchronisation sheet → the reviewer's flags per pending row. */
import type { Problem, RowDecision } from '../contract/pending';
import type { CellValue } from './cells';
import { readFlag, readText } from './cellReaders';
import { type ExpectedPull, byKey } from './expected';
import { headerText } from './header';
import type { ColumnId } from './ids';
import { ProblemList } from './problems';
import { expectUnchanged, scanSheet } from './scan';
import { type Locale, stringsFor } from './strings';

export interface SynchronisationRead {
  /** One decision per row read without a problem, in the pull's order; `directions` left empty. */
  decisions: RowDecision[];
  problems: Problem[];
}

const REQUIRED: readonly ColumnId<'sync'>[] = ['key', 'version', 'never', 'skip', 'reason'];
const READ_ONLY_FROM_SOURCES = ['bobId', 'crmId', 'name', 'vat'] as const;

export const readSynchronisation = (
  values: readonly (readonly CellValue[])[],
  expected: ExpectedPull,
  locale: Locale,
): SynchronisationRead => {
  const problems = new ProblemList('sync', locale);
  const read = new Map<string, RowDecision>();
  scanSheet({
    sheet: 'sync',
    values,
    required: REQUIRED,
    expected: byKey(expected.rows, (r) => r.key),
    problems,
    locale,
    describe: (pending) => ({
      label: `${stringsFor(locale).quote(pending.name)} (${pending.key})`,
      key: pending.key,
      field: null,
    }),
    visit: (row, pending) => {
      const version = row.required('version');
      if (readText(version, locale) !== pending.version) problems.add('version_changed', row.at(version, 'version'));
      for (const id of READ_ONLY_FROM_SOURCES) expectUnchanged(row, 'sync', id, pending[id], problems, locale);

      const never = readFlag(row, 'sync', 'never', problems, locale);
      const skip = readFlag(row, 'sync', 'skip', problems, locale);
      if (never === true && skip === true) {
        problems.add('never_and_skip', row.at(row.required('skip'), 'skip'), {
          never: headerText('sync', 'never', locale),
          skip: headerText('sync', 'skip', locale),
        });
      }
      read.set(pending.key, {
        key: pending.key,
        version: pending.version,
        never: never ?? false,
        skip: skip ?? false,
        reason: readText(row.required('reason'), locale).trim(),
        directions: {},
      });
    },
  });
  const troubled = problems.keys();
  const decisions = expected.rows.flatMap((pending) => {
    const decision = read.get(pending.key);
    return decision && !troubled.has(pending.key) ? [decision] : [];
  });
  return { decisions, problems: problems.items };
};
