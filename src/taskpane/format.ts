/** Dates and numbers as the reviewer reads them. */
import { type Locale, stringsFor } from '../sheets';

export const formatDate = (iso: string, locale: Locale): string =>
  new Intl.DateTimeFormat(stringsFor(locale).addin.dateLocale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

export const formatCount = (n: number, locale: Locale): string => new Intl.NumberFormat(stringsFor(locale).addin.dateLocale).format(n);
