/**
 * The CLI round trip of the README, in-process on a fresh sandbox: init → pull → flags set in
 * the workbook as a reviewer would → dry run → backup → apply → pull again, then audit and undo.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PendingRow } from '../../src/contract/pending';
import { main } from '../../src/sync/cli';
import { loadDossier } from '../../src/sync/config';
import { openDossier } from '../../src/sync/dossier';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bobsync-cli-'));
  process.env.BOBSYNC_LANG = 'fr';
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `bobsync …` and returns its exit code and what it printed. */
async function bobsync(...args: string[]): Promise<{ code: number; out: string; json: unknown[] }> {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'bobsync', ...args]);
    const json = args.includes('--json') ? out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown) : [];
    return { code, out, json };
  } finally {
    spy.mockRestore();
  }
}

/** A reviewer's edit: the cell under `header` in the row whose hidden key is `key`. */
async function edit(file: string, sheet: string, changes: Array<{ key: string; header: string; value: ExcelJS.CellValue }>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v ?? '')));
  for (const c of changes) {
    const col = headers.indexOf(c.header);
    expect(col).toBeGreaterThan(0);
    let found = false;
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).text === c.key) {
        row.getCell(col).value = c.value;
        found = true;
      }
    });
    expect(found).toBe(true);
  }
  await wb.xlsx.writeFile(file);
}

async function column(file: string, sheet: string, header: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const col = ws.getRow(1).values as ExcelJS.CellValue[];
  const index = col.findIndex((v) => v !== null && v !== undefined && JSON.stringify(v).includes(header));
  const values = new Map<string, string>();
  ws.eachRow((row, n) => {
    if (n > 1) values.set(row.getCell(1).text, row.getCell(index).text);
  });
  return values;
}

async function pendingRows(dir: string): Promise<PendingRow[]> {
  const d = await openDossier(loadDossier(dir));
  try {
    const pull = d.store.db.prepare('SELECT id FROM pull ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as { id: string };
    return d.store.pullRows(pull.id);
  } finally {
    await d.close();
  }
}

it('runs the round trip of the README and refuses bad cells', async () => {
  const dir = join(root, 'sandbox');
  const file = join(root, 'pending.xlsx');
  expect((await bobsync('sandbox', 'init', '--dir', dir, '--customers', '150', '--seed', '4')).code).toBe(0);
  expect((await bobsync('sandbox', 'init', '--dir', root, '--force')).code).not.toBe(0);
  const pulled = await bobsync('--json', 'pull', '--dossier', dir, '--out', file);
  expect(pulled.code).toBe(0);

  const rows = await pendingRows(dir);
  const updates = rows.filter((r) => r.kind === 'update');
  const conflict = updates.find((r) => r.changes.some((c) => c.status === 'conflict'))!;
  const [never, skip] = updates.filter((r) => r !== conflict);
  const conflictField = conflict.changes.find((c) => c.status === 'conflict')!;
  expect([conflict, never, skip].every(Boolean)).toBe(true);

  // A bad word in a flag cell, and a name edited by hand: refused with the cells, nothing written.
  await edit(file, 'Synchronisation', [{ key: never.key, header: 'Jamais sync.', value: 'Peut-être' }]);
  const bad = await bobsync('apply', file, '--dry-run');
  expect(bad.code).toBe(1);
  expect(bad.out).toMatch(/Synchronisation!L\d+/);
  expect(bad.out).toContain('Peut-être');
  await edit(file, 'Synchronisation', [
    { key: never.key, header: 'Jamais sync.', value: 'oui' },
    { key: skip.key, header: 'Nom', value: `${skip.name} (modifié)` },
  ]);
  const tampered = await bobsync('apply', file, '--dry-run');
  expect(tampered.code).toBe(1);
  expect(tampered.out).toMatch(/Synchronisation!E\d+/);

  // The reviewer's decisions.
  await edit(file, 'Synchronisation', [
    { key: skip.key, header: 'Nom', value: skip.name },
    { key: skip.key, header: 'Pas cette fois', value: 'x' },
    { key: never.key, header: 'Motif', value: 'suivi à la main' },
  ]);
  await edit(file, 'Détails', [{ key: `${conflict.key}␟${conflictField.field}`, header: 'Sens choisi', value: 'CRM → BOB' }]);
  await edit(file, 'Champs personnalisés', [{ key: 'SECTEUR', header: 'Sél.', value: false }]);

  const dry = await bobsync('--json', 'apply', file, '--dry-run');
  expect(dry.code).toBe(0);
  expect((await column(file, 'Synchronisation', 'Statut')).get(skip.key)).toBe('Ignoré cette fois');
  expect((await bobsync('apply', file)).code).toBe(1); // neither --dry-run nor --confirm
  expect((await bobsync('apply', file, '--confirm')).code).toBe(1); // no backup since the pull
  expect((await bobsync('backup', '--dossier', dir)).code).toBe(0);
  const applied = await bobsync('--json', 'apply', file, '--confirm');
  expect(applied.code).toBe(0);
  const runId = (applied.json[0] as { runId: string }).runId;
  expect(runId).toMatch(/^R-/);
  const journal = await column(file, 'Journal', 'Run');
  expect(journal.size).toBeGreaterThan(0);

  // Both systems hold the conflict's CRM value; the next pull shows the skipped row and no never row.
  const d = await openDossier(loadDossier(dir));
  try {
    const bob = (await d.engine.ctx.bob.readMany([conflict.bobId!])).get(conflict.bobId!)!;
    expect(bob.values[conflictField.field as 'name']).toBe(conflictField.crm);
    const again = await d.engine.pull('check');
    const keys = again.rows.map((r) => r.key);
    expect(keys).toContain(skip.key);
    expect(keys).not.toContain(never.key);
    expect(d.store.pullView(again.pull.id).find((v) => v.key === never.key)).toEqual(expect.objectContaining({ never: true, neverReason: 'suivi à la main' }));
    expect(again.rows.filter((r) => r.kind !== 'duplicate' && r.kind !== 'removed').map((r) => r.key)).toEqual([skip.key]);
  } finally {
    await d.close();
  }

  const audit = join(root, 'audit.xlsx');
  expect((await bobsync('audit', runId, '--dossier', dir, '--out', audit)).code).toBe(0);
  expect((await column(audit, 'Journal', 'Run')).size).toBeGreaterThan(0);
  expect((await bobsync('audit', '--verify', '--dossier', dir)).code).toBe(0);
  expect((await bobsync('undo', runId, '--dossier', dir)).code).toBe(1);
  expect((await bobsync('undo', runId, '--dossier', dir, '--confirm')).code).toBe(0);
  expect((await bobsync('--json', 'runs', '--dossier', dir)).json[0]).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: runId, state: 'undone' })]),
  );
}, 120_000);
