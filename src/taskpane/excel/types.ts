/**
 * The few Excel objects the adapter uses, declared as the adapter needs them. Office.js's own
 * objects satisfy these interfaces (checked at compile time in officeTypes.ts), and so does the
 * typed fake the tests use, which records every sync. Nothing here needs Office.js loaded, so the
 * adapter also runs in Node under the fake (tests, benchmarks).
 *
 * Properties whose Office.js type is an enum are typed `string`: Office.js accepts the enum's
 * string values, which is what the adapter passes.
 */

/** What the host supports beyond the ExcelApi 1.9 floor, detected at run time. */
export interface Features {
  /** ExcelApi 1.18: Boolean cells shown as checkboxes. */
  checkboxes: boolean;
}

/** Where Excel work runs: Office.js in the task pane (host.ts), the fake in tests. */
export interface ExcelHost {
  /** One batch of Excel work: every object it creates is valid until it resolves. */
  run<T>(work: (ctx: ExcelContext) => Promise<T>): Promise<T>;
  features: Features;
  /** Office's display language, e.g. `nl-BE`. */
  displayLanguage: string;
}

export interface Loadable {
  load(propertyNames: string): unknown;
}

export interface ExcelContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly runtime: Runtime;
  sync(): Promise<void>;
}

export interface Application {
  /** Until the next sync (ExcelApi 1.6): a chunk of values does not recalculate the workbook. */
  suspendApiCalculationUntilNextSync(): void;
  /** Until the next sync (ExcelApi 1.9); not to be called in a loop (the window flickers). */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface Runtime extends Loadable {
  /** ExcelApi 1.8: off while sheets are written, so other add-ins' handlers do not run per chunk. */
  enableEvents: boolean;
}

export interface Workbook {
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
}

export interface WorksheetCollection extends Loadable {
  readonly items: Worksheet[];
  /** By name or by id (a renamed sheet keeps its id). */
  getItemOrNullObject(key: string): Worksheet;
  add(name?: string): Worksheet;
}

export interface Worksheet extends Loadable {
  readonly id: string;
  name: string;
  position: number;
  readonly isNullObject: boolean;
  readonly protection: WorksheetProtection;
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly autoFilter: { apply(range: Range | string): void; remove(): void };
  getRange(address?: string): Range;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  activate(): void;
  delete(): void;
}

export interface ProtectionOptions {
  allowAutoFilter?: boolean;
  allowSort?: boolean;
  allowFormatColumns?: boolean;
  selectionMode?: string;
}

export interface WorksheetProtection extends Loadable {
  readonly protected: boolean;
  protect(options?: ProtectionOptions): void;
  unprotect(): void;
}

export interface Range extends Loadable {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Strings, numbers and Booleans; an empty string empties a cell (a null would leave it as it was). */
  values: Array<Array<string | number | boolean>>;
  /** A single format code applies to every cell of the range. */
  numberFormat: unknown;
  columnHidden: boolean;
  /** ExcelApi 1.18: `{ type: 'Checkbox' }` shows the Booleans of the range as checkboxes. */
  control: { type: string };
  readonly format: RangeFormat;
  readonly dataValidation: DataValidation;
  readonly conditionalFormats: { add(type: 'Custom'): ConditionalFormat };
  getSpecialCellsOrNullObject(cellType: 'Formulas'): RangeAreas;
  clear(applyTo?: 'Contents'): void;
  select(): void;
}

export interface RangeFormat {
  columnWidth: number;
  horizontalAlignment: string;
  readonly font: { bold: boolean };
  readonly protection: { locked: boolean };
}

export interface DataValidation {
  rule: {
    list?: { inCellDropDown: boolean; source: string | Range };
    wholeNumber?: { formula1: string | number | Range; operator: string };
  };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
}

export interface ConditionalFormat {
  readonly custom: { readonly rule: { formula: string }; readonly format: { readonly fill: { color: string } } };
}

export interface RangeAreas extends Loadable {
  readonly isNullObject: boolean;
  /** Sheet-qualified areas separated by commas: `'Champs personnalisés'!B4:B6,Détails!C9`. */
  readonly address: string;
}

export interface SettingCollection {
  add(key: string, value: string): unknown;
  getItemOrNullObject(key: string): Setting;
}

export interface Setting extends Loadable {
  readonly isNullObject: boolean;
  readonly value: unknown;
}
