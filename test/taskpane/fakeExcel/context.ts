/**
 * The add-in side of the fake Excel: proxy objects typed by the adapter's interfaces that, like
 * Office.js's, queue what is set and loaded until `sync()`, then apply it to the FakeWorkbook in
 * order. Reading a property that was not loaded throws, as in Office.js. Each sync is recorded
 * with its estimated request and response sizes, and refused over the 5 MB of Excel on the web.
 */
import { parseAreas } from '../../../src/taskpane/excel/addresses';
import type * as X from '../../../src/taskpane/excel/types';
import { a1, type CellValue } from '../../../src/sheets';
import { contains, FakeOfficeError, type FakeSheet, type FakeWorkbook, PAYLOAD_LIMIT, type Rect, type SyncRecord } from './workbook';

/** What a call costs in a request besides its arguments (object path, action id, property name). */
const CALL_BYTES = 100;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * Office.js sends an array of more than 1,500 cells as one action per 1,500 (each with the
 * ranges that address it); the host's own figures, kept apart from the adapter's estimate.
 */
const splitActions = (cells: number): number => (cells > 1500 ? Math.ceil(cells / 1500) * 400 : 0);

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

interface Op {
  kind: string;
  sheet?: () => string | undefined;
  bytes: number;
  cells: number;
  /** Applies the call to the workbook; returns the size of what it sends back. */
  apply(): number;
}

class Loaded {
  protected readonly loaded = new Map<string, unknown>();

  protected get<T>(property: string): T {
    if (!this.loaded.has(property)) throw new FakeOfficeError('PropertyNotLoaded', `${property} was not loaded and synced`);
    return this.loaded.get(property) as T;
  }

  protected keep(property: string, value: unknown): number {
    this.loaded.set(property, value);
    return jsonBytes(value ?? null);
  }
}

const names = (propertyNames: string): string[] => propertyNames.split(',').map((p) => p.trim()).filter(Boolean);

export class FakeContext implements X.ExcelContext {
  readonly workbook: X.Workbook;
  readonly application: X.Application;
  readonly runtime: FakeRuntime;
  private queue: Op[] = [];

