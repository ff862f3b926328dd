/**
 * What exceljs 4.4 does at run time but its typings leave out. Kept in one place so that an
 * upgrade shows at once what to re-check.
 */
import type { DataValidation, Worksheet } from 'exceljs';

/** Both the streaming and the in-memory worksheet carry data validations keyed by range. */
export const validationsOf = (ws: Worksheet): { add(range: string, validation: DataValidation): void } => {
  const { dataValidations } = ws as unknown as { dataValidations?: { add(range: string, v: DataValidation): void } };
  if (!dataValidations || typeof dataValidations.add !== 'function') {
    throw new Error('exceljs worksheet has no dataValidations: check the exceljs version');
  }
  return dataValidations;
};

/** The streaming reader knows each worksheet's tab name, but does not declare it. */
export const nameOf = (ws: unknown): string | undefined => {
  const { name } = ws as { name?: unknown };
  return typeof name === 'string' ? name : undefined;
};

interface WriterInternals {
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
}

/**
 * The streaming writer emits `<sheetProtection>` after `<autoFilter>` and `<dataValidations>`,
 * against the schema's element order; Excel then refuses the file (exceljs PR #2685, unmerged).
 * This moves the element right after `</sheetData>`, where the schema wants it.
 */
export const protectionInSchemaOrder = (ws: Worksheet): void => {
  const writer = ws as unknown as Partial<WriterInternals>;
  const closeSheetData = writer._writeCloseSheetData;
  const writeProtection = writer._writeSheetProtection;
  if (typeof closeSheetData !== 'function' || typeof writeProtection !== 'function') {
    throw new Error('exceljs streaming writer changed: cannot place sheet protection; check the exceljs version');
  }
  writer._writeCloseSheetData = function (this: WriterInternals): void {
    closeSheetData.call(this);
    writeProtection.call(this);
  };
  writer._writeSheetProtection = (): void => undefined;
};
