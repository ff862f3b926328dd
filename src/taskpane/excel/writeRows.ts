/**
 * Writing rows in chunks that fit a request. Excel on the web refuses a request over 5 MB and
 * desktop restarts an add-in that does not answer for about 5 s, so values go out in blocks of
 * at most `budget` bytes (estimated by the sheet model), one sync per block, recalculation
 * suspended, and the task pane gets the hand back between blocks.
 */
import { type CellValue, planChunks } from '../../sheets';
import type { ExcelContext, Worksheet } from './types';

/** Well below the 5 MB limit of Excel on the web: the request carries more than the values. */
export const DEFAULT_BUDGET = 1_000_000;
/** Room left in each request for the call itself (range address, property name). */
const CALL_RESERVE = 2_000;

export interface ChunkOptions {
  budget: number;
  /** Called after each sync with the rows written so far. */
  onProgress?: (rowsDone: number) => void;
  /** Gives the task pane the hand between chunks. */
  yieldToUi: () => Promise<void>;
}

/** `setTimeout(0)`: lets the pane repaint and the host see the add-in alive. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type ExcelValue = string | number | boolean;

/** Office.js leaves a cell unchanged where the array holds null: an empty cell is an empty string. */
export const toExcelValues = (rows: readonly (readonly CellValue[])[]): ExcelValue[][] =>
  rows.map((cells) => cells.map((v) => (v === null ? '' : v)));

/**
 * Writes `rows` (all the same width) from row `firstRow` (0-based), column `firstColumn`.
 * Returns the number of syncs it took.
 */
export const writeRows = async (
  ctx: ExcelContext,
  ws: Worksheet,
  firstRow: number,
  firstColumn: number,
  rows: readonly (readonly CellValue[])[],
  options: ChunkOptions,
): Promise<number> => {
  if (rows.length === 0) return 0;
  const values = toExcelValues(rows);
  const width = values[0].length;
  const chunks = planChunks(values, options.budget - CALL_RESERVE);
  for (const chunk of chunks) {
    ctx.application.suspendApiCalculationUntilNextSync();
    ws.getRangeByIndexes(firstRow + chunk.start, firstColumn, chunk.end - chunk.start, width).values = values.slice(chunk.start, chunk.end);
    await ctx.sync();
    options.onProgress?.(chunk.end);
    await options.yieldToUi();
  }
  return chunks.length;
};