  constructor(readonly host: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(this), settings: new FakeSettings(this) };
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.enqueue({ kind: 'suspendCalculation', bytes: CALL_BYTES, cells: 0, apply: () => 0 }),
      suspendScreenUpdatingUntilNextSync: () => this.enqueue({ kind: 'suspendScreenUpdating', bytes: CALL_BYTES, cells: 0, apply: () => 0 }),
    };
    this.runtime = new FakeRuntime(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    const record: SyncRecord = {
      requestBytes,
      responseBytes: 0,
      ops: ops.map((op) => ({ kind: op.kind, sheet: op.sheet?.(), cells: op.cells, bytes: op.bytes })),
      cellsWritten: ops.filter((op) => op.kind === 'values').reduce((n, op) => n + op.cells, 0),
    };
    this.host.syncs.push(record);
    // A round trip: the caller's code after `await sync()` runs later, as with a real host.
    await Promise.resolve();
    if (requestBytes > PAYLOAD_LIMIT) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    }
    for (const op of ops) record.responseBytes += op.apply();
    if (record.responseBytes > PAYLOAD_LIMIT) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${record.responseBytes} bytes`);
    }
  }
}

class FakeRuntime extends Loaded implements X.Runtime {
  constructor(private readonly ctx: FakeContext) {
    super();
  }

  get enableEvents(): boolean {
    return this.get('enableEvents');
  }

  set enableEvents(on: boolean) {
    this.ctx.enqueue({ kind: 'enableEvents', bytes: CALL_BYTES, cells: 0, apply: () => ((this.ctx.host.enableEvents = on), 0) });
  }

  load(propertyNames: string): this {
    this.ctx.enqueue({
      kind: 'load',
      bytes: CALL_BYTES,
      cells: 0,
      apply: () => names(propertyNames).reduce((n, p) => n + (p === 'enableEvents' ? this.keep(p, this.ctx.host.enableEvents) : 0), 0),
    });
    return this;
  }
}

class FakeWorksheets extends Loaded implements X.WorksheetCollection {
  constructor(private readonly ctx: FakeContext) {
    super();
  }

  get items(): X.Worksheet[] {
    return this.get('items');
  }

  getItemOrNullObject(key: string): X.Worksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.host.find(key) ?? null);
  }

  add(name?: string): X.Worksheet {
    const host = this.ctx.host;
    return new FakeWorksheet(this.ctx, () => host.addSheet(name ?? `Feuil${host.sheets.length + 1}`));
  }

  load(propertyNames: string): this {
    const wanted = names(propertyNames).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue({
      kind: 'load',
      bytes: CALL_BYTES,
      cells: 0,
      apply: () => {
        const items = this.ctx.host.sheets.map((sheet) => FakeWorksheet.bound(this.ctx, sheet, wanted));
        this.loaded.set('items', items);
        return items.length * jsonBytes(wanted);
      },
    });
    return this;
  }
}

export class FakeWorksheet extends Loaded implements X.Worksheet {
  private target: FakeSheet | null | undefined;
  readonly protection: X.WorksheetProtection;
  readonly freezePanes: X.Worksheet['freezePanes'];
  readonly autoFilter: X.Worksheet['autoFilter'];

  constructor(
    readonly ctx: FakeContext,
    resolve: (() => FakeSheet | null) | null,
  ) {
    super();
    if (resolve) {
      ctx.enqueue({
        kind: 'getSheet',
        bytes: CALL_BYTES,
        cells: 0,
        apply: () => {
          this.target = resolve();
          return this.keep('isNullObject', this.target === null);
        },
      });
    }
    this.protection = new FakeProtection(this);
    this.freezePanes = { freezeRows: (count = 1) => this.op('freezeRows', (s) => (s.frozenRows = count)) };
    this.autoFilter = {
      apply: (range) => this.op('autoFilter', (s) => (s.autoFilter = (range as FakeRange).rect())),
      remove: () => this.op('autoFilterRemove', (s) => (s.autoFilter = null)),
    };
  }

  /** A proxy already bound to its sheet, as `items` of a loaded collection are. */
  static bound(ctx: FakeContext, sheet: FakeSheet, properties: string[]): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, null);
    ws.target = sheet;
    ws.loaded.set('isNullObject', false);
    for (const p of properties) ws.capture(p);
    return ws;
  }

  sheet(): FakeSheet {
    if (!this.target) throw new FakeOfficeError('InvalidObjectPath', 'the worksheet does not exist');
    return this.target;
  }

  sheetName(): string | undefined {
    return this.target?.name;
  }

  op(kind: string, apply: (sheet: FakeSheet) => void, bytes = CALL_BYTES): void {
    this.ctx.enqueue({ kind, sheet: () => this.sheetName(), bytes, cells: 0, apply: () => (apply(this.sheet()), 0) });
  }

  private capture(property: string): number {
    const sheet = this.sheet();
    if (property === 'id') return this.keep('id', sheet.id);
    if (property === 'name') return this.keep('name', sheet.name);
    if (property === 'position') return this.keep('position', sheet.position);
    if (property === 'isNullObject') return 0;
    throw new FakeOfficeError('InvalidArgument', `the fake does not load Worksheet.${property}`);
  }

  get id(): string {
    return this.get('id');
  }

  get name(): string {
    return this.get('name');
  }

  set name(name: string) {
    this.op('rename', (s) => {
      const other = this.ctx.host.find(name);
      if (other && other !== s) throw new FakeOfficeError('InvalidArgument', `a sheet is already named ${name}`);
      s.name = name;
    });
  }

  get position(): number {
    return this.get('position');
  }

  set position(position: number) {
    this.op('move', (s) => this.ctx.host.moveSheet(s, position));
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }

  load(propertyNames: string): this {
    this.ctx.enqueue({
      kind: 'load',
      bytes: CALL_BYTES,
      cells: 0,
      apply: () => (this.target === null ? 0 : names(propertyNames).reduce((n, p) => n + this.capture(p), 0)),
    });
    return this;
  }

  getRange(address?: string): X.Range {
    if (address === undefined) return new FakeRange(this, { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS });
    const [area] = parseAreas(address);
    return new FakeRange(this, { top: area.top, left: area.left, rows: area.bottom - area.top + 1, columns: area.right - area.left + 1 });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): X.Range {
    if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument', `range of ${rowCount} × ${columnCount} cells`);
    return new FakeRange(this, { top: startRow, left: startColumn, rows: rowCount, columns: columnCount });
  }

  getUsedRangeOrNullObject(): X.Range {
    return new FakeRange(this, () => this.sheet().usedRect());
  }

  activate(): void {
    this.op('activate', (s) => (this.ctx.host.activeSheet = s.id));
  }

  delete(): void {
    this.op('delete', (s) => this.ctx.host.deleteSheet(s));
  }
}

class FakeProtection extends Loaded implements X.WorksheetProtection {
  constructor(private readonly ws: FakeWorksheet) {
    super();
  }

  get protected(): boolean {
    return this.get('protected');
  }

  load(): this {
    this.ws.ctx.enqueue({ kind: 'load', bytes: CALL_BYTES, cells: 0, apply: () => this.keep('protected', this.ws.sheet().protected) });
    return this;
  }

  /** Throws when the sheet is protected already, as Excel has done since a 2026 regression. */
  protect(options?: X.ProtectionOptions): void {
    this.ws.op('protect', (s) => {
      if (s.protected) throw new FakeOfficeError('InvalidOperation', `${s.name} is already protected`);
      s.protected = true;
      s.protectionOptions = options ?? null;
    });
  }

  unprotect(): void {
    this.ws.op('unprotect', (s) => {
      if (!s.protected) throw new FakeOfficeError('InvalidOperation', `${s.name} is not protected`);
      s.protected = false;
    });
  }
}

/** Quotes a sheet name in an address as Excel does when it holds anything but letters and digits. */
const qualified = (sheet: string, address: string): string =>
  /^[\p{L}\d_]+$/u.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;

const rectAddress = (rect: Rect): string => {
  const from = a1(rect.left, rect.top);
  return rect.rows === 1 && rect.columns === 1 ? from : `${from}:${a1(rect.left + rect.columns - 1, rect.top + rect.rows - 1)}`;
};

export class FakeRange extends Loaded implements X.Range {
  private resolved: Rect | null | undefined;
  readonly format: X.RangeFormat;
  readonly dataValidation: X.DataValidation;
  readonly conditionalFormats: X.Range['conditionalFormats'];

  constructor(
    private readonly ws: FakeWorksheet,
    rect: Rect | (() => Rect | null),
  ) {
    super();
    if (typeof rect === 'function') {
      ws.ctx.enqueue({
        kind: 'getRange',
        bytes: CALL_BYTES,
        cells: 0,
        apply: () => {
          this.resolved = rect();
          return this.keep('isNullObject', this.resolved === null);
        },
      });
    } else {
      this.resolved = rect;
      this.loaded.set('isNullObject', false);
    }
    this.format = this.makeFormat();
    this.dataValidation = this.makeValidation();
    this.conditionalFormats = { add: () => this.addConditionalFormat() };
  }

  rect(): Rect {
    if (!this.resolved) throw new FakeOfficeError('InvalidObjectPath', 'the range does not exist');
    return this.resolved;
  }

  /** A change of cells: refused on locked cells of a protected sheet, as Excel refuses it. */
  private change(kind: string, apply: (sheet: FakeSheet, rect: Rect) => void, bytes = CALL_BYTES, cells = 0): void {
    this.ws.ctx.enqueue({
      kind,
      sheet: () => this.ws.sheetName(),
      bytes,
      cells,
      apply: () => {
        const sheet = this.ws.sheet();
        const rect = this.rect();
        if (sheet.protected) this.refuseLocked(sheet, rect, kind);
        apply(sheet, rect);
        return 0;
      },
    });
  }

  private refuseLocked(sheet: FakeSheet, rect: Rect, kind: string): void {
    const formatting = kind !== 'values' && kind !== 'clear' && kind !== 'select';
    if (kind === 'select') return;
    for (let c = rect.left; c < rect.left + rect.columns; c++) {
      const uniform = sheet.locked.uniform(c, rect.top, rect.rows);
      if (formatting || uniform === true || (uniform === undefined && this.anyLocked(sheet, rect, c))) {
        throw new FakeOfficeError('AccessDenied', `${kind} on protected ${sheet.name}`);
      }
    }
  }

  private anyLocked(sheet: FakeSheet, rect: Rect, col: number): boolean {
    for (let r = rect.top; r < rect.top + rect.rows; r++) if (sheet.locked.at(r, col)) return true;
    return false;
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }

  get address(): string {
    return this.get('address');
  }

  get rowIndex(): number {
    return this.get('rowIndex');
  }

  get columnIndex(): number {
    return this.get('columnIndex');
  }

  get rowCount(): number {
    return this.get('rowCount');
  }

  get columnCount(): number {
    return this.get('columnCount');
  }

  get values(): Array<Array<string | number | boolean>> {
    return this.get('values');
  }

  set values(values: Array<Array<string | number | boolean>>) {
    if (!Array.isArray(values)) throw new FakeOfficeError('InvalidArgument', 'values must be a 2-D array');
    const cells = values.reduce((n, row) => n + row.length, 0);
    this.change(
      'values',
      (sheet, rect) => {
        if (values.length !== rect.rows || values.some((row) => row.length !== rect.columns)) {
          throw new FakeOfficeError('InvalidArgument', `values of ${values.length} rows for a range of ${rect.rows} × ${rect.columns}`);
        }
        for (let c = 0; c < rect.columns; c++) {
          const col = rect.left + c;
          const format = sheet.numberFormat.uniform(col, rect.top, rect.rows);
          for (let r = 0; r < rect.rows; r++) {
            const row = rect.top + r;
            sheet.put(row, col, values[r][c] as CellValue, format ?? sheet.numberFormat.at(row, col));
          }
        }
      },
      jsonBytes(values) + CALL_BYTES + splitActions(cells),
      cells,
    );
  }

  get numberFormat(): unknown {
    return this.get('numberFormat');
  }

  set numberFormat(format: unknown) {
    this.change(
      'numberFormat',
      (sheet, rect) => {
        if (typeof format === 'string') sheet.numberFormat.add(rect, format);
        else {
          (format as string[][]).forEach((row, r) =>
            row.forEach((f, c) => sheet.numberFormat.add({ top: rect.top + r, left: rect.left + c, rows: 1, columns: 1 }, f)),
          );
        }
      },
      jsonBytes(format) + CALL_BYTES,
    );
  }

  get columnHidden(): boolean {
    return this.get('columnHidden');
  }

  set columnHidden(hidden: boolean) {
    this.change('columnHidden', (sheet, rect) => {
      for (let c = rect.left; c < rect.left + rect.columns; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  get control(): { type: string } {
    return this.get('control');
  }

  set control(control: { type: string }) {
    this.change('control', (sheet, rect) => sheet.controls.add(rect, control.type));
  }

  private makeFormat(): X.RangeFormat {
    const change = (kind: string, apply: (sheet: FakeSheet, rect: Rect) => void) => this.change(kind, apply);
    return {
      set columnWidth(points: number) {
        change('columnWidth', (sheet, rect) => {
          for (let c = rect.left; c < rect.left + rect.columns; c++) sheet.widths.set(c, points);
        });
      },
      get columnWidth(): number {
        throw new FakeOfficeError('PropertyNotLoaded', 'format.columnWidth');
      },
      set horizontalAlignment(alignment: string) {
        change('alignment', (sheet, rect) => sheet.alignment.add(rect, alignment));
      },
      get horizontalAlignment(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'format.horizontalAlignment');
      },
      font: {
        set bold(bold: boolean) {
          change('bold', (sheet, rect) => sheet.bold.add(rect, bold));
        },
        get bold(): boolean {
          throw new FakeOfficeError('PropertyNotLoaded', 'format.font.bold');
        },
      },
      protection: {
        set locked(locked: boolean) {
          change('locked', (sheet, rect) => sheet.locked.add(rect, locked));
        },
        get locked(): boolean {
          throw new FakeOfficeError('PropertyNotLoaded', 'format.protection.locked');
        },
      },
    };
  }

  private makeValidation(): X.DataValidation {
    let record: { rule: unknown; errorAlert: unknown } | undefined;
    const change = (kind: string, apply: (sheet: FakeSheet, rect: Rect) => void, bytes: number) => this.change(kind, apply, bytes);
    const ensure = (sheet: FakeSheet, rect: Rect) => {
      if (!record) {
        record = { rule: null, errorAlert: null };
        sheet.validations.push({ rect, ...record });
      }
      return sheet.validations[sheet.validations.length - 1];
    };
    return {
      set rule(rule: X.DataValidation['rule']) {
        change('validation', (sheet, rect) => (ensure(sheet, rect).rule = rule), jsonBytes(rule) + CALL_BYTES);
      },
      get rule(): X.DataValidation['rule'] {
        throw new FakeOfficeError('PropertyNotLoaded', 'dataValidation.rule');
      },
      set errorAlert(alert: X.DataValidation['errorAlert']) {
        change('validationAlert', (sheet, rect) => (ensure(sheet, rect).errorAlert = alert), jsonBytes(alert) + CALL_BYTES);
      },
      get errorAlert(): X.DataValidation['errorAlert'] {
        throw new FakeOfficeError('PropertyNotLoaded', 'dataValidation.errorAlert');
      },
    };
  }

  private addConditionalFormat(): X.ConditionalFormat {
    const record = { rect: { top: 0, left: 0, rows: 0, columns: 0 }, formula: '', fill: '' };
    this.change('conditionalFormat', (sheet, rect) => {
      record.rect = rect;
      sheet.conditionalFormats.push(record);
    });
    const change = (kind: string, apply: () => void) => this.change(kind, apply);
    return {
      custom: {
        rule: {
          set formula(formula: string) {
            change('conditionalFormula', () => (record.formula = formula));
          },
          get formula(): string {
            return record.formula;
          },
        },
        format: {
          fill: {
            set color(color: string) {
              change('conditionalFill', () => (record.fill = color));
            },
            get color(): string {
              return record.fill;
            },
          },
        },
      },
    };
  }

  getSpecialCellsOrNullObject(): X.RangeAreas {
    return new FakeRangeAreas(this.ws.ctx, () => {
      const sheet = this.ws.sheet();
      const rect = this.rect();
      const cells = [...sheet.formulas.keys()]
        .map((key) => key.split(':').map(Number))
        .filter(([r, c]) => contains(rect, r, c))
        .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      return cells.length === 0 ? null : cells.map(([r, c]) => qualified(sheet.name, a1(c, r))).join(',');
    });
  }

  clear(): void {
    this.change('clear', (sheet, rect) => sheet.clear(rect));
  }

  select(): void {
    this.change('select', (sheet, rect) => (this.ws.ctx.host.selection = { sheet: sheet.name, address: rectAddress(rect) }));
  }

  load(propertyNames: string): this {
    this.ws.ctx.enqueue({
      kind: 'load',
      sheet: () => this.ws.sheetName(),
      bytes: CALL_BYTES,
      cells: 0,
      apply: () => {
        if (this.resolved === null) return 0;
        const sheet = this.ws.sheet();
        const rect = this.rect();
        return names(propertyNames).reduce((n, p) => n + this.capture(p, sheet, rect), 0);
      },
    });
    return this;
  }

  private capture(property: string, sheet: FakeSheet, rect: Rect): number {
    switch (property) {
      case 'isNullObject':
        return 0;
      case 'address':
        return this.keep('address', qualified(sheet.name, rectAddress(rect)));
      case 'rowIndex':
        return this.keep('rowIndex', rect.top);
      case 'columnIndex':
        return this.keep('columnIndex', rect.left);
      case 'rowCount':
        return this.keep('rowCount', rect.rows);
      case 'columnCount':
        return this.keep('columnCount', rect.columns);
      case 'values': {
        if (rect.rows * rect.columns > 5_000_000) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'range of more than 5,000,000 cells');
        const values = Array.from({ length: rect.rows }, (_, r) =>
          Array.from({ length: rect.columns }, (_, c) => {
            const row = rect.top + r;
            const col = rect.left + c;
            // The fake does not calculate: a formula reads as 0, which only the formula check sees through.
            return sheet.formulaAt(row, col) !== undefined ? 0 : (sheet.value(row, col) ?? '');
          }),
        );
        return this.keep('values', values);
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `the fake does not load Range.${property}`);
    }
  }
}

class FakeRangeAreas extends Loaded implements X.RangeAreas {
  private address_: string | null = null;

  constructor(
    private readonly ctx: FakeContext,
    find: () => string | null,
  ) {
    super();
    ctx.enqueue({
      kind: 'getSpecialCells',
      bytes: CALL_BYTES,
      cells: 0,
      apply: () => {
        this.address_ = find();
        return this.keep('isNullObject', this.address_ === null);
      },
    });
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }

  get address(): string {
    return this.get('address');
  }

  load(propertyNames: string): this {
    this.ctx.enqueue({
      kind: 'load',
      bytes: CALL_BYTES,
      cells: 0,
      apply: () => (names(propertyNames).includes('address') && this.address_ !== null ? this.keep('address', this.address_) : 0),
    });
    return this;
  }
}

class FakeSettings implements X.SettingCollection {
  constructor(private readonly ctx: FakeContext) {}

  add(key: string, value: string): unknown {
    this.ctx.enqueue({ kind: 'setting', bytes: jsonBytes([key, value]) + CALL_BYTES, cells: 0, apply: () => (this.ctx.host.settings.set(key, value), 0) });
    return undefined;
  }

  getItemOrNullObject(key: string): X.Setting {
    return new FakeSetting(this.ctx, key);
  }
}

class FakeSetting extends Loaded implements X.Setting {
  constructor(
    private readonly ctx: FakeContext,
    private readonly key: string,
  ) {
    super();
    ctx.enqueue({ kind: 'getSetting', bytes: CALL_BYTES, cells: 0, apply: () => this.keep('isNullObject', !ctx.host.settings.has(key)) });
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }

  get value(): unknown {
    return this.get('value');
  }

  load(): this {
    this.ctx.enqueue({
      kind: 'load',
      bytes: CALL_BYTES,
      cells: 0,
      apply: () => (this.ctx.host.settings.has(this.key) ? this.keep('value', this.ctx.host.settings.get(this.key)) : 0),
    });
    return this;
  }
}

/** An ExcelHost over a fake workbook: each `run` gets a fresh context, flushed at the end as Excel.run does. */
export const fakeHost = (workbook: FakeWorkbook, features: X.Features = { checkboxes: true }, displayLanguage = 'fr-BE'): X.ExcelHost => ({
  run: async (work) => {
    const ctx = new FakeContext(workbook);
    const result = await work(ctx);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  },
  features,
  displayLanguage,
});
