/**
 * How a sheet of the model looks in an xlsx file: text columns formatted as Text so that Excel
 * never reinterprets a value, editable columns unlocked, the rest locked under a blank-password
 * protection (a guard against slips, not security: the apply re-checks every cell anyway).
 */
import type { AddWorksheetOptions, DataValidation, Row, Style, Worksheet, WorksheetProtection } from 'exceljs';
import {
  type CellValue,
  type ColumnSpec,
  type Locale,
  type SheetId,
  columnLetters,
  conditionWords,
  directionWords,
  stringsFor,
  transformWords,
} from '../../sheets';
import { validationsOf } from './exceljsGaps';
import { escapeText } from './ooxmlText';

/** The number format Excel calls Text: what is typed or pasted there stays a string. */
const TEXT = '@';
const CONFLICT_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/**
 * Filtering works under this protection; Excel still refuses to sort a range that holds locked
 * cells, so a reviewer who wants to sort unprotects the sheet (no password) first. The decoders
 * do not depend on the protection: they match rows by key and re-check every read-only cell.
 */
export const SHEET_PROTECTION: Partial<WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  autoFilter: true,
  sort: true,
  formatColumns: true,
};

const isText = (spec: ColumnSpec): boolean => spec.kind === 'text' || spec.kind === 'choice' || spec.kind === 'date';

const columnStyle = (spec: ColumnSpec): Partial<Style> => ({
  ...(isText(spec) ? { numFmt: TEXT } : {}),
  protection: { locked: !spec.editable },
  ...(spec.kind === 'flag' ? { alignment: { horizontal: 'center' } } : {}),
});

const headerStyle: Partial<Style> = { numFmt: TEXT, font: { bold: true }, protection: { locked: true } };

/**
 * Column widths, visibility and styles, then the header row. The frozen header is a view option
 * given when the sheet is created (see `frozenHeader`).
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

/** Options of a new worksheet whose header row stays in view; fresh each time, exceljs keeps the array. */
export const frozenHeader = (): Partial<AddWorksheetOptions> => ({
  views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
});

/**
 * Text goes in as a one-run rich text: exceljs then writes an explicit inline string (its plain
 * strings become `t="str"`, the type of a formula's result), escaped as OOXML wants it.
 */
export const textValue = (text: string): { richText: Array<{ text: string }> } => ({
  richText: [{ text: escapeText(text) }],
});

/**
 * The style objects of a sheet's cells, built once per sheet: exceljs recognises a style object
 * it has seen by identity, so sharing them keeps a large sheet from re-serialising every style.
 */
export interface CellStyles {
  plain: Partial<Style>[];
  highlighted: Partial<Style>[];
}

export const cellStyles = (specs: readonly ColumnSpec[]): CellStyles => ({
  plain: specs.map(columnStyle),
  highlighted: specs.map((spec) => ({ ...columnStyle(spec), fill: CONFLICT_FILL })),
});

/** Fills one data row. Styles are set per cell: a cell's own style replaces its column's. */
export const fillRow = (
  row: Row,
  specs: readonly ColumnSpec[],
  styles: CellStyles,
  cells: readonly CellValue[],
  highlighted: boolean,
): void => {
  const rowStyles = highlighted ? styles.highlighted : styles.plain;
  specs.forEach((spec, i) => {
    const cell = row.getCell(i + 1);
    const value = cells[i] ?? null;
    cell.value = typeof value === 'string' && isText(spec) ? textValue(value) : value;
    cell.style = rowStyles[i];
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
  const title = s.invalidValueTitle;
  if (spec.kind === 'flag') return list([s.booleans.true, s.booleans.false], s.flagHelp, title);
  if (sheet === 'details' && spec.id === 'chosen') return list(directionWords(locale), s.listHelp, title);
  if (sheet === 'customFields' && spec.id === 'transform') return list(transformWords(locale), s.listHelp, title);
  if (sheet === 'customFields' && spec.id === 'condition') return list(conditionWords(locale), s.listHelp, title);
  if (sheet === 'customFields' && spec.id === 'maxLength') {
    return {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [1],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: title,
      error: s.lengthHelp,
    };
  }
  return undefined;
};

/** Validations over the data rows, the filter over header and data, one range per column. */
export const finish = (
  ws: Worksheet,
  sheet: SheetId,
  specs: readonly ColumnSpec[],
  lastRow: number,
  locale: Locale,
): void => {
  ws.autoFilter = `A1:${columnLetters(specs.length - 1)}${Math.max(lastRow, 1)}`;
  if (lastRow < 2) return;
  specs.forEach((spec, i) => {
    const validation = validationFor(sheet, spec, locale);
    const letters = columnLetters(i);
    if (validation) validationsOf(ws).add(`${letters}2:${letters}${lastRow}`, validation);
  });
};
