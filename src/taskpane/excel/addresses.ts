/**
 * Reading the addresses Excel hands back (`'Champs personnalisés'!B4:B6,Détails!$C$9`) into
 * cells, so that each problem names the cell the reviewer must look at.
 */
import { a1 } from '../../sheets';

export interface Area {
  /** Sheet name without its quotes; empty when the address named none. */
  sheet: string;
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

const parseCell = (text: string): { row: number; col: number } => {
  const match = CELL.exec(text.toUpperCase());
  if (!match) throw new Error(`not a cell address: ${text}`);
  return { col: columnIndex(match[1]), row: Number(match[2]) - 1 };
};

/** Splits at the commas that are outside quoted sheet names. */
const splitAreas = (address: string): string[] => {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
};

const parseArea = (text: string): Area => {
  const bang = text.lastIndexOf('!');
  const rawSheet = bang < 0 ? '' : text.slice(0, bang);
  const sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const [from, to = from] = text.slice(bang + 1).split(':');
  const start = parseCell(from);
  const end = parseCell(to);
  return {
    sheet,
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
};

export const parseAreas = (address: string): Area[] => splitAreas(address.trim()).map((part) => parseArea(part.trim()));

/**
 * The cells of some areas, row by row, at most `limit` of them: a column of formulas pasted over
 * a large sheet must not become a million messages.
 */
export const cellsOf = (areas: readonly Area[], limit: number): { cells: Array<{ row: number; col: number; address: string }>; total: number } => {
  const cells: Array<{ row: number; col: number; address: string }> = [];
  let total = 0;
  for (const area of areas) {
    total += (area.bottom - area.top + 1) * (area.right - area.left + 1);
    for (let row = area.top; row <= area.bottom && cells.length < limit; row++) {
      for (let col = area.left; col <= area.right && cells.length < limit; col++) cells.push({ row, col, address: a1(col, row) });
    }
  }
  return { cells, total };
};
