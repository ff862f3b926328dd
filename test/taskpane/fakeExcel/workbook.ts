/**
 * The host side of the fake Excel: a workbook's sheets as Excel would hold them (values,
 * formulas, formats, locks, validations, controls, protection), what every sync sent and
 * received, and the actions a reviewer takes in Excel (typing, pasting, sorting, deleting rows,
 * renaming a tab). Plain TypeScript, so it runs in Node and, bundled, in the e2e browser.
 */
import type { CellValue } from '../../../src/sheets';
import { enterText } from './coerce';

export interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export const contains = (rect: Rect, row: number, col: number): boolean =>
  row >= rect.top && row < rect.top + rect.rows && col >= rect.left && col < rect.left + rect.columns;

interface Layer<T> {
  rect: Rect;
  value: T;
}

/** Properties laid over blocks of cells, the last layer over a cell winning, as Excel applies them. */
class Layers<T> {
  readonly items: Layer<T>[] = [];

  constructor(private readonly fallback: T) {}

  add(rect: Rect, value: T): void {
    this.items.push({ rect, value });
  }

  at(row: number, col: number): T {
    for (let i = this.items.length - 1; i >= 0; i--) {
      if (contains(this.items[i].rect, row, col)) return this.items[i].value;
    }
    return this.fallback;
  }

  /** The value over rows `top` … `top + rows − 1` of a column when one layer covers them all, else undefined. */
  uniform(col: number, top: number, rows: number): T | undefined {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const r = this.items[i].rect;
      const meets = col >= r.left && col < r.left + r.columns && r.top < top + rows && top < r.top + r.rows;
      if (!meets) continue;
      return r.top <= top && top + rows <= r.top + r.rows ? this.items[i].value : undefined;
    }
    return this.fallback;
  }
}

export interface ValidationRecord {
  rect: Rect;
  rule: unknown;
  errorAlert: unknown;
}

export interface ConditionalFormatRecord {
  rect: Rect;
  formula: string;
  fill: string;
}

