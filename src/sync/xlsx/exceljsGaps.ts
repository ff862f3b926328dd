/**
 * What exceljs 4.4 has at run time but its typings leave out, and the work-arounds for its
 * streaming writer. Kept in one place so that an upgrade shows at once what to re-check; each
 * throws rather than silently writing a broken file if the internals it relies on are gone.
 */
import type { DataValidation, Worksheet } from 'exceljs';
import { type EventEmitter, once } from 'node:events';

/** Both the streaming and the in-memory worksheet carry data validations keyed by range. */
export const validationsOf = (ws: Worksheet): { add(range: string, validation: DataValidation): void } => {
  const { dataValidations } = ws as unknown as { dataValidations?: { add(range: string, v: DataValidation): void } };
  if (!dataValidations || typeof dataValidations.add !== 'function') {
    throw new Error('exceljs worksheet has no dataValidations: check the exceljs version');
  }
  return dataValidations;
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

/**
 * The streaming writer hands committed rows to the zip without waiting for it: on a large sheet
 * the XML piles up in memory ahead of the compressor. Waiting until the zip entry's input has
 * drained brings the memory back to a few buffers, whatever the number of rows.
 */
export const zipCaughtUp = async (ws: Worksheet): Promise<void> => {
  const { stream } = ws as unknown as { stream?: { pipes?: unknown[] } };
  if (!stream || !Array.isArray(stream.pipes)) {
    throw new Error('exceljs streaming writer changed: cannot see the zip entry; check the exceljs version');
  }
  for (const pipe of stream.pipes) {
    const state = (pipe as { _writableState?: { needDrain?: unknown } })._writableState;
    if (!state || typeof state.needDrain !== 'boolean') {
      throw new Error('exceljs streaming writer changed: cannot see the zip backlog; check the exceljs version');
    }
    if (state.needDrain) await once(pipe as EventEmitter, 'drain');
  }
};
