/**
 * The audit record of one run as a workbook a firm can keep: a summary sheet (who, when, which
 * pull and backup, the hash chain's state and the record's fingerprints) and the Journal sheet
 * with every written field's before and after.
 */
import ExcelJS from 'exceljs';
import type { RowResult } from '../../contract/pending';
import { AUDIT_LABELS, stringsFor, type Locale } from '../../sheets';
import type { AuditExport } from '../engine/engine';
import { summarise } from '../engine/results';
import { replaceFile } from './replaceFile';
import { frozenHeader, SHEET_PROTECTION, textValue } from './sheetLayout';
import { appendJournal } from './writeResults';

export async function writeAuditWorkbook(path: string, audit: AuditExport, locale: Locale): Promise<void> {
  const s = stringsFor(locale).audit;
  const { run } = audit;
  const record = audit.records.at(-1);
  const counts = Object.entries(summarise((run.result ?? []) as RowResult[]))
    .map(([status, n]) => `${stringsFor(locale).statuses[status as keyof ReturnType<typeof stringsFor>['statuses']]}: ${n}`)
    .join(', ');
  const values: Record<(typeof AUDIT_LABELS)[number], string> = {
    run: run.id,
    kind: run.kind,
    user: run.user,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? '',
    pull: run.pullId ?? '',
    backup: run.backupId ?? '',
    undoes: run.undoes ?? '',
    state: run.state,
    chain: audit.chainIntact ? s.intact : s.broken,
    hash: record?.hash ?? '',
    prevHash: record?.prevHash ?? '',
    counts,
  };

  const wb = new ExcelJS.Workbook();
  wb.creator = 'bobsync';
  const summary = wb.addWorksheet(s.sheet, frozenHeader());
  summary.columns = [{ width: 28 }, { width: 70 }];
  // Every value is text from the run or the systems: written as text, never as a formula.
  for (const label of AUDIT_LABELS) summary.addRow([textValue(s.labels[label]), textValue(values[label])]).eachCell((c) => (c.numFmt = '@'));
  summary.getColumn(1).font = { bold: true };
  await summary.protect('', SHEET_PROTECTION);
  await appendJournal(wb, undefined, audit.lines, locale);
  await replaceFile(path, (temporary) => wb.xlsx.writeFile(temporary));
}
