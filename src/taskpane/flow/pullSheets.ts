/** A pull as the four review sheets of the sheet model. */
import type { CustomFieldSetting } from '../../contract/customFields';
import type { PendingRow } from '../../contract/pending';
import type { AssociationView } from '../../contract/views';
import { type Locale, type SheetRows, toRows } from '../../sheets';
import type { PullSheet } from '../excel/writePull';

export interface PulledData {
  rows: readonly PendingRow[];
  view: readonly AssociationView[];
  settings: readonly CustomFieldSetting[];
}

export const pullSheets = (data: PulledData, locale: Locale): Record<PullSheet, SheetRows> => ({
  sync: toRows('sync', data.rows, locale),
  details: toRows('details', data.rows, locale),
  associations: toRows('associations', data.view, locale),
  customFields: toRows('customFields', data.settings, locale),
});
