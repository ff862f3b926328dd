/**
 * The fake Excel host injected into the e2e browser page before any script runs. The harness
 * page (top frame) holds the workbook, draws its active sheet, and exposes what the test does in
 * "Excel"; the task pane (an iframe on the same origin, as Excel on the web frames it) gets
 * `Office`, `Excel` and `CustomFunctions` objects that work on that workbook.
 */
import { fakeHost } from '../taskpane/fakeExcel/context';
import { FakeWorkbook, type FakeSheet } from '../taskpane/fakeExcel/workbook';
import { a1, columnOfHeader, type CellValue, sheetOfName } from '../../src/sheets';

interface HostSettings {
  displayLanguage: string;
  /** Highest ExcelApi the host claims; checkboxes need 1.18. */
  excelApi: string;
}

interface Shared {
  workbook: FakeWorkbook;
  settings: HostSettings;
  functions: Map<string, (...args: unknown[]) => unknown>;
  render(): void;
}

type Frame = typeof globalThis & { __bobsyncE2E?: Shared; parent: Frame };

const version = (v: string): number[] => v.split('.').map(Number);
const atMost = (wanted: string, offered: string): boolean => {
  const [a, b] = [version(wanted), version(offered)];
  return a[0] < b[0] || (a[0] === b[0] && (a[1] ?? 0) <= (b[1] ?? 0));
};

// --- the pane's side (iframe) -------------------------------------------------------------------

function installOffice(frame: Frame, shared: Shared): void {
  const host = () => fakeHost(shared.workbook, { checkboxes: atMost('1.18', shared.settings.excelApi) }, shared.settings.displayLanguage);
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  class CustomFunctionError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  Object.assign(frame, {
    Office: {
      HostType: { Excel: 'Excel' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      onReady: (callback?: (i: typeof info) => void) => {
        setTimeout(() => callback?.(info), 0);
        return Promise.resolve(info);
      },
      context: {
        displayLanguage: shared.settings.displayLanguage,
        requirements: { isSetSupported: (name: string, v = '1.1') => name === 'ExcelApi' && atMost(v, shared.settings.excelApi) },
      },
    },
    Excel: {
      run: async <T>(work: (ctx: unknown) => Promise<T>): Promise<T> => {
        try {
          return await host().run(work as never);
        } finally {
          shared.render();
        }
      },
    },
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => shared.functions.set(id, fn),
      Error: CustomFunctionError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    },
  });
}

// --- the harness's side (top frame): the workbook, drawn ----------------------------------------

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const shown = (sheet: FakeSheet, row: number, col: number, language: string): string => {
  const formula = sheet.formulaAt(row, col);
  if (formula !== undefined) return formula;
  const value: CellValue = sheet.value(row, col);
  if (typeof value === 'boolean') {
    if (sheet.controls.at(row, col) === 'Checkbox') return value ? '☑' : '☐';
    return language.startsWith('nl') ? (value ? 'WAAR' : 'ONWAAR') : language.startsWith('en') ? String(value).toUpperCase() : value ? 'VRAI' : 'FAUX';
  }
  return value === null ? '' : String(value);
};

