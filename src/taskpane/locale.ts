/** The pane's language: Office's display language when it is Dutch or English, French otherwise. */
import { DEFAULT_LOCALE, type Locale } from '../sheets';

export const localeOf = (displayLanguage: string | undefined): Locale => {
  const language = (displayLanguage ?? '').toLowerCase().split(/[-_]/)[0];
  return language === 'nl' || language === 'en' ? language : DEFAULT_LOCALE;
};
