/**
 * Writing rows in chunks that fit a request. Excel on the web refuses a request over 5 MB and
 * desktop restarts an add-in that does not answer for about 5 s, so values go out in blocks of
 * at most `budget` bytes (estimated by the sheet model), one sync per block, recalculation
 * suspended, and the task pane gets the hand back between blocks.
 */
import { type CellValue, type Chunk, estimateRowBytes, planChunks } from '../../sheets';
import type { ExcelContext, Worksheet } from './types';

/** Well below the 5 MB limit of Excel on the web: the request carries more than the values. */
export const DEFAULT_BUDGET = 1_000_000;
/** Room left in each request for the call itself (range address, property name). */
const CALL_RESERVE = 2_000;
/**
 * Office.js sends a 2-D array of more than 1,500 cells as one action per 1,500 cells, each with
 * its own range (excel-*.js, setRangePropertiesInBulk): about this many bytes each.
 */
const OFFICE_SPLIT_CELLS = 1_500;
const SPLIT_ACTION_BYTES = 400;
/** Rows sampled to weigh that overhead against the values. */
const SAMPLE = 1_000;

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

/** What the values of one request may weigh once the call and Office.js's split actions are paid for. */
const valuesBudget = (values: readonly (readonly ExcelValue[])[], budget: number): number => {
  const sample = values.slice(0, SAMPLE);
  const rowBytes = sample.reduce((n, row) => n + estimateRowBytes(row), 0) / sample.length;
  const splitBytesPerRow = (SPLIT_ACTION_BYTES * values[0].length) / OFFICE_SPLIT_CELLS;
  return Math.floor((budget - CALL_RESERVE) * (rowBytes / (rowBytes + splitBytesPerRow)));
};

/** The values to send and the chunks they go in, each request under `budget`. */
export const planWrites = (rows: readonly (readonly CellValue[])[], budget: number): { values: ExcelValue[][]; chunks: Chunk[] } => {
  const values = toExcelValues(rows);
  return { values, chunks: values.length === 0 ? [] : planChunks(values, valuesBudget(values, budget)) };
};

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
  const { values, chunks } = planWrites(rows, options.budget);
  const width = values[0].length;
  for (const chunk of chunks) {
    ctx.application.suspendApiCalculationUntilNextSync();
    ws.getRangeByIndexes(firstRow + chunk.start, firstColumn, chunk.end - chunk.start, width).values = values.slice(chunk.start, chunk.end);
    await ctx.sync();
    options.onProgress?.(chunk.end);
    await options.yieldToUi();
  }
  return chunks.length;
};