/** The rows a conditional format `=$I2="word"` marks. */
const highlighted = (sheet: FakeSheet, row: number): boolean =>
  sheet.conditionalFormats.some((f) => {
    const rule = /^=\$([A-Z]+)\d+="(.*)"$/.exec(f.formula);
    if (!rule || row < f.rect.top || row >= f.rect.top + f.rect.rows) return false;
    const col = [...rule[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return sheet.value(row, col) === rule[2].replace(/""/g, '"');
  });

function renderWorkbook(shared: Shared, target: HTMLElement, rowsShown: number, filter: ((cells: CellValue[]) => boolean) | null): void {
  const wb = shared.workbook;
  const sheet = wb.sheets.find((s) => s.id === wb.activeSheet) ?? wb.sheets[0];
  const used = sheet.usedRect();
  const columns = used ? Array.from({ length: used.columns }, (_, c) => c).filter((c) => !sheet.hiddenColumns.has(c)) : [];
  const selected = wb.selection?.sheet === sheet.name ? wb.selection.address : null;
  const allRows = used ? Array.from({ length: used.rows - 1 }, (_, r) => r + 1) : [];
  const rows = allRows.filter((r) => !filter || filter(sheet.rows[r] ?? [])).slice(0, rowsShown);
  const width = (c: number) => Math.min(150, Math.round((sheet.widths.get(c) ?? 48) * 0.75));
  const cell = (row: number, col: number, header: boolean) => {
    const address = a1(col, row);
    const classes = [header ? 'header' : '', address === selected ? 'selected' : '', typeof sheet.value(row, col) === 'boolean' ? 'flag' : '', sheet.locked.at(row, col) ? '' : 'editable']
      .filter(Boolean)
      .join(' ');
    return `<td class="${classes}" data-address="${address}">${escape(shown(sheet, row, col, shared.settings.displayLanguage))}</td>`;
  };
  const head = `<tr><th></th>${columns.map((c) => `<th style="width:${width(c)}px">${a1(c, 0).replace(/\d+$/, '')}</th>`).join('')}</tr>`;
  const header = used ? `<tr><th>1</th>${columns.map((c) => cell(0, c, true)).join('')}</tr>` : '';
  const body = rows
    .map((r) => `<tr class="${highlighted(sheet, r) ? 'conflict' : ''}"><th>${r + 1}</th>${columns.map((c) => cell(r, c, false)).join('')}</tr>`)
    .join('');
  const tabs = wb.sheets.map((s) => `<span class="tab ${s === sheet ? 'active' : ''}">${escape(s.name)}</span>`).join('');
  const status = `${filter ? `${allRows.filter((r) => filter(sheet.rows[r] ?? [])).length} / ${allRows.length} · ` : ''}${escape(sheet.name)}${sheet.protected ? ' (protégée)' : ''}`;
  const total = 38 + columns.reduce((n, c) => n + width(c), 0);
  target.innerHTML = `<div class="grid"><table style="width:${total}px"><thead>${head}${header}</thead><tbody>${body}</tbody></table></div><div class="tabs">${tabs}<span class="status">${status}</span></div>`;
}

/** What the test does in "Excel", by sheet name and key, as a reviewer would. */
function reviewerActions(shared: Shared, draw: () => void) {
  const wb = shared.workbook;
  const sheetOf = (name: string) => wb.sheet(name);
  const columnIndex = (sheet: FakeSheet, id: string) => {
    const kind = sheetOfName(sheet.name);
    return (sheet.rows[0] ?? []).findIndex((h) => kind !== undefined && columnOfHeader(kind, h) === id);
  };
  const rowOf = (sheet: FakeSheet, key: string) => sheet.rows.findIndex((cells) => cells[0] === key);
  let filter: { sheet: string; test: (cells: CellValue[]) => boolean } | null = null;
  return {
    show: (name: string) => {
      wb.activeSheet = sheetOf(name).id;
      draw();
    },
    /** Ticks (or types into) the cell of column `id` on the row of `key`. */
    set: (name: string, key: string, id: string, value: CellValue) => {
      const sheet = sheetOf(name);
      sheet.type(rowOf(sheet, key), columnIndex(sheet, id), value);
      draw();
    },
    paste: (name: string, key: string, id: string, value: CellValue) => {
      const sheet = sheetOf(name);
      sheet.paste(rowOf(sheet, key), columnIndex(sheet, id), [[value]]);
      draw();
    },
    /** Excel's filter: only rows whose column `id` holds one of `values` are shown. */
    filter: (name: string, id: string, values: CellValue[]) => {
      const sheet = sheetOf(name);
      const col = columnIndex(sheet, id);
      filter = { sheet: name, test: (cells) => values.includes(cells[col] ?? null) };
      draw();
    },
    clearFilter: () => {
      filter = null;
      draw();
    },
    /** Keys of the rows the filter shows. */
    filtered: (): string[] => {
      if (!filter) return [];
      const sheet = sheetOf(filter.sheet);
      return sheet.rows.slice(1).filter((cells) => filter!.test(cells)).map((cells) => String(cells[0]));
    },
    values: (name: string) => sheetOf(name).grid(),
    selection: () => wb.selection,
    settings: () => Object.fromEntries(wb.settings),
    /** Calls a custom function as Excel would; a streaming one gives its first value. */
    callFunction: (id: string, ...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const fn = shared.functions.get(id);
        if (!fn) return reject(new Error(`no function ${id}`));
        const invocation = { setResult: (v: unknown) => (v instanceof Error ? reject(v) : resolve(v)), onCanceled: () => undefined };
        try {
          const value = fn(...args, invocation);
          if (value !== undefined) Promise.resolve(value).then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      }),
    get filterFor(): string | null {
      return filter?.sheet ?? null;
    },
    filterTest: () => filter?.test ?? null,
  };
}

const frame = globalThis as Frame;
if (frame.parent !== frame && frame.parent.__bobsyncE2E) {
  installOffice(frame, frame.parent.__bobsyncE2E);
} else {
  const params = new URLSearchParams(location.search);
  const workbook = new FakeWorkbook('Feuil1');
  const shared: Shared = {
    workbook,
    settings: { displayLanguage: params.get('lang') ?? 'fr-BE', excelApi: params.get('excelApi') ?? '1.18' },
    functions: new Map(),
    render: () => undefined,
  };
  frame.__bobsyncE2E = shared;
  let actions: ReturnType<typeof reviewerActions>;
  const draw = () => {
    const target = document.getElementById('workbook');
    if (target) renderWorkbook(shared, target, 28, actions.filterFor && workbook.sheets.find((s) => s.id === workbook.activeSheet)?.name === actions.filterFor ? actions.filterTest() : null);
  };
  actions = reviewerActions(shared, draw);
  shared.render = draw;
  Object.assign(frame, { e2e: actions });
  addEventListener('DOMContentLoaded', draw);
}
