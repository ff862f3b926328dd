/**
 * The hidden `_bobsync` sheet: which pull and dossier the workbook belongs to, and its language.
 * Anyone with the file can read it, so it holds these opaque ids and never a credential.
 */
import { type CellValue, DEFAULT_LOCALE, type Locale, isLocale, stringsFor } from '../../sheets';
import { WorkbookError } from './workbookError';

export const SETTINGS_SHEET = '_bobsync';

export interface WorkbookSettings {
  pullId: string;
  dossier: string;
  locale: Locale;
}

/** A1 'pullId', B1 its value; A2 'dossier', B2; A3 'locale', B3. */
export const settingsRows = (settings: WorkbookSettings): [string, string][] => [
  ['pullId', settings.pullId],
  ['dossier', settings.dossier],
  ['locale', settings.locale],
];

export const parseSettings = (values: readonly (readonly CellValue[])[] | undefined): WorkbookSettings => {
  const messages = stringsFor(DEFAULT_LOCALE).workbook;
  if (!values) throw new WorkbookError('not_prepared', messages.not_prepared({ sheet: SETTINGS_SHEET }));
  const byName = new Map(values.map((row) => [row[0], row[1]] as const));
  const setting = (name: string): string => {
    const value = byName.get(name);
    if (typeof value !== 'string' || value === '') {
      throw new WorkbookError('setting_missing', messages.setting_missing({ name, sheet: SETTINGS_SHEET }));
    }
    return value;
  };
  const locale = setting('locale');
  if (!isLocale(locale)) throw new WorkbookError('locale_unknown', messages.locale_unknown({ found: locale }));
  return { pullId: setting('pullId'), dossier: setting('dossier'), locale };
};
