/** « Appliqué : 27 · Jamais : 2 »: how many rows got each status. */
import type { RowStatus } from '../../contract/pending';
import { type Locale, stringsFor } from '../../sheets';
import { formatCount } from '../format';

export const statusCounts = (counts: Partial<Record<RowStatus, number>>, locale: Locale): string => {
  const s = stringsFor(locale);
  return (Object.entries(counts) as Array<[RowStatus, number]>)
    .map(([status, n]) => s.addin.countOf({ label: s.statuses[status], count: formatCount(n, locale) }))
    .join(' · ');
};
