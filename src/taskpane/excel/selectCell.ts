/** Shows the reviewer a cell a problem is about: its sheet activated, the cell selected. */
import type { ExcelContext } from './types';

/** `sheet` is a sheet id or name. False when the sheet no longer exists. */
export const selectCell = async (ctx: ExcelContext, sheet: string, address: string): Promise<boolean> => {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load('isNullObject');
  await ctx.sync();
  if (ws.isNullObject) return false;
  ws.activate();
  ws.getRange(address).select();
  await ctx.sync();
  return true;
};
