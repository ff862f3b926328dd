/**
 * The review sheets as read from Excel → the apply request, by the sheet model's decoders. The
 * request is only meaningful when there is no problem: an apply never goes ahead on part of the
 * reviewer's decisions.
 */
import type { CustomFieldSetting } from '../../contract/customFields';
import type { NeverFlagChange } from '../../contract/views';
import type { Problem, RowDecision } from '../../contract/pending';
import { type Locale, type SheetId, readAssociations, readCustomFields, readDecisions, sheetName } from '../../sheets';
import type { ReviewRead } from '../excel/readReview';
import type { PulledData } from './pullSheets';

export interface ExpectedPull extends PulledData {
  pullId: string;
}

export interface ReviewRequest {
  pullId: string;
  decisions: RowDecision[];
  neverChanges: NeverFlagChange[];
  customFields: CustomFieldSetting[];
}

export interface DecodedReview {
  request: ReviewRequest;
  problems: Problem[];
}

export const REVIEW_SHEETS = ['sync', 'details', 'associations', 'customFields'] as const satisfies readonly SheetId[];

export const decodeReview = (read: ReviewRead, expected: ExpectedPull, locale: Locale): DecodedReview => {
  const { sheets } = read;
  const decisions = readDecisions(sheets.sync.values, sheets.details.values, { pullId: expected.pullId, rows: expected.rows }, locale);
  const flags = readAssociations(sheets.associations.values, expected.view, locale);
  const fields = readCustomFields(sheets.customFields.values, expected.settings, locale);

  // The decoders name each sheet as the model does; problems point at the tab as it is, and a
  // missing tab is reported once (by readReview), not once per row it would have held.
  const tabOf = new Map(REVIEW_SHEETS.map((id) => [sheetName(id, locale), sheets[id].tab]));
  const fromCells = [...decisions.problems, ...flags.problems, ...fields.problems].flatMap((p) => {
    const tab = p.sheet === undefined ? undefined : tabOf.get(p.sheet);
    if (tab === null) return [];
    return [tab ? { ...p, sheet: tab.name } : p];
  });
  return {
    request: { pullId: expected.pullId, decisions: decisions.decisions, neverChanges: flags.changes, customFields: fields.settings },
    problems: [...read.problems, ...fromCells],
  };
};
