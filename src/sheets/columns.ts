/**
 * Column specs of each sheet: what a column holds, whether the reviewer may edit it, and how it
 * looks. Both hosts (xlsx file, Office.js) lay sheets out from these.
 */
import { COLUMN_IDS, type ColumnId, SHEET_IDS, type SheetId } from './ids';
import { LOCALES, type Locale, STRINGS, stringsFor } from './strings';

/**
 * - text: free text, always written as text (values from BOB/CRM are never interpreted);
 * - flag: a Boolean the reviewer ticks;
 * - number: a number (counts, lengths);
 * - choice: one word of a fixed list;
 * - date: an ISO 8601 timestamp, kept as text.
 */
export type ColumnKind = 'text' | 'flag' | 'number' | 'choice' | 'date';

export interface ColumnSpec<S extends SheetId = SheetId> {
  id: ColumnId<S>;
  header: Record<Locale, string>;
  kind: ColumnKind;
  editable: boolean;
  /** Key and version tie a row to the pull; the reviewer has no use for them. */
  hidden: boolean;
  /** Width in characters, as both Excel APIs take it. */
  width: number;
}

type Look = Pick<ColumnSpec, 'kind' | 'editable' | 'hidden' | 'width'>;

const text = (width: number): Look => ({ kind: 'text', editable: false, hidden: false, width });
const hiddenText: Look = { kind: 'text', editable: false, hidden: true, width: 12 };
const count: Look = { kind: 'number', editable: false, hidden: false, width: 9 };
const date: Look = { kind: 'date', editable: false, hidden: false, width: 20 };
const flag: Look = { kind: 'flag', editable: true, hidden: false, width: 14 };
const editableText = (width: number): Look => ({ kind: 'text', editable: true, hidden: false, width });
const editableChoice = (width: number): Look => ({ kind: 'choice', editable: true, hidden: false, width });

const LOOKS: { [S in SheetId]: Record<ColumnId<S>, Look> } = {
  sync: {
    key: hiddenText,
    version: hiddenText,
    bobId: text(12),
    crmId: text(10),
    name: text(32),
    vat: text(16),
    kind: text(20),
    direction: text(12),
    fields: count,
    conflicts: count,
    blocked: text(30),
    never: flag,
    skip: flag,
    reason: editableText(30),
    status: text(18),
    message: text(40),
  },
  details: {
    key: hiddenText,
    bobId: text(12),
    crmId: text(10),
    name: text(28),
    field: text(18),
    base: text(24),
    bob: text(24),
    crm: text(24),
    state: text(12),
    proposed: text(14),
    chosen: editableChoice(14),
    status: text(18),
  },
  associations: {
    key: hiddenText,
    bobId: text(12),
    crmId: text(10),
    name: text(32),
    vat: text(16),
    state: text(16),
    bobIneligible: text(24),
    crmIneligible: text(24),
    never: flag,
    reason: editableText(30),
    by: text(16),
    at: date,
    lastSync: date,
  },
  customFields: {
    key: hiddenText,
    bobField: text(20),
    crmField: text(20),
    type: text(10),
    selected: flag,
    maxLength: { kind: 'number', editable: true, hidden: false, width: 12 },
    transform: editableChoice(22),
    condition: editableChoice(16),
    value: editableText(20),
  },
  journal: {
    run: text(12),
    at: date,
    user: text(16),
    backup: text(12),
    key: text(16),
    bobId: text(12),
    crmId: text(10),
    field: text(18),
    before: text(24),
    after: text(24),
    direction: text(12),
    status: text(18),
    message: text(40),
  },
};

const headerOf = <S extends SheetId>(sheet: S, id: ColumnId<S>): Record<Locale, string> => ({
  fr: STRINGS.fr.columns[sheet][id],
  nl: STRINGS.nl.columns[sheet][id],
  en: STRINGS.en.columns[sheet][id],
});

const specsOf = <S extends SheetId>(sheet: S): ColumnSpec<S>[] =>
  (COLUMN_IDS[sheet] as readonly ColumnId<S>[]).map((id) => ({
    id,
    header: headerOf(sheet, id),
    ...(LOOKS[sheet] as Record<ColumnId<S>, Look>)[id],
  }));

const SPECS: { [S in SheetId]: ColumnSpec<S>[] } = {
  sync: specsOf('sync'),
  details: specsOf('details'),
  associations: specsOf('associations'),
  customFields: specsOf('customFields'),
  journal: specsOf('journal'),
};

/** The columns of a sheet, in workbook order. */
export const columnsOf = <S extends SheetId>(sheet: S): readonly ColumnSpec<S>[] => SPECS[sheet];

export const sheetName = (sheet: SheetId, locale: Locale): string => stringsFor(locale).sheets[sheet];

export const header = (sheet: SheetId, locale: Locale): string[] => columnsOf(sheet).map((c) => c.header[locale]);

/** How header and sheet names are compared: the reviewer may retype them in any case or spacing. */
export const normaliseLabel = (label: string): string =>
  label.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

const SHEETS_BY_NAME: ReadonlyMap<string, SheetId> = new Map(
  SHEET_IDS.flatMap((sheet) => LOCALES.map((locale) => [normaliseLabel(sheetName(sheet, locale)), sheet] as const)),
);

/** Which sheet a tab name denotes, in any of the three locales. */
export const sheetOfName = (name: string): SheetId | undefined => SHEETS_BY_NAME.get(normaliseLabel(name));
