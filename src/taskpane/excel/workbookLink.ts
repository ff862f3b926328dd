/**
 * What ties a workbook to the service: the pull its sheets were written from, the dossier, the
 * sheets' language and their ids (a renamed sheet keeps its id). Kept in the workbook's settings,
 * which anyone holding the file can read: opaque ids only, never a token.
 */
import { z } from 'zod';
import { LOCALES, SHEET_IDS, type Locale, type SheetId } from '../../sheets';
import type { ExcelContext } from './types';

const SETTING = 'bobsync';

const LinkSchema = z.object({
  pullId: z.string().min(1),
  dossier: z.string().min(1),
  locale: z.enum(LOCALES),
  sheets: z.partialRecord(z.enum(SHEET_IDS), z.string().min(1)),
  appliedRun: z.string().min(1).optional(),
});

export interface WorkbookLink {
  pullId: string;
  dossier: string;
  locale: Locale;
  sheets: Partial<Record<SheetId, string>>;
  /** The run that applied this pull's decisions: a new pull does not carry them over again. */
  appliedRun?: string;
}

/**
 * The link, or null when the workbook has none. Settings have been seen lost on Mac after a
 * reopen, and anyone may edit them: anything unreadable counts as no link (the pane then asks
 * for a new pull) rather than as an error.
 */
export const readLink = async (ctx: ExcelContext): Promise<WorkbookLink | null> => {
  const setting = ctx.workbook.settings.getItemOrNullObject(SETTING);
  setting.load('value');
  await ctx.sync();
  if (setting.isNullObject || typeof setting.value !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(setting.value);
  } catch {
    return null;
  }
  const parsed = LinkSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/** Queued with the caller's next sync. */
export const writeLink = (ctx: ExcelContext, link: WorkbookLink): void => {
  ctx.workbook.settings.add(SETTING, JSON.stringify(link));
};
