/**
 * `npm run test:e2e`: the task pane in a real browser. Builds the add-in, starts the sync
 * service on a sandbox dossier behind the add-in server (HTTPS, as `bobsync start` does), opens
 * the pane in Debian's Chromium (playwright-core, no downloaded browser) inside a harness page
 * that plays Excel with the fake host, and walks the accountant's path: sign in with a dev
 * token, pull, decide in the sheets, check (a bad cell first), back up, confirm, synchronise,
 * export the audit record. Then it checks that BOB 50 and the Sage CRM simulator hold exactly
 * what was decided and that the Journal sheet lists it. A screenshot of each step goes to
 * test-output/e2e/. Needs Debian's `chromium` package (/usr/bin/chromium, or $CHROMIUM).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { generateCertificates } from 'office-addin-dev-certs';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { PendingRow, RowResult } from '../../src/contract/pending';
import type { JournalLine } from '../../src/contract/views';
import { columnsOf } from '../../src/sheets';
import { CANONICAL_FIELDS } from '../../src/sync/domain/customer';
import { ADDIN_DIR, startAddinServer, type AddinServer } from '../../src/sync/server/addin';
import { prepareTemplate, removeWorlds, snapshot } from '../sync/engine/world';
import { dossierCopy, holdWrites, startTestService, type TestService } from '../sync/server/harness';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-output', 'e2e');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OFFICE_JS = 'https://appsforoffice.microsoft.com/**';

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The add-in as `npm run build:addin` builds it. */
function buildAddin(): void {
  const built = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(built.status, 0, 'the add-in build failed');
}

/** The fake Office host as one script for the browser. */
async function bundleFakeOffice(dir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: join(__dirname, 'fakeOffice.ts'),
    output: { path: dir, filename: 'fake-office.js', iife: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: join(ROOT, 'tsconfig.addin.json'), transpileOnly: true, compilerOptions: { module: 'es2020' } } }],
    },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  await new Promise<void>((resolve, reject) => compiler.close((error) => (error ? reject(error) : resolve())));
  return readFileSync(join(dir, 'fake-office.js'), 'utf8');
}

interface World {
  service: TestService;
  addin: AddinServer;
  context: BrowserContext;
  fakeOffice: string;
  harness: string;
}

async function openExcel(w: World, query = ''): Promise<{ page: Page; pane: FrameLocator }> {
  const page = await w.context.newPage();
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));
  await page.goto(`${w.addin.url}/__e2e/excel.html${query}`);
  return { page, pane: page.frameLocator('#pane') };
}

/** Waits until the pane has finished its step (its first button is enabled again). */
const idle = (pane: FrameLocator) => pane.locator('main > section').nth(1).locator('button:enabled').first().waitFor();

let shots = 0;
const shot = async (page: Page, name: string): Promise<void> => {
  shots += 1;
  const file = join(OUT, `${String(shots).padStart(2, '0')}-${name}.png`);
  // Fluent UI fades buttons between states: the picture shows where the fade ends.
  await page.screenshot({ path: file, animations: 'disabled' });
  log(`  screenshot ${file}`);
};

