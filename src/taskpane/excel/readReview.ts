/**
 * Reads the review sheets back for an apply: each located by the link, read in chunks, with its
 * formula cells and any missing or renamed sheet as problems. Decoding the values against the
 * pull is the sheet model's work (src/sheets), done by the caller.
 */
import type { Problem } from '../../contract/pending';
import { type CellValue, type SheetId, stringsFor } from '../../sheets';
import { locateSheets } from './locateSheets';
import { readSheetValues, type ReadOptions } from './readSheet';
import type { ExcelContext } from './types';
import type { WorkbookLink } from './workbookLink';

export interface ReviewSheet {
  /** Header row first; empty when the sheet is missing. */
  values: CellValue[][];
  /** The tab's id and name as found, for links to its cells; null when missing. */
  tab: { id: string; name: string } | null;
}

export interface ReviewRead {
  sheets: Record<SheetId, ReviewSheet>;
  /** Missing or renamed sheets and formula cells. */
  problems: Problem[];
}

export const readReview = async (
  ctx: ExcelContext,
  link: WorkbookLink,
  wanted: readonly SheetId[],
  options: ReadOptions & { onProgress?: (sheetsDone: number, total: number) => void },
): Promise<ReviewRead> => {
  const s = stringsFor(link.locale);
  const located = await locateSheets(ctx, wanted, link.sheets, link.locale);
  const problems: Problem[] = [...located.problems];
  const sheets = {} as Record<SheetId, ReviewSheet>;
  for (const [index, sheet] of wanted.entries()) {
    const ws = located.sheets[sheet];
    if (!ws) {
      sheets[sheet] = { values: [], tab: null };
      continue;
    }
    const read = await readSheetValues(ctx, ws, options);
    sheets[sheet] = { values: read.values, tab: { id: ws.id, name: ws.name } };
    for (const cell of read.formulas) {
      problems.push({ key: null, field: null, code: 'formula', message: s.problems.formula(), sheet: ws.name, cell });
    }
    if (read.formulaCount > read.formulas.length) {
      const message = s.addin.problems.moreFormulas({ count: read.formulaCount - read.formulas.length });
      problems.push({ key: null, field: null, code: 'formula', message, sheet: ws.name });
    }
    options.onProgress?.(index + 1, wanted.length);
  }
  return { sheets, problems };
};
