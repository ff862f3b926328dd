/**
 * How a sheet of the model looks in Excel, the same choices as the CLI's xlsx files
 * (src/sync/xlsx/sheetLayout.ts): text columns formatted as Text before any value is written,
 * editable columns unlocked and the rest locked under a protection that still allows filtering,
 * flags as checkboxes where Excel has them (ExcelApi 1.18) and otherwise a drop-down of the
 * Booleans, the header frozen and filtered, conflicts highlighted. Every call works on whole
 * columns: nothing here loops over cells.
 */
import {
  type ColumnSpec,
  type Locale,
  type SheetId,
  columnLetters,
  columnsOf,
  conditionWords,
  directionWords,
  stringsFor,
  transformWords,
} from '../../sheets';
import type { DataValidation, ExcelContext, Features, Range, Worksheet } from './types';

/** The number format Excel calls Text: what is written, typed or pasted there stays a string. */
const TEXT_FORMAT = '@';
const CONFLICT_FILL = '#FCE4D6';
/** Excel's default column: 8.43 characters are 48 points. */
const POINTS_PER_CHARACTER = 48 / 8.43;

/**
 * Filtering works under this protection; Excel still refuses to sort a range holding locked
 * cells, so a reviewer who wants to sort removes the protection (no password) first. The apply
 * does not depend on it: rows are matched by key and every read-only cell is checked again.
 */
const SHEET_PROTECTION = { allowAutoFilter: true, allowSort: true, allowFormatColumns: true, selectionMode: 'Normal' };

const isTextColumn = (spec: ColumnSpec): boolean => spec.kind === 'text' || spec.kind === 'choice' || spec.kind === 'date';

const column = (ws: Worksheet, col: number, firstRow: number, rowCount: number): Range =>
  ws.getRangeByIndexes(firstRow, col, rowCount, 1);

/** The header row (as text), column widths and the hidden key columns. */
export const layOutHeader = (ws: Worksheet, sheet: SheetId, locale: Locale): void => {
  const specs = columnsOf(sheet);
  const header = ws.getRangeByIndexes(0, 0, 1, specs.length);
  header.numberFormat = TEXT_FORMAT;
  header.values = [specs.map((spec) => spec.header[locale])];
  header.format.font.bold = true;
  specs.forEach((spec, col) => {
    const whole = column(ws, col, 0, 1);
    whole.format.columnWidth = Math.round(spec.width * POINTS_PER_CHARACTER);
    if (spec.hidden) whole.columnHidden = true;
  });
};

/** Before the values of rows `firstRow` … `firstRow + count − 1`: Text formats, and the editable columns unlocked. */
export const formatRows = (ws: Worksheet, sheet: SheetId, firstRow: number, count: number): void => {
  if (count === 0) return;
  columnsOf(sheet).forEach((spec, col) => {
    const data = column(ws, col, firstRow, count);
    if (isTextColumn(spec)) data.numberFormat = TEXT_FORMAT;
    if (spec.kind === 'flag') data.format.horizontalAlignment = 'Center';
    if (spec.editable) data.format.protection.locked = false;
  });
};

/** A drop-down's source: comma-separated words, none of which may hold a comma. */
const listSource = (words: readonly string[]): string => {
  for (const word of words) {
    if (word.includes(',')) throw new Error(`a drop-down word cannot hold a comma: ${word}`);
  }
  return words.join(',');
};

/**
 * Drop-downs of the editable columns. Errors only warn: typed words such as "oui" or "x" are
 * fine, and the apply checks every cell whatever Excel let through (a paste bypasses them).
 */
const validationFor = (sheet: SheetId, spec: ColumnSpec, locale: Locale): DataValidation | undefined => {
  const s = stringsFor(locale);
  const alert = (message: string) => ({ showAlert: true, style: 'Warning', title: s.invalidValueTitle, message });
  const list = (words: readonly string[], message: string): DataValidation => ({
    rule: { list: { inCellDropDown: true, source: listSource(words) } },
    errorAlert: alert(message),
  });
  if (spec.kind === 'flag') return list([s.booleans.true, s.booleans.false], s.flagHelp);
  if (sheet === 'details' && spec.id === 'chosen') return list(directionWords(locale), s.listHelp);
  if (sheet === 'customFields' && spec.id === 'transform') return list(transformWords(locale), s.listHelp);
  if (sheet === 'customFields' && spec.id === 'condition') return list(conditionWords(locale), s.listHelp);
  if (sheet === 'customFields' && spec.id === 'maxLength') {
    return { rule: { wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqualTo' } }, errorAlert: alert(s.lengthHelp) };
  }
  return undefined;
};

/**
 * The rows the model highlights, as one conditional format: it follows the rows when the
 * reviewer sorts, and costs one call instead of one per row. Détails highlights conflicts.
 */
const highlightRule = (sheet: SheetId, locale: Locale): { column: string; equals: string } | undefined =>
  sheet === 'details' ? { column: 'state', equals: stringsFor(locale).fieldStates.conflict } : undefined;

/** The rows `highlightRule` marks, for the test that keeps it in step with the sheet model. */
export const highlightedBy = (sheet: SheetId, locale: Locale, cells: readonly unknown[]): boolean => {
  const rule = highlightRule(sheet, locale);
  if (!rule) return false;
  const col = columnsOf(sheet).findIndex((c) => c.id === rule.column);
  return cells[col] === rule.equals;
};

/**
 * After the values of rows `firstRow` … `firstRow + count − 1`: drop-downs or checkboxes and
 * highlights on them, then the frozen header and the filter over every row.
 */
export const finishRows = (ws: Worksheet, sheet: SheetId, firstRow: number, count: number, locale: Locale, features: Features): void => {
  const specs = columnsOf(sheet);
  if (count > 0) {
    specs.forEach((spec, col) => {
      const data = column(ws, col, firstRow, count);
      if (spec.kind === 'flag' && features.checkboxes) {
        data.control = { type: 'Checkbox' };
        return;
      }
      const validation = validationFor(sheet, spec, locale);
      if (validation) {
        data.dataValidation.rule = validation.rule;
        data.dataValidation.errorAlert = validation.errorAlert;
      }
    });
    const rule = highlightRule(sheet, locale);
    if (rule) {
      const letters = columnLetters(specs.findIndex((c) => c.id === rule.column));
      const format = ws.getRangeByIndexes(firstRow, 0, count, specs.length).conditionalFormats.add('Custom');
      format.custom.rule.formula = `=$${letters}${firstRow + 1}="${rule.equals.replace(/"/g, '""')}"`;
      format.custom.format.fill.color = CONFLICT_FILL;
    }
  }
  ws.freezePanes.freezeRows(1);
  // Rows appended below a filtered sheet: the filter is laid again over all of them.
  if (firstRow > 1) ws.autoFilter.remove();
  ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, firstRow + count, specs.length));
};

/**
 * Protection is checked before it is changed: a 2026 regression throws when the state already
 * matches. Both helpers sync once.
 */
export const unprotect = async (ctx: ExcelContext, ws: Worksheet): Promise<void> => {
  ws.protection.load('protected');
  await ctx.sync();
  if (ws.protection.protected) ws.protection.unprotect();
};

export const protect = async (ctx: ExcelContext, ws: Worksheet): Promise<void> => {
  ws.protection.load('protected');
  await ctx.sync();
  if (!ws.protection.protected) ws.protection.protect(SHEET_PROTECTION);
};