/** Calls the harness's reviewer actions (test/e2e/fakeOffice.ts) in the page. */
const excel = <T>(page: Page, action: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([name, values]) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).e2e[name as string](...(values as unknown[])), [action, args] as const) as Promise<T>;

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  log('Building the add-in …');
  buildAddin();
  const scratch = mkdtempSync(join(tmpdir(), 'bobsync-e2e-'));
  const fakeOffice = await bundleFakeOffice(scratch);

  log('Starting the service on a sandbox dossier, and the add-in server …');
  const template = await prepareTemplate(150, 3);
  const service = await startTestService({ dossiers: [{ id: 'sandbox', path: dossierCopy(template, 'sandbox'), grants: { '*': ['Sync.Review', 'Sync.Apply'] } }] });
  const certs = { ca: join(scratch, 'ca.crt'), cert: join(scratch, 'localhost.crt'), key: join(scratch, 'localhost.key') };
  await generateCertificates(certs.ca, certs.cert, certs.key, 1);
  const addin = await startAddinServer({
    dir: ADDIN_DIR,
    host: '127.0.0.1',
    port: 0,
    https: { key: readFileSync(certs.key), cert: readFileSync(certs.cert) },
    serviceUrl: service.service.url,
    auth: service.config.auth,
    logStream: new PassThrough().resume(),
  });
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    viewport: { width: 1600, height: 900 },
    locale: 'fr-BE',
  });
  const w: World = { service, addin, context, fakeOffice, harness: readFileSync(join(__dirname, 'excel.html'), 'utf8') };
  try {
    // No network but loopback: Office.js's CDN answers with nothing; the fake host stands in for it.
    await context.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await context.route(`${addin.url}/__e2e/excel.html*`, (route) => route.fulfill({ contentType: 'text/html', body: w.harness }));
    await context.addInitScript({ content: fakeOffice });
    await walkThrough(w);
    await dutchWithoutCheckboxes(w);
  } catch (error) {
    // What the browser showed when it went wrong.
    for (const page of context.pages()) await page.screenshot({ path: join(OUT, `failure-${context.pages().indexOf(page)}.png`) });
    throw error;
  } finally {
    await context.close();
    await addin.close();
    await service.close();
    removeWorlds();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function walkThrough(w: World): Promise<void> {
  const { page, pane } = await openExcel(w);
  const dossier = w.service.dossier('sandbox');
  const token = await w.service.token('anne', ['Sync.Review', 'Sync.Apply']);

  log('1. Sign in with a dev token');
  await pane.getByRole('button', { name: 'Se connecter' }).waitFor();
  await shot(page, 'connexion');
  await pane.getByLabel('Jeton de connexion (mode développement)').fill(token);
  await pane.getByRole('button', { name: 'Se connecter' }).click();
  await pane.getByText('Connecté : anne').waitFor();
  await pane.getByText('Ce classeur ne contient pas encore de récupération.').waitFor();
  await shot(page, 'dossier');

  log('2. Pull the changes');
  await pane.getByRole('button', { name: 'Récupérer les modifications' }).click();
  await pane.getByRole('table', { name: '2. Récupérer les modifications' }).waitFor();
  await idle(pane);
  const settings = await excel<Record<string, string>>(page, 'settings');
  const link = JSON.parse(settings.bobsync) as { pullId: string; dossier: string };
  assert.deepEqual(Object.keys(link).sort(), ['dossier', 'locale', 'pullId', 'sheets'], 'the workbook holds opaque ids only');
  const rows: PendingRow[] = dossier.store.pullRows(link.pullId);
  assert.ok(rows.length > 20, `a pull with rows (${rows.length})`);
  await shot(page, 'recuperation');

  log('3. Decide in the sheets: « Jamais sync. » on a filtered set, « Pas cette fois » on another');
  await excel(page, 'filter', 'Synchronisation', 'kind', ['Création dans BOB']);
  const never = await excel<string[]>(page, 'filtered');
  assert.ok(never.length >= 1, 'rows to never synchronise');
  for (const key of never) {
    await excel(page, 'set', 'Synchronisation', key, 'never', true);
    await excel(page, 'set', 'Synchronisation', key, 'reason', 'Prospect, pas un client');
  }
  await shot(page, 'jamais-sync-filtre');
  await excel(page, 'filter', 'Synchronisation', 'kind', ['Doublon', 'Supprimé ou inéligible']);
  const skipped = await excel<string[]>(page, 'filtered');
  for (const key of skipped) await excel(page, 'set', 'Synchronisation', key, 'skip', true);
  await shot(page, 'pas-cette-fois-filtre');
  await excel(page, 'clearFilter');
  // One conflict goes the other way than proposed.
  const conflict = rows.find((r) => r.blockedReason === '' && !never.includes(r.key) && r.changes.some((c) => c.status === 'conflict'));
  const chosen = conflict ? { key: conflict.key, field: conflict.changes.find((c) => c.status === 'conflict')!.field } : null;
  if (chosen) await excel(page, 'set', 'Détails', `${chosen.key}␟${chosen.field}`, 'chosen', 'CRM → BOB');

  log('4. Check: a text pasted into a checkbox column is refused, with a link to its cell');
  const victim = rows.find((r) => r.blockedReason === '' && !never.includes(r.key))!;
  await excel(page, 'show', 'Synchronisation');
  await excel(page, 'paste', 'Synchronisation', victim.key, 'skip', 'peut-être');
  const before = w.service.logs.length;
  await pane.getByRole('button', { name: 'Vérifier' }).click();
  const problem = pane.getByRole('listitem').filter({ hasText: "« peut-être » n'est pas une valeur admise pour « Pas cette fois »" });
  await problem.waitFor();
  await problem.scrollIntoViewIfNeeded();
  assert.ok(!w.service.logs.slice(before).some((l) => l.includes('/runs')), 'nothing was sent to the service');
  await shot(page, 'verification-probleme');
  await problem.getByRole('button').click();
  const selection = await excel<{ sheet: string; address: string }>(page, 'selection');
  assert.equal(selection.sheet, 'Synchronisation');
  assert.match(selection.address, /^M\d+$/);
  await shot(page, 'lien-vers-la-cellule');
  await excel(page, 'set', 'Synchronisation', victim.key, 'skip', false);
  await pane.getByRole('button', { name: 'Vérifier' }).click();
  await pane.getByText(/^Aucun problème/).first().waitFor();
  await shot(page, 'verification-ok');

  log('5. Back up, confirm, synchronise (progress from server-sent events)');
  await pane.getByRole('button', { name: 'Créer une sauvegarde' }).click();
  await pane.getByText(/elle couvre cette récupération/).waitFor();
  const synchronise = pane.getByRole('button', { name: 'Synchroniser' });
  assert.equal(await synchronise.isDisabled(), true, 'Synchroniser waits for the confirmation');
  await pane.getByRole('checkbox', { name: 'Les informations de synchronisation sont correctes' }).check();
  assert.equal(await synchronise.isDisabled(), false);
  await shot(page, 'confirmation');
  const beforeRun = await snapshot(dossier);
  const held = holdWrites(dossier);
  await synchronise.click();
  await held.reached;
  await pane.getByRole('progressbar').first().waitFor();
  await shot(page, 'synchronisation-en-cours');
  held.release();
  await pane.getByRole('status').filter({ hasText: /^Synchronisation R-.* terminée\.$/ }).waitFor({ timeout: 60_000 });
  await shot(page, 'resultat');

  log('6. The Journal sheet, and the audit record');
  const runId = (JSON.parse((await excel<Record<string, string>>(page, 'settings')).bobsync) as { appliedRun: string }).appliedRun;
  const journal: JournalLine[] = dossier.engine.journal(runId);
  const results = (dossier.store.run(runId)!.result ?? []) as RowResult[];
  await excel(page, 'show', 'Journal');
  await shot(page, 'journal');
  const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Exporter le journal' }).click()]);
  const saved = join(OUT, download.suggestedFilename());
  await download.saveAs(saved);
  await shot(page, 'export-journal');
  const audit = new ExcelJS.Workbook();
  await audit.xlsx.readFile(saved);
  assert.ok(audit.worksheets.length > 0, 'the audit record is a workbook');

  log('7. BOB 50 and the Sage CRM simulator hold exactly what was decided; the Journal sheet lists it');
  const after = await snapshot(dossier);
  checkSystems(rows, results, journal, { never, skipped, chosen }, beforeRun, after);
  const sheet = (await excel<unknown[][]>(page, 'values', 'Journal')).slice(1);
  assert.equal(sheet.length, journal.length, 'one Journal row per written field');
  assert.deepEqual(new Set(sheet.map((r) => `${r[0]} ${r[4]}`)), new Set(journal.map((l) => `${l.runId} ${l.key}`)));
  const statuses = await excel<unknown[][]>(page, 'values', 'Synchronisation');
  const STATUS = columnsOf('sync').findIndex((c) => c.id === 'status');
  for (const key of skipped) assert.equal(statuses.find((r) => r[0] === key)?.[STATUS], 'Ignoré cette fois');
  for (const key of never) assert.equal(statuses.find((r) => r[0] === key)?.[STATUS], 'Jamais');

  log('8. The custom functions, in the pane’s runtime');
  assert.equal(await excel(page, 'callFunction', 'TVA', 'be 0411.905.847'), 'BE0411905847');
  await assert.rejects(excel(page, 'callFunction', 'TVA', 'BE0411905848'), /chiffre de contrôle est faux/);
  assert.equal(await excel(page, 'callFunction', 'ENATTENTE'), rows.length - results.filter((r) => r.status === 'applied' || r.status === 'never').length);
  const status = String(await excel(page, 'callFunction', 'STATUT', results.find((r) => r.status === 'applied' && r.bobId)!.bobId));
  assert.match(status, /^Associé au CRM \d+ · À jour$/);
  assert.match(String(await excel(page, 'callFunction', 'DERNIERESYNCHRO')), /^\d{2}\/\d{2}\/\d{2,4}/);
  await page.close();
}

/**
 * Every applied field is on its target as the pull showed it on its source, in the direction
 * decided; rows set aside and every other record are exactly as they were.
 */
function checkSystems(
  rows: PendingRow[],
  results: RowResult[],
  journal: JournalLine[],
  decided: { never: string[]; skipped: string[]; chosen: { key: string; field: string } | null },
  before: Awaited<ReturnType<typeof snapshot>>,
  after: Awaited<ReturnType<typeof snapshot>>,
): void {
  const byKey = new Map(results.map((r) => [r.key, r]));
  const touchedBob = new Set<string>();
  const touchedCrm = new Set<string>();
  const canonical = new Set<string>(CANONICAL_FIELDS);
  for (const row of rows) {
    const result = byKey.get(row.key)!;
    const expected = decided.never.includes(row.key) ? 'never' : decided.skipped.includes(row.key) ? 'skipped' : 'applied';
    assert.equal(result.status, expected, `${row.key} is ${expected}`);
    if (expected !== 'applied') continue;
    for (const change of row.changes.filter((c) => c.status !== 'converged')) {
      const direction = decided.chosen?.key === row.key && decided.chosen.field === change.field ? 'crm>bob' : change.status === 'conflict' ? change.proposed : change.status;
      const line = journal.find((l) => l.key === row.key && l.field === change.field);
      assert.ok(line, `${row.key} ${change.field} is in the journal`);
      assert.equal(line.direction, direction, `${row.key} ${change.field} went ${direction}`);
      const target = direction === 'bob>crm' ? after.crm.get(result.crmId!)?.values : after.bob.get(result.bobId!)?.values;
      assert.ok(target, `${row.key}: the ${direction === 'bob>crm' ? 'CRM company' : 'BOB third party'} exists`);
      const value = target[change.field as keyof typeof target] ?? '';
      // Custom fields go through their String rules: the journal's "after" is what was written.
      const wanted = canonical.has(change.field) ? ((direction === 'bob>crm' ? change.bob : change.crm) ?? '') : (line.after ?? '');
      assert.equal(value, wanted, `${row.key} ${change.field}`);
    }
    if (result.bobId) touchedBob.add(result.bobId);
    if (result.crmId) touchedCrm.add(result.crmId);
  }
  for (const [id, record] of before.bob) if (!touchedBob.has(id)) assert.deepEqual(after.bob.get(id), record, `BOB ${id} is untouched`);
  for (const [id, record] of before.crm) if (!touchedCrm.has(id)) assert.deepEqual(after.crm.get(id)?.values, record.values, `CRM ${id} is untouched`);
  assert.equal(after.bob.size - before.bob.size, rows.filter((r) => r.kind === 'create_bob' && byKey.get(r.key)?.status === 'applied').length);
  assert.equal(after.crm.size - before.crm.size, rows.filter((r) => r.kind === 'create_crm' && byKey.get(r.key)?.status === 'applied').length);
}

/** The pane in Dutch on a host without checkboxes (ExcelApi 1.9): flags as a drop-down of WAAR/ONWAAR. */
async function dutchWithoutCheckboxes(w: World): Promise<void> {
  log('9. In Dutch, on a host without checkboxes');
  const { page, pane } = await openExcel(w, '?lang=nl-BE&excelApi=1.9');
  await pane.getByLabel('Aanmeldtoken (ontwikkelmodus)').fill(await w.service.token('bram', ['Sync.Review']));
  await pane.getByRole('button', { name: 'Aanmelden' }).click();
  await pane.getByRole('button', { name: 'Wijzigingen ophalen' }).click();
  await pane.getByRole('table', { name: '2. Wijzigingen ophalen' }).waitFor();
  await idle(pane);
  const values = await excel<unknown[][]>(page, 'values', 'Synchronisatie');
  assert.equal(values[0][11], 'Nooit sync.');
  await shot(page, 'nederlands-zonder-selectievakjes');
  assert.equal(await pane.getByRole('button', { name: 'Back-up maken' }).isDisabled(), true, 'a reviewer cannot back up');
  await page.close();
}

main().then(
  () => {
    writeFileSync(join(OUT, 'PASSED'), `${new Date().toISOString()}\n`);
    log(`\nEnd-to-end: passed. Screenshots in ${OUT}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
