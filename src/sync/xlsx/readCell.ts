/** exceljs cell values → the sheet model's plain values. */
import type { CellValue as ExcelValue } from 'exceljs';
import type { CellValue } from '../../sheets';

/** A formula's cached result is whatever Excel last computed: it is never taken as the reviewer's value. */
export type ReadCell = { formula: false; value: CellValue } | { formula: true };

const plain = (value: CellValue): ReadCell => ({ formula: false, value });

/** Text arrives with its `_xHHHH_` escapes already decoded by exceljs's reader. */
export const readCell = (value: ExcelValue): ReadCell => {
  if (value === null || value === undefined) return plain(null);
  if (typeof value === 'string') return plain(value);
  if (typeof value === 'number' || typeof value === 'boolean') return plain(value);
  if (value instanceof Date) return plain(value.toISOString());
  if ('formula' in value || 'sharedFormula' in value) return { formula: true };
  if ('richText' in value) return plain(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return plain(value.error);
  if ('text' in value) return plain(value.text);
  throw new Error(`unexpected cell value from exceljs: ${JSON.stringify(value)}`);
};
