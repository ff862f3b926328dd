/**
 * The review workbook of the CLI: written from a pull, read back into an apply request, and
 * given the results and the journal of the run.
 */
import type { Problem } from '../../contract/pending';
import { readAssociations, readCustomFields, readDecisions, type Locale } from '../../sheets';
import type { ApplyRequest } from '../engine/apply';
import type { SyncEngine } from '../engine/engine';
import type { PullResult } from '../engine/pull';
import type { RunResult } from '../engine/results';
import { readPendingWorkbook, writePendingWorkbook, writeResults, type PendingWorkbook } from '../xlsx';

export async function writePendingFile(path: string, engine: SyncEngine, dossier: string, locale: Locale, pulled: PullResult): Promise<void> {
  await writePendingWorkbook(path, {
    pullId: pulled.pull.id,
    dossier,
    locale,
    rows: pulled.rows,
    view: engine.ctx.store.pullView(pulled.pull.id),
    customFields: pulled.settings,
  });
}

export const readPendingFile = (path: string): Promise<PendingWorkbook> => readPendingWorkbook(path);

export type SheetRequest = Pick<ApplyRequest, 'pullId' | 'decisions' | 'neverChanges' | 'customFields'>;

/**
 * Decodes every sheet of the workbook against the pull it came from. The request is only
 * meaningful when `problems` is empty: an apply never goes ahead on part of the decisions.
 */
export function requestFromWorkbook(wb: PendingWorkbook, engine: SyncEngine): { request: SheetRequest; problems: Problem[] } {
  const pull = engine.ctx.store.pull(wb.pullId);
  if (!pull || pull.dossier !== engine.ctx.dossier) {
    const problem: Problem = {
      key: null,
      field: null,
      code: 'unknown_pull',
      message: `Pull ${wb.pullId} is not a pull of dossier ${engine.ctx.dossier}.`,
    };
    return { request: { pullId: wb.pullId, decisions: [] }, problems: [problem, ...wb.problems] };
  }
  const rows = engine.ctx.store.pullRows(pull.id);
  const decisions = readDecisions(wb.sheets.sync, wb.sheets.details, { pullId: pull.id, rows }, wb.locale);
  const flags = readAssociations(wb.sheets.associations, engine.ctx.store.pullView(pull.id), wb.locale);
  const fields = readCustomFields(wb.sheets.customFields, pull.settings, wb.locale);
  return {
    request: { pullId: pull.id, decisions: decisions.decisions, neverChanges: flags.changes, customFields: fields.settings },
    problems: [...wb.problems, ...decisions.problems, ...flags.problems, ...fields.problems],
  };
}

/** Statut and Message of every row; for a real run, its journal lines appended to the Journal sheet. */
export async function writeRunToFile(path: string, locale: Locale, result: RunResult, engine: SyncEngine): Promise<void> {
  const journal = result.runId && !result.dryRun ? engine.journal(result.runId) : [];
  await writeResults(path, result.results, journal, locale);
}
