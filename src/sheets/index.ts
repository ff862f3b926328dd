/** The sheet model, shared by the CLI's xlsx adapter and the task pane. Pure: no I/O. */
export { type CellValue, a1, columnLetters, isBlank } from './cells';
export { type Chunk, estimateRowBytes, planChunks } from './chunks';
export { type ColumnKind, type ColumnSpec, columnsOf, header, sheetName, sheetOfName } from './columns';
export { detailKey, rowKeyOfDetail } from './detailKey';
export { blockedWords, type EncodedRow, type SheetItems, type SheetRows, encodeRows, toRows } from './encode';
export type { ExpectedPull } from './expected';
export { columnOfHeader } from './header';
export { COLUMN_IDS, type ColumnId, SHEET_IDS, type SheetId } from './ids';
export { type RowDirection, directionWord, fieldLabel, rowDirection } from './labels';
export { type AssociationsRead, readAssociations } from './readAssociations';
export { type CustomFieldsRead, readCustomFields } from './readCustomFields';
export { type DecisionsRead, readDecisions } from './readDecisions';
export { type DetailsRead, readDetails } from './readDetails';
export { type SynchronisationRead, readSynchronisation } from './readSynchronisation';
export { type ResultColumn, type ResultColumns, type ResultSheet, SheetLayoutError, withResults } from './results';
export {
  AUDIT_LABELS,
  type AuditLabel,
  DEFAULT_LOCALE,
  FLAG_WORDS,
  LOCALES,
  type Locale,
  type ProblemCode,
  STRINGS,
  type Strings,
  type WorkbookMessages,
  isLocale,
  problemText,
  RUN_PROBLEM_CODES,
  type RunProblemCode,
  stringsFor,
} from './strings';
export {
  conditionWords,
  directionWords,
  parseCondition,
  parseDirection,
  parseFlag,
  parseTransform,
  transformWords,
} from './words';