/** Thrown as Office.js throws: an error with a code. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

export class FakeSheet {
  /** Rows of values; null is an empty cell. Formula cells hold null here and their text in `formulas`. */
  readonly rows: CellValue[][] = [];
  readonly formulas = new Map<string, string>();
  readonly numberFormat = new Layers<string>('General');
  readonly locked = new Layers<boolean>(true);
  readonly bold = new Layers<boolean>(false);
  readonly alignment = new Layers<string>('General');
  readonly controls = new Layers<string>('Empty');
  readonly validations: ValidationRecord[] = [];
  readonly conditionalFormats: ConditionalFormatRecord[] = [];
  readonly hiddenColumns = new Set<number>();
  readonly widths = new Map<number, number>();
  frozenRows = 0;
  autoFilter: Rect | null = null;
  protected = false;
  protectionOptions: unknown = null;

  constructor(
    readonly id: string,
    public name: string,
    public position: number,
  ) {}

  value(row: number, col: number): CellValue {
    return this.rows[row]?.[col] ?? null;
  }

  formulaAt(row: number, col: number): string | undefined {
    return this.formulas.get(`${row}:${col}`);
  }

  /** Stores what Excel makes of `value` in a cell of this format. */
  put(row: number, col: number, value: CellValue, format: string): void {
    const cells = (this.rows[row] ??= []);
    while (cells.length < col) cells.push(null);
    const key = `${row}:${col}`;
    if (typeof value !== 'string') {
      cells[col] = value;
      this.formulas.delete(key);
      return;
    }
    const entered = enterText(value, format);
    if (entered.formula !== undefined) {
      cells[col] = null;
      this.formulas.set(key, entered.formula);
    } else {
      cells[col] = entered.value;
      this.formulas.delete(key);
    }
  }

  clear(rect: Rect): void {
    for (let r = rect.top; r < rect.top + rect.rows; r++) {
      for (let c = rect.left; c < rect.left + rect.columns; c++) {
        if (this.rows[r] && c < this.rows[r].length) this.rows[r][c] = null;
        this.formulas.delete(`${r}:${c}`);
      }
    }
  }

  /** Bounding box of the cells holding a value or a formula, from A1; null when there are none. */
  usedRect(): Rect | null {
    let bottom = -1;
    let right = -1;
    this.rows.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (v !== null && v !== '') {
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }
      });
    });
    for (const key of this.formulas.keys()) {
      const [r, c] = key.split(':').map(Number);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top: 0, left: 0, rows: bottom + 1, columns: right + 1 };
  }

  // --- what a reviewer does in Excel -----------------------------------------------------------

  /** The values as a reviewer sees them, rows of the used range; formula cells show their text. */
  grid(): CellValue[][] {
    const used = this.usedRect();
    if (!used) return [];
    return Array.from({ length: used.rows }, (_, r) =>
      Array.from({ length: used.columns }, (_, c) => this.formulaAt(r, c) ?? this.value(r, c)),
    );
  }

  private refuseLocked(row: number, col: number): void {
    if (this.protected && this.locked.at(row, col)) {
      throw new FakeOfficeError('AccessDenied', `cell ${row}:${col} of ${this.name} is locked`);
    }
  }

  /** Typing text (or ticking a checkbox with a Boolean) into a cell, as Excel takes it. */
  type(row: number, col: number, value: CellValue): void {
    this.refuseLocked(row, col);
    this.put(row, col, value, this.numberFormat.at(row, col));
  }

  /** Pasting values: validations do not apply, and a pasted value keeps its type. */
  paste(row: number, col: number, block: readonly (readonly CellValue[])[]): void {
    block.forEach((cells, r) =>
      cells.forEach((v, c) => {
        this.refuseLocked(row + r, col + c);
        this.put(row + r, col + c, v, this.numberFormat.at(row + r, col + c));
      }),
    );
  }

  /** Pasting a cell that holds a formula: the formula comes with it, whatever the cell's format. */
  pasteFormula(row: number, col: number, formula: string): void {
    this.refuseLocked(row, col);
    this.put(row, col, formula, 'General');
  }

  unprotect(): void {
    this.protected = false;
  }

  /** Sorts the rows under the header by one column, as Data › Sort does (formats stay per column). */
  sortBy(col: number, descending = false): void {
    this.refuseSortIfLocked();
    const body = this.rows.slice(1).map((cells, i) => ({ cells, formulas: this.rowFormulas(i + 1) }));
    body.sort((a, b) => {
      const x = String(a.cells[col] ?? '');
      const y = String(b.cells[col] ?? '');
      return descending ? y.localeCompare(x) : x.localeCompare(y);
    });
    this.rows.splice(1, body.length, ...body.map((b) => b.cells));
    this.formulas.clear();
    body.forEach((b, i) => b.formulas.forEach((f, c) => this.formulas.set(`${i + 1}:${c}`, f)));
  }

  private refuseSortIfLocked(): void {
    if (this.protected) throw new FakeOfficeError('AccessDenied', `${this.name} is protected: unprotect it to sort`);
  }

  private rowFormulas(row: number): Map<number, string> {
    const found = new Map<number, string>();
    for (const [key, f] of this.formulas) {
      const [r, c] = key.split(':').map(Number);
      if (r === row) found.set(c, f);
    }
    return found;
  }

  /** Deletes a whole row; the rows below move up. */
  deleteRow(row: number): void {
    if (this.protected) throw new FakeOfficeError('AccessDenied', `${this.name} is protected`);
    const moved = new Map<string, string>();
    for (const [key, f] of this.formulas) {
      const [r, c] = key.split(':').map(Number);
      if (r < row) moved.set(key, f);
      else if (r > row) moved.set(`${r - 1}:${c}`, f);
    }
    this.formulas.clear();
    moved.forEach((f, key) => this.formulas.set(key, f));
    this.rows.splice(row, 1);
  }
}

export interface OpRecord {
  kind: string;
  sheet?: string;
  /** Cells the operation wrote, for writes of values. */
  cells: number;
  bytes: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: OpRecord[];
  /** Cells written by `values` in this sync. */
  cellsWritten: number;
}

/** Excel on the web refuses a request or a response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, string>();
  readonly syncs: SyncRecord[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  enableEvents = true;
  private nextId = 1;

  constructor(initialSheet = 'Feuil1') {
    this.addSheet(initialSheet);
  }

  addSheet(name: string): FakeSheet {
    if (this.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `a sheet is named ${name}`);
    const sheet = new FakeSheet(`{fake-${this.nextId++}}`, name, this.sheets.length);
    this.sheets.push(sheet);
    return sheet;
  }

  /** By name (case-insensitive, as Excel compares tab names) or id. */
  find(key: string): FakeSheet | undefined {
    const lower = key.toLocaleLowerCase();
    return this.sheets.find((s) => s.id === key || s.name.toLocaleLowerCase() === lower);
  }

  sheet(name: string): FakeSheet {
    const found = this.find(name);
    if (!found) throw new Error(`no sheet ${name} in the fake workbook`);
    return found;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.forEach((s, i) => (s.position = i));
  }

  moveSheet(sheet: FakeSheet, position: number): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(Math.min(position, this.sheets.length), 0, sheet);
    this.sheets.forEach((s, i) => (s.position = i));
  }

  /** Tab renamed by the reviewer. */
  rename(name: string, to: string): void {
    this.sheet(name).name = to;
  }
}
