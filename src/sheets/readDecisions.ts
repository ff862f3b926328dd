/** Synchronisation + Détails → the decisions of an apply request. */
import type { Problem, RowDecision } from '../contract/pending';
import type { CellValue } from './cells';
import type { ExpectedPull } from './expected';
import { readDetails } from './readDetails';
import { readSynchronisation } from './readSynchronisation';
import type { Locale } from './strings';

export interface DecisionsRead {
  pullId: string;
  /**
   * The decisions of the rows read without any problem in either sheet. Only meaningful when
   * `problems` is empty: an apply must not go ahead on part of the reviewer's decisions.
   */
  decisions: RowDecision[];
  problems: Problem[];
}

export const readDecisions = (
  sync: readonly (readonly CellValue[])[],
  details: readonly (readonly CellValue[])[],
  expected: ExpectedPull,
  locale: Locale,
): DecisionsRead => {
  const fromSync = readSynchronisation(sync, expected, locale);
  const fromDetails = readDetails(details, expected, locale);
  const problems = [...fromSync.problems, ...fromDetails.problems];
  const troubled = new Set(fromDetails.problems.flatMap((p) => (p.key === null ? [] : [p.key])));
  const decisions = fromSync.decisions
    .filter((d) => !troubled.has(d.key))
    .map((d) => ({ ...d, directions: { ...fromDetails.directions.get(d.key) } }));
  return { pullId: expected.pullId, decisions, problems };
};
