/**
 * Benchmarks of the Excel add-in's adapter (issue: the Excel add-in). Excel itself is replaced by
 * the typed fake of the tests, which keeps the workbook in memory and measures each request and
 * response: the figures are the add-in's own work, without Excel's round trips.
 */
import { columnsOf, estimateRowBytes, readDecisions, toRows } from '../src/sheets';
import { readSheetValues } from '../src/taskpane/excel/readSheet';
import { writePull } from '../src/taskpane/excel/writePull';
import { DEFAULT_BUDGET, planWrites } from '../src/taskpane/excel/writeRows';
import { pullSheets } from '../src/taskpane/flow/pullSheets';
import { bigPull } from '../test/taskpane/bigPull';
import { fakeHost } from '../test/taskpane/fakeExcel/context';
import { FakeWorkbook } from '../test/taskpane/fakeExcel/workbook';
import { fmt, timed, type Bench } from './harness';

const ROWS = 100_000;
const BUDGET = DEFAULT_BUDGET;
const noWait = () => Promise.resolve();

/** How far the chunk count is from the least the bytes need, as a fraction of it. */
const spread = (chunks: number, bytes: number): number => chunks / (bytes / BUDGET) - 1;

export const addinEncodeBench: Bench = {
  id: 'addin-encode',
  title: `Excel add-in: encoding ${ROWS.toLocaleString('en')} pending rows into chunks`,
  async run() {
    const rows = bigPull(ROWS);
    const encode = () => planWrites(toRows('sync', rows, 'fr').rows, BUDGET);
    encode();
    const { value, seconds } = await timed(async () => encode());
    const bytes = value.values.reduce((n, r) => n + estimateRowBytes(r), 0);
    const off = spread(value.chunks.length, bytes);
    const wb = new FakeWorkbook();
    const written = await timed(() =>
      fakeHost(wb).run((ctx) =>
        writePull(
          ctx,
          { pullId: 'P', dossier: 'd', locale: 'fr', sheets: pullSheets({ rows, view: [], settings: [] }, 'fr'), previous: {}, features: { checkboxes: true } },
          { budget: BUDGET, yieldToUi: noWait },
        ),
      ),
    );
    const biggest = Math.max(...wb.syncs.map((s) => s.requestBytes));
    return {
      lines: [
        `Synchronisation sheet, budget ${BUDGET.toLocaleString('en')} bytes a request (Excel on the web refuses 5 MB). Mean of one warm run.`,
        '',
        '| measure | figure |',
        '|---|---|',
        `| rows → cells → chunks (toRows, then planWrites: the adapter's plan, Office.js's split actions counted) | ${fmt(seconds)} s |`,
        `| payload | ${(bytes / 2 ** 20).toFixed(1)} MiB |`,
        `| chunks / least the bytes need (bytes ÷ budget) | ${value.chunks.length} / ${fmt(bytes / BUDGET)} (${fmt(off * 100, 1)} % more) |`,
        `| the whole pull written into the fake workbook (Synchronisation and Détails, layout, checks) | ${fmt(written.seconds)} s, ${wb.syncs.length} syncs |`,
        `| largest request sent | ${biggest.toLocaleString('en')} bytes |`,
      ],
      goals: [
        { goal: `encoding ${ROWS.toLocaleString('en')} rows into chunks ≤ 1.5 s (${fmt(seconds)} s)`, met: seconds <= 1.5 },
        { goal: `chunks within 10% of bytes ÷ budget (${fmt(off * 100, 1)} %)`, met: off >= 0 && off <= 0.1 },
        { goal: `every request under the budget (${biggest.toLocaleString('en')} bytes)`, met: biggest <= BUDGET },
      ],
    };
  },
};

export const addinReadBench: Bench = {
  id: 'addin-read',
  title: `Excel add-in: reading back ${ROWS.toLocaleString('en')} rows’ flags`,
  async run() {
    const rows = bigPull(ROWS);
    const wb = new FakeWorkbook();
    const host = fakeHost(wb);
    const link = await host.run((ctx) =>
      writePull(
        ctx,
        { pullId: 'P', dossier: 'd', locale: 'fr', sheets: pullSheets({ rows, view: [], settings: [] }, 'fr'), previous: {}, features: { checkboxes: true } },
        { budget: BUDGET, yieldToUi: noWait },
      ),
    );
    const sheet = wb.sheet('Synchronisation');
    const never = columnsOf('sync').findIndex((c) => c.id === 'never');
    for (let r = 1; r <= ROWS; r += 7) sheet.type(r, never, true);
    const readOnce = async () => {
      wb.syncs.length = 0;
      const read = await host.run((ctx) => readSheetValues(ctx, ctx.workbook.worksheets.getItemOrNullObject(link.sheets.sync!), { budget: BUDGET, yieldToUi: noWait }));
      const decoded = readDecisions(read.values, [], { pullId: 'P', rows }, 'fr');
      return { read, decoded, responses: wb.syncs.map((s) => s.responseBytes) };
    };
    await readOnce();
    const total = await timed(readOnce);
    const { read, decoded, responses } = total.value;
    const decode = await timed(async () => readDecisions(read.values, [], { pullId: 'P', rows }, 'fr'));
    const bytes = read.values.reduce((n, r) => n + estimateRowBytes(r), 0);
    const off = spread(read.chunks, bytes);
    const biggest = Math.max(...responses);
    const ticked = decoded.decisions.filter((d) => d.never).length;
    return {
      lines: [
        `Synchronisation sheet read in chunks sized from what the previous ones weighed, then decoded by the sheet model (every flag cell type-checked). Budget ${BUDGET.toLocaleString('en')} bytes a response.`,
        '',
        '| measure | figure |',
        '|---|---|',
        `| read (chunked, through the fake) and decode | ${fmt(total.seconds)} s |`,
        `| of which decoding (readDecisions) | ${fmt(decode.seconds)} s |`,
        `| chunks / least the bytes need | ${read.chunks} / ${fmt(bytes / BUDGET)} (${fmt(off * 100, 1)} % more) |`,
        `| largest response | ${biggest.toLocaleString('en')} bytes |`,
        `| flags read back | ${ticked.toLocaleString('en')} ticked of ${decoded.decisions.length.toLocaleString('en')} rows |`,
      ],
      goals: [
        { goal: `reading back ${ROWS.toLocaleString('en')} rows’ flags ≤ 1.5 s (${fmt(total.seconds)} s)`, met: total.seconds <= 1.5 },
        { goal: `chunks within 10% of bytes ÷ budget (${fmt(off * 100, 1)} %)`, met: off >= 0 && off <= 0.1 },
      ],
    };
  },
};
