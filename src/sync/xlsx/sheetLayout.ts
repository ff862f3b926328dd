/**
 * How a sheet of the model looks in an xlsx file: text columns formatted as Text so that Excel
 * never reinterprets a value, editable columns unlocked, the rest locked under a blank-password
 * protection (a guard against slips, not security: the apply re-checks every cell anyway).
 */
import type { DataValidation, Row, Style, Worksheet, WorksheetProtection } from 'exceljs';
import { type CellValue, type ColumnSpec, type SheetId, columnLetters, stringsFor } from '../../sheets';
import { conditionWords, directionWords, type Locale, transformWords } from '../../sheets';
import { validationsOf } from './exceljsGaps';
import { escapeText } from './ooxmlText';

/** The number format Excel calls Text: what is typed or pasted there stays a string. */
const TEXT = '@';
const CONFLICT_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

export const SHEET_PROTECTION: Partial<WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  autoFilter: true,
  sort: true,
  formatColumns: true,
};

const isText = (spec: ColumnSpec): boolean => spec.kind === 'text' || spec.kind === 'choice' || spec.kind === 'date';

export const columnStyle = (spec: ColumnSpec): Partial<Style> => ({
  ...(isText(spec) ? { numFmt: TEXT } : {}),
  protection: { locked: !spec.editable },
  ...(spec.kind === 'flag' ? { alignment: { horizontal: 'center' } } : {}),
});

const headerStyle: Partial<Style> = { numFmt: TEXT, font: { bold: true }, protection: { locked: true } };

/**
 * Column widths, visibility and styles, then the header row. The frozen header is a view option
 * given when the sheet is created (see `FROZEN_HEADER`).
 */
export const layOut = (ws: Worksheet, specs: readonly ColumnSpec[], locale: Locale): void => {
  ws.columns = specs.map((spec) => ({ width: spec.width, hidden: spec.hidden, style: columnStyle(spec) }));
  const row = ws.getRow(1);
  specs.forEach((spec, i) => {
    const cell = row.getCell(i + 1);
    cell.value = textValue(spec.header[locale]);
    cell.style = headerStyle;
  });
};

export const FROZEN_HEADER = { views: [{ state: 'frozen' as const, ySplit: 1, xSplit: 0 }] };

/**
 * Text goes in as a one-run rich text: exceljs then writes an explicit inline string (its plain
 * strings become `t="str"`, the type of a formula's result), escaped as OOXML wants it.
 */
export const textValue = (text: string): { richText: Array<{ text: string }> } => ({
  richText: [{ text: escapeText(text) }],
});

/** Fills one data row. Styles are set per cell: a cell's own style replaces its column's. */
export const fillRow = (row: Row, specs: readonly ColumnSpec[], cells: readonly CellValue[], highlighted: boolean): void => {
  specs.forEach((spec, i) => {
    const cell = row.getCell(i + 1);
    const value = cells[i] ?? null;
    cell.value = typeof value === 'string' && isText(spec) ? textValue(value) : value;
    cell.style = highlighted ? { ...columnStyle(spec), fill: CONFLICT_FILL } : columnStyle(spec);
  });
};

/** A list validation's formula: a quoted, comma-separated list, as Excel and LibreOffice both read it. */
const listFormula = (words: readonly string[]): string => {
  for (const word of words) {
    if (/[",]/.test(word)) throw new Error(`a drop-down word cannot hold a comma or a quote: ${word}`);
  }
  return `"${words.join(',')}"`;
};

/**
 * Drop-downs on the editable columns. Flags offer the Booleans as Excel spells them in the
 * workbook's language, so picking one enters a real Boolean there. Errors only warn: typed words
 * such as "oui" or "x" are fine, and the apply checks every cell whatever Excel let through.
 */
const validationFor = (sheet: SheetId, spec: ColumnSpec, locale: Locale): DataValidation | undefined => {
  const s = stringsFor(locale);
  const list = (words: readonly string[], error: string, errorTitle: string): DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [listFormula(words)],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle,
    error,
  });
  const header = spec.header[locale];
  if (spec.kind === 'flag') return list([s.booleans.true, s.booleans.false], s.flagHelp, s.invalidValueTitle);
  if (sheet === 'details' && spec.id === 'chosen') return list(directionWords(locale), header, s.invalidValueTitle);
  if (sheet === 'customFields' && spec.id === 'transform') return list(transformWords(locale), header, s.invalidValueTitle);
  if (sheet === 'customFields' && spec.id === 'condition') return list(conditionWords(locale), header, s.invalidValueTitle);
  if (sheet === 'customFields' && spec.id === 'maxLength') {
    return {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [1],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: s.invalidValueTitle,
      error: header,
    };
  }
  return undefined;
};

/** Validations over the data rows, the filter over header and data, one range per column. */
export const finish = (ws: Worksheet, sheet: SheetId, specs: readonly ColumnSpec[], lastRow: number, locale: Locale): void => {
  ws.autoFilter = `A1:${columnLetters(specs.length - 1)}${Math.max(lastRow, 1)}`;
  if (lastRow < 2) return;
  specs.forEach((spec, i) => {
    const validation = validationFor(sheet, spec, locale);
    const letters = columnLetters(i);
    if (validation) validationsOf(ws).add(`${letters}2:${letters}${lastRow}`, validation);
  });
};
