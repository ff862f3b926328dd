/**
 * Contract items → sheet rows. Values from BOB and CRM go out as strings, untouched: the hosts
 * write them as text so that nothing is ever read as a number, a date or a formula.
 */
import type { CustomFieldSetting } from '../contract/customFields';
import type { PendingRow } from '../contract/pending';
import type { AssociationView, IneligibleReason, JournalLine } from '../contract/views';
import type { CellValue } from './cells';
import { columnsOf, header } from './columns';
import { detailKey } from './detailKey';
import type { ColumnId, SheetId } from './ids';
import { directionWord, fieldLabel, rowDirection } from './labels';
import { type Locale, stringsFor } from './strings';

/** What one row of each sheet is made from. Détails takes pending rows and lists their changes. */
export interface SheetItems {
  sync: PendingRow;
  details: PendingRow;
  associations: AssociationView;
  customFields: CustomFieldSetting;
  journal: JournalLine;
}

export interface EncodedRow {
  cells: CellValue[];
  /** The reviewer must look at this row: a conflict in Détails. */
  highlighted: boolean;
}

type Cells<S extends SheetId> = Record<ColumnId<S>, CellValue>;
type Encoded<S extends SheetId> = { cells: Cells<S>; highlighted: boolean };
type Encoder<S extends SheetId> = (item: SheetItems[S], locale: Locale) => Iterable<Encoded<S>>;

/** Why a row is blocked, in the reader's language; rows of older pulls carry only the English text. */
export function blockedWords(row: Pick<PendingRow, 'kind' | 'vat' | 'blocked' | 'blockedReason'>, locale: Locale): string {
  const why = row.blocked;
  if (!why) return row.blockedReason;
  const s = stringsFor(locale);
  if (row.kind === 'duplicate') return s.blocked.duplicate({ vat: row.vat, others: why.others.join(s.listSeparator), more: why.more });
  const reasons = (codes: string[]) => codes.map((c) => s.ineligible[c as IneligibleReason] ?? c).join(s.listSeparator);
  return s.blocked.removed({ bob: reasons(why.bob), crm: reasons(why.crm) });
}

function* syncRow(row: PendingRow, locale: Locale): Iterable<Encoded<'sync'>> {
  const s = stringsFor(locale);
  yield {
    highlighted: false,
    cells: {
      key: row.key,
      version: row.version,
      bobId: row.bobId,
      crmId: row.crmId,
      name: row.name,
      vat: row.vat,
      kind: s.kinds[row.kind],
      direction: directionWord(rowDirection(row), locale),
      fields: row.changes.length,
      conflicts: row.changes.filter((c) => c.status === 'conflict').length,
      blocked: blockedWords(row, locale),
      never: false,
      skip: false,
      reason: '',
      status: null,
      message: null,
    },
  };
}

function* detailRows(row: PendingRow, locale: Locale): Iterable<Encoded<'details'>> {
  const s = stringsFor(locale);
  for (const change of row.changes) {
    yield {
      highlighted: change.status === 'conflict',
      cells: {
        key: detailKey(row.key, change.field),
        bobId: row.bobId,
        crmId: row.crmId,
        name: row.name,
        field: fieldLabel(change.field, locale),
        base: change.base,
        bob: change.bob,
        crm: change.crm,
        state: s.fieldStates[change.status],
        proposed: directionWord(change.proposed, locale),
        chosen: null,
        status: null,
      },
    };
  }
}

function* associationRow(
  view: AssociationView,
  locale: Locale,
): Iterable<Encoded<'associations'>> {
  const s = stringsFor(locale);
  yield {
    highlighted: false,
    cells: {
      key: view.key,
      bobId: view.bobId,
      crmId: view.crmId,
      name: view.name,
      vat: view.vat,
      state: s.associationStates[view.state],
      bobIneligible: view.bobIneligible.map((r) => s.ineligible[r]).join(s.listSeparator),
      crmIneligible: view.crmIneligible.map((r) => s.ineligible[r]).join(s.listSeparator),
      never: view.never,
      reason: view.neverReason,
      by: view.neverBy,
      at: view.neverAt,
      lastSync: view.lastSyncAt,
    },
  };
}

function* customFieldRow(
  setting: CustomFieldSetting,
  locale: Locale,
): Iterable<Encoded<'customFields'>> {
  const s = stringsFor(locale);
  yield {
    highlighted: false,
    cells: {
      key: setting.bobField,
      bobField: setting.bobField,
      crmField: setting.crmField,
      type: s.customFieldTypes[setting.type],
      selected: setting.selected,
      maxLength: setting.maxLength,
      transform: s.transforms[setting.transform],
      condition: s.conditions[setting.condition],
      value: setting.conditionValue,
    },
  };
}

function* journalRow(line: JournalLine, locale: Locale): Iterable<Encoded<'journal'>> {
  const s = stringsFor(locale);
  yield {
    highlighted: false,
    cells: {
      run: line.runId,
      at: line.at,
      user: line.user,
      backup: line.backupId,
      key: line.key,
      bobId: line.bobId,
      crmId: line.crmId,
      field: fieldLabel(line.field, locale),
      before: line.before,
      after: line.after,
      direction: directionWord(line.direction, locale),
      status: s.statuses[line.status],
      message: line.message,
    },
  };
}

const ENCODERS: { [S in SheetId]: Encoder<S> } = {
  sync: syncRow,
  details: detailRows,
  associations: associationRow,
  customFields: customFieldRow,
  journal: journalRow,
};

/**
 * The rows of a sheet one at a time, in column order: the xlsx writer streams them so that a
 * large dossier never sits in memory twice.
 */
export function* encodeRows<S extends SheetId>(
  sheet: S,
  items: Iterable<SheetItems[S]>,
  locale: Locale,
): Generator<EncodedRow> {
  const encode: Encoder<S> = ENCODERS[sheet];
  const ids = columnsOf(sheet).map((c) => c.id);
  for (const item of items) {
    for (const row of encode(item, locale)) {
      yield { cells: ids.map((id) => row.cells[id]), highlighted: row.highlighted };
    }
  }
}

export interface SheetRows {
  header: string[];
  rows: CellValue[][];
  /** Aligned with `rows`. */
  highlighted: boolean[];
}

export const toRows = <S extends SheetId>(sheet: S, items: Iterable<SheetItems[S]>, locale: Locale): SheetRows => {
  const rows: CellValue[][] = [];
  const highlighted: boolean[] = [];
  for (const row of encodeRows(sheet, items, locale)) {
    rows.push(row.cells);
    highlighted.push(row.highlighted);
  }
  return { header: header(sheet, locale), rows, highlighted };
};
