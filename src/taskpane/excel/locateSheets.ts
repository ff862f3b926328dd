/**
 * Finding the sheets of the model in the workbook: by the id the link recorded first (a renamed
 * sheet keeps it), else by tab name in any of the three languages.
 */
import type { Problem } from '../../contract/pending';
import { type Locale, type SheetId, sheetName, sheetOfName, stringsFor } from '../../sheets';
import type { ExcelContext, Worksheet } from './types';

export interface LocatedSheets {
  sheets: Partial<Record<SheetId, Worksheet>>;
  /** A sheet that is missing, or found by its id under a name that is not one of its names. */
  problems: Problem[];
}

const sheetProblem = (code: string, message: string, sheet: string): Problem => ({ key: null, field: null, code, message, sheet });

/**
 * Loads every tab's id, name and position in one sync. A renamed sheet is still returned (a
 * new pull replaces it, keeping the reviewer's decisions), and reported: an apply refuses it.
 */
export const locateSheets = async (
  ctx: ExcelContext,
  wanted: readonly SheetId[],
  ids: Partial<Record<SheetId, string>>,
  locale: Locale,
): Promise<LocatedSheets> => {
  const tabs = ctx.workbook.worksheets;
  tabs.load('items/id,items/name,items/position');
  await ctx.sync();
  const s = stringsFor(locale);
  const sheets: Partial<Record<SheetId, Worksheet>> = {};
  const problems: Problem[] = [];
  for (const sheet of wanted) {
    const expected = sheetName(sheet, locale);
    const byId = ids[sheet] === undefined ? undefined : tabs.items.find((ws) => ws.id === ids[sheet]);
    if (byId) {
      sheets[sheet] = byId;
      if (sheetOfName(byId.name) !== sheet) {
        problems.push(sheetProblem('sheet_renamed', s.addin.problems.sheetRenamed({ sheet: expected, found: byId.name }), byId.name));
      }
      continue;
    }
    const candidates = tabs.items.filter((ws) => sheetOfName(ws.name) === sheet);
    const byName = candidates.find((ws) => ws.name === expected) ?? candidates[0];
    if (byName) sheets[sheet] = byName;
    else problems.push(sheetProblem('sheet_missing', s.workbook.sheet_missing({ sheet: expected }), expected));
  }
  return { sheets, problems };
};
