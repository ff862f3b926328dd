/**
 * Writes the sheets of a pull into the workbook: each sheet of the model is replaced by a fresh
 * one laid out, filled chunk by chunk, checked for formula cells and protected; the Journal is
 * kept (it grows run after run) or created. Events are off while it writes, so that handlers
 * (ours or another add-in's) do not run once per chunk.
 */
import { type Locale, type SheetId, type SheetRows, sheetName, stringsFor } from '../../sheets';
import { cellsOf } from './addresses';
import { locateSheets } from './locateSheets';
import { type Block, formulaAreas } from './readSheet';
import { finishRows, formatRows, layOutHeader, protect } from './sheetLayout';
import type { ExcelContext, Features, Worksheet } from './types';
import type { WorkbookLink } from './workbookLink';
import { writeLink } from './workbookLink';
import { type ChunkOptions, writeRows } from './writeRows';

export const PULL_SHEETS = ['sync', 'details', 'associations', 'customFields'] as const;
export type PullSheet = (typeof PULL_SHEETS)[number];

export interface PullWrite {
  pullId: string;
  dossier: string;
  locale: Locale;
  sheets: Record<PullSheet, SheetRows>;
  /** Where the previous pull's sheets are, so that they are replaced rather than duplicated. */
  previous: Partial<Record<SheetId, string>>;
  features: Features;
}

/** Text that Excel took for a formula despite the Text format: emptied, and reported. */
export class FormulaWrittenError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
    readonly cells: string[],
  ) {
    super(message);
    this.name = 'FormulaWrittenError';
  }
}

/** Runs `write` with events off, then puts them back as they were. */
export const withEventsOff = async <T>(ctx: ExcelContext, write: () => Promise<T>): Promise<T> => {
  ctx.runtime.load('enableEvents');
  await ctx.sync();
  const before = ctx.runtime.enableEvents;
  ctx.runtime.enableEvents = false;
  try {
    return await write();
  } finally {
    ctx.runtime.enableEvents = before;
    await ctx.sync();
  }
};

/**
 * A new sheet under `name` where `old` was (same position), the old one deleted. The old sheet
 * is renamed first so that the name is free; its protection does not stop the deletion.
 */
const replaceSheet = (ctx: ExcelContext, old: Worksheet | undefined, name: string): Worksheet => {
  if (!old) return ctx.workbook.worksheets.add(name);
  const position = old.position;
  old.name = `~${old.id}`.slice(0, 31);
  const fresh = ctx.workbook.worksheets.add(name);
  fresh.position = position;
  old.delete();
  return fresh;
};

/**
 * Lays out and fills one sheet from row 1, then checks that no cell became a formula. Returns
 * the syncs spent on values.
 */
const fillSheet = async (
  ctx: ExcelContext,
  ws: Worksheet,
  sheet: SheetId,
  rows: SheetRows,
  locale: Locale,
  features: Features,
  chunks: ChunkOptions,
): Promise<number> => {
  layOutHeader(ws, sheet, locale);
  formatRows(ws, sheet, 1, rows.rows.length);
  await ctx.sync();
  const syncs = await writeRows(ctx, ws, 1, 0, rows.rows, chunks);
  await refuseFormulas(ctx, ws, locale);
  finishRows(ws, sheet, 1, rows.rows.length, locale, features);
  await protect(ctx, ws);
  return syncs;
};

/**
 * Empties any formula cell of what was just written (the whole sheet, or one block of it: the
 * reviewer's own columns are not ours to judge) and throws with their addresses.
 */
export const refuseFormulas = async (ctx: ExcelContext, ws: Worksheet, locale: Locale, block?: Block): Promise<void> => {
  const areas = await formulaAreas(ctx, ws, block);
  if (areas.length === 0) return;
  for (const area of areas) {
    ws.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1).clear('Contents');
  }
  await ctx.sync();
  const { cells } = cellsOf(areas, 20);
  const message = stringsFor(locale).addin.errors.formulaWritten({ sheet: ws.name, cells: cells.map((c) => c.address).join(', ') });
  throw new FormulaWrittenError(message, ws.name, cells.map((c) => c.address));
};

/**
 * The whole pull. Progress counts rows written over every sheet. Returns the link to store
 * (already queued in the workbook's settings and synced).
 */
export const writePull = async (
  ctx: ExcelContext,
  pull: PullWrite,
  chunks: Omit<ChunkOptions, 'onProgress'> & { onProgress?: (done: number, total: number) => void },
): Promise<WorkbookLink> =>
  withEventsOff(ctx, async () => {
    const { locale } = pull;
    const located = await locateSheets(ctx, [...PULL_SHEETS, 'journal'], pull.previous, locale);
    ctx.application.suspendScreenUpdatingUntilNextSync();
    const total = PULL_SHEETS.reduce((n, sheet) => n + pull.sheets[sheet].rows.length, 0);
    let before = 0;
    const ids: Partial<Record<SheetId, string>> = {};
    for (const sheet of PULL_SHEETS) {
      const ws = replaceSheet(ctx, located.sheets[sheet], sheetName(sheet, locale));
      ws.load('id');
      await fillSheet(ctx, ws, sheet, pull.sheets[sheet], locale, pull.features, {
        ...chunks,
        onProgress: (done) => chunks.onProgress?.(before + done, total),
      });
      before += pull.sheets[sheet].rows.length;
      ids[sheet] = ws.id;
    }
    let journal = located.sheets.journal;
    if (!journal) {
      journal = ctx.workbook.worksheets.add(sheetName('journal', locale));
      await fillSheet(ctx, journal, 'journal', { header: [], rows: [], highlighted: [] }, locale, pull.features, { ...chunks, onProgress: undefined });
    }
    journal.load('id');
    const sync = ctx.workbook.worksheets.getItemOrNullObject(ids.sync!);
    sync.activate();
    await ctx.sync();
    const link: WorkbookLink = { pullId: pull.pullId, dossier: pull.dossier, locale, sheets: { ...ids, journal: journal.id } };
    writeLink(ctx, link);
    await ctx.sync();
    return link;
  });
