/**
 * Reading a sheet back in chunks: a response is capped at 5 MB on the web and a range read past
 * 5 million cells can come back `null`, so rows are read in blocks sized from what the previous
 * blocks weighed. Formula cells are found by Excel itself and read as empty: their result is
 * never trusted as a decision.
 */
import { type CellValue, estimateRowBytes } from '../../sheets';
import { type Area, cellsOf, parseAreas } from './addresses';
import type { ExcelContext, Worksheet } from './types';

/** Formula cells reported at most, per sheet. */
const FORMULA_CELLS_SHOWN = 1000;
/** Bytes a cell is assumed to weigh before the first block tells better. */
const FIRST_GUESS_PER_CELL = 32;
/** Rows ahead may weigh a little more than those read so far. */
const MARGIN = 0.98;

export interface ReadOptions {
  budget: number;
  yieldToUi: () => Promise<void>;
}

export interface SheetValues {
  /** Header row first, from cell A1; every row as wide as the used range. */
  values: CellValue[][];
  /** A1 addresses of formula cells (at most FORMULA_CELLS_SHOWN), which read as empty. */
  formulas: string[];
  /** How many formula cells there are in all. */
  formulaCount: number;
  /** Syncs spent reading values. */
  chunks: number;
}

/** The areas of an address that lie on `sheet` (an address without a sheet is on it). */
const areasOn = (address: string, sheet: string): Area[] =>
  parseAreas(address).filter((area) => area.sheet === '' || area.sheet === sheet);

export const readSheetValues = async (ctx: ExcelContext, ws: Worksheet, options: ReadOptions): Promise<SheetValues> => {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
  ws.load('name');
  await ctx.sync();
  if (used.isNullObject) return { values: [], formulas: [], formulaCount: 0, chunks: 0 };

  const rowCount = used.rowIndex + used.rowCount;
  const width = used.columnIndex + used.columnCount;
  const special = used.getSpecialCellsOrNullObject('Formulas');
  special.load('isNullObject,address');

  const values: CellValue[][] = [];
  let bytes = 0;
  let chunks = 0;
  let size = Math.max(1, Math.min(rowCount, Math.floor(options.budget / (width * FIRST_GUESS_PER_CELL))));
  while (values.length < rowCount) {
    const start = values.length;
    const range = ws.getRangeByIndexes(start, 0, Math.min(size, rowCount - start), width);
    range.load('values');
    await ctx.sync();
    chunks += 1;
    for (const row of range.values) {
      bytes += estimateRowBytes(row);
      values.push(row);
    }
    size = Math.max(1, Math.floor((options.budget * MARGIN) / (bytes / values.length)));
    await options.yieldToUi();
  }

  const found = special.isNullObject ? { cells: [], total: 0 } : cellsOf(areasOn(special.address, ws.name), FORMULA_CELLS_SHOWN);
  for (const cell of found.cells) values[cell.row][cell.col] = null;
  return { values, formulas: found.cells.map((c) => c.address), formulaCount: found.total, chunks };
};

/** A block of cells: rows and columns 0-based, counts positive. */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Formula cells of a sheet (or of one block of it), checked right after writing: text from BOB
 * or CRM must never have become a formula. Two syncs; the second only when there are values.
 */
export const formulaAreas = async (ctx: ExcelContext, ws: Worksheet, block?: Block): Promise<Area[]> => {
  const range = block
    ? ws.getRangeByIndexes(block.row, block.column, block.rows, block.columns)
    : ws.getUsedRangeOrNullObject(true);
  range.load('isNullObject');
  ws.load('name');
  await ctx.sync();
  if (range.isNullObject) return [];
  const special = range.getSpecialCellsOrNullObject('Formulas');
  special.load('isNullObject,address');
  await ctx.sync();
  return special.isNullObject ? [] : areasOn(special.address, ws.name);
};
