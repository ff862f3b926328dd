import type { PendingRow } from '../../../src/contract/pending';
import { type CellValue, toRows } from '../../../src/sheets';
import { carryOver, previousDecisions } from '../../../src/taskpane/flow/carryOver';
import { col, grid, pendingRows } from '../../sheets/fixtures';

const sheetsOf = (rows: PendingRow[]) => ({ sync: toRows('sync', rows, 'fr'), details: toRows('details', rows, 'fr') });
const asRead = (s: { header: string[]; rows: CellValue[][] }) => grid(s.header, s.rows);

describe('carrying decisions over to a new pull', () => {
  const first = pendingRows();
  const old = sheetsOf(first);
  const sync = asRead(old.sync);
  const details = asRead(old.details);
  sync[1][col('sync', 'never')] = true;
  sync[1][col('sync', 'reason')] = 'Client parti';
  sync[2][col('sync', 'skip')] = 'oui';
  sync[3][col('sync', 'skip')] = 'peut-être';
  sync[5][col('sync', 'never')] = true;
  const phone = details.findIndex((r) => String(r[col('details', 'key')]).endsWith('phone'));
  details[phone][col('details', 'chosen')] = 'CRM → BOB';
  // Sorted by the reviewer: the old sheets are read by key, not by position.
  const previous = previousDecisions([sync[0], ...sync.slice(1).reverse()], details);

  it('keeps decisions on unchanged rows, and lists those it cannot keep with why', () => {
    const next = [
      first[0],
      { ...first[1], version: 'v2-martin' },
      first[2],
      first[3],
      { ...first[0], key: 'ZED⇄9', bobId: 'ZED', crmId: '9', name: 'Zed', version: 'v1-zed' },
    ];
    const carried = carryOver(previous, next, sheetsOf(next));
    expect(carried.carried).toBe(1);
    const row = carried.sync.rows[0];
    expect([row[col('sync', 'never')], row[col('sync', 'skip')], row[col('sync', 'reason')]]).toEqual([true, false, 'Client parti']);
    const chosen = carried.details.rows.find((r) => String(r[col('details', 'key')]).endsWith('phone'))!;
    expect(chosen[col('details', 'chosen')]).toBe('CRM → BOB');
    expect(carried.dropped).toEqual([
      { key: 'MARTIN⇄57', name: first[1].name, reason: 'changed' },
      { key: 'NEWCO⇄', name: first[2].name, reason: 'unreadable' },
      { key: 'TWIN⇄', name: first[4].name, reason: 'gone' },
    ]);
    // Untouched rows keep what the pull proposes.
    expect(carried.sync.rows[3][col('sync', 'never')]).toBe(false);
  });
});
