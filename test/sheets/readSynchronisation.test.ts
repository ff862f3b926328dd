import type { CellValue } from '../../src/sheets';
import { header, readSynchronisation, toRows } from '../../src/sheets';
import { PULL_ID, col, grid, pendingRows } from './fixtures';

const expected = { pullId: PULL_ID, rows: pendingRows() };
const written = (locale: 'fr' | 'nl' | 'en' = 'fr'): CellValue[][] => {
  const { header: head, rows } = toRows('sync', expected.rows, locale);
  return grid(head, rows);
};
const NEVER = col('sync', 'never');
const SKIP = col('sync', 'skip');
const REASON = col('sync', 'reason');

describe('readSynchronisation', () => {
  it('reads an untouched sheet as "synchronise everything"', () => {
    const { decisions, problems } = readSynchronisation(written(), expected, 'fr');
    expect(problems).toEqual([]);
    expect(decisions).toEqual(
      expected.rows.map((r) => ({ key: r.key, version: r.version, never: false, skip: false, reason: '', directions: {} })),
    );
  });

  it('reads flags written as words, Booleans or numbers, and trims the reason', () => {
    const values = written();
    values[1][NEVER] = 'oui';
    values[1][REASON] = '  Client parti  ';
    values[2][SKIP] = 'x';
    values[3][NEVER] = ' Ja ';
    values[4][SKIP] = true;
    values[5][NEVER] = 1;
    values[5][SKIP] = 'non';
    const { decisions, problems } = readSynchronisation(values, expected, 'fr');
    expect(problems).toEqual([]);
    expect(decisions.map((d) => [d.key, d.never, d.skip, d.reason])).toEqual([
      ['DUPONT⇄41', true, false, 'Client parti'],
      ['MARTIN⇄57', false, true, ''],
      ['NEWCO⇄', true, false, ''],
      ['⇄88', false, true, ''],
      ['TWIN⇄', true, false, ''],
    ]);
  });

  it('does not care how rows are sorted or columns ordered, nor in which language the header is', () => {
    const values = written('nl');
    values[1][NEVER] = 'ja';
    const [head, ...rows] = values;
    rows.reverse();
    // Move the name column to the end, as a reviewer dragging columns around would.
    const order = head.map((_, i) => i).filter((i) => i !== col('sync', 'name'));
    order.push(col('sync', 'name'));
    const shuffled = [head, ...rows].map((r) => order.map((i) => r[i]));
    const { decisions, problems } = readSynchronisation(shuffled, expected, 'fr');
    expect(problems).toEqual([]);
    expect(decisions.map((d) => d.key)).toEqual(expected.rows.map((r) => r.key));
    expect(decisions.find((d) => d.key === 'DUPONT⇄41')?.never).toBe(true);
  });

  it('reports an unknown flag word with its cell address, in the locale', () => {
    const values = written();
    values[2][NEVER] = 'Peut-être';
    const { decisions, problems } = readSynchronisation(values, expected, 'fr');
    expect(problems).toEqual([
      {
        key: 'MARTIN⇄57',
        field: 'never',
        code: 'flag_invalid',
        sheet: 'Synchronisation',
        cell: 'L3',
        message: expect.stringContaining('« Peut-être » n\'est pas une valeur admise pour « Jamais sync. »'),
      },
    ]);
    expect(problems[0].message).toContain('oui');
    expect(decisions.map((d) => d.key)).not.toContain('MARTIN⇄57');
    expect(readSynchronisation(values, expected, 'nl').problems[0].message).toContain("‘Nooit sync.’");
  });

  it('refuses "Jamais sync." and "Pas cette fois" ticked together', () => {
    const values = written();
    values[1][NEVER] = true;
    values[1][SKIP] = 'x';
    const { problems } = readSynchronisation(values, expected, 'fr');
    expect(problems.map((p) => [p.code, p.cell, p.key])).toEqual([['never_and_skip', 'M2', 'DUPONT⇄41']]);
  });

  it('detects a read-only cell changed by the reviewer', () => {
    const values = written();
    values[2][col('sync', 'name')] = 'Martin SA';
    values[3][col('sync', 'bobId')] = 'NEWCO2';
    const { problems, decisions } = readSynchronisation(values, expected, 'fr');
    expect(problems.map((p) => [p.code, p.cell, p.key, p.field])).toEqual([
      ['cell_changed', 'E3', 'MARTIN⇄57', 'name'],
      ['cell_changed', 'C4', 'NEWCO⇄', 'bobId'],
    ]);
    expect(problems[0].message).toContain('« =HYPERLINK("http://x") »');
    expect(problems[0].message).toContain('« Martin SA »');
    expect(decisions).toHaveLength(3);
  });

  it('accepts a code that Excel re-typed as a number', () => {
    const values = written();
    values[1][col('sync', 'crmId')] = 41;
    expect(readSynchronisation(values, expected, 'fr').problems).toEqual([]);
  });

  it('detects a changed version', () => {
    const values = written();
    values[1][col('sync', 'version')] = 'v0-dupont';
    const { problems } = readSynchronisation(values, expected, 'fr');
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['version_changed', 'B2']]);
  });

  it('reports deleted rows, rows pasted twice, unknown and empty keys', () => {
    const values = written();
    const deleted = values.splice(3, 1)[0];
    values.push([...values[1]]);
    values.push(['GHOST⇄1', 'v1', ...new Array<CellValue>(14).fill(null)]);
    values.push([null, null, 'X', ...new Array<CellValue>(13).fill(null)]);
    const { problems, decisions } = readSynchronisation(values, expected, 'fr');
    expect(problems.map((p) => [p.code, p.cell, p.key])).toEqual([
      ['key_duplicate', 'A6', 'DUPONT⇄41'],
      ['key_unknown', 'A7', 'GHOST⇄1'],
      ['key_missing', 'A8', null],
      ['row_missing', undefined, deleted[0]],
    ]);
    expect(problems[0].message).toContain('déjà en A2');
    expect(problems[3].message).toContain('« +32 2 123 » (NEWCO⇄)');
    expect(decisions.map((d) => d.key)).not.toContain('NEWCO⇄');
  });

  it('skips blank rows left by a deletion or a filter', () => {
    const values = written();
    values.splice(2, 0, new Array<CellValue>(16).fill(null), ['', '  ']);
    expect(readSynchronisation(values, expected, 'fr').problems).toEqual([]);
  });

  it('names the required columns that are missing, and reads nothing then', () => {
    const values = written().map((r) => r.filter((_, i) => i !== SKIP && i !== col('sync', 'version')));
    const { decisions, problems } = readSynchronisation(values, expected, 'fr');
    expect(decisions).toEqual([]);
    expect(problems.map((p) => [p.code, p.field, p.message])).toEqual([
      ['column_missing', 'version', 'La colonne « Version » est introuvable dans l\'en-tête.'],
      ['column_missing', 'skip', 'La colonne « Pas cette fois » est introuvable dans l\'en-tête.'],
    ]);
  });

  it('tolerates a removed optional column but not a repeated one', () => {
    const withoutVat = written().map((r) => r.filter((_, i) => i !== col('sync', 'vat')));
    expect(readSynchronisation(withoutVat, expected, 'fr').problems).toEqual([]);
    const repeated = written().map((r) => [...r, r[NEVER]]);
    expect(readSynchronisation(repeated, expected, 'fr').problems.map((p) => p.code)).toEqual(['column_duplicate']);
  });

  it('reports a sheet without a header', () => {
    expect(readSynchronisation([], expected, 'en').problems).toEqual([
      {
        key: null,
        field: null,
        code: 'header_missing',
        sheet: 'Synchronisation',
        cell: 'A1',
        message: 'The sheet “Synchronisation” has no recognisable header row.',
      },
    ]);
    expect(readSynchronisation([['Colonne1', 'Colonne2'], ['a', 'b']], expected, 'fr').problems[0].code).toBe(
      'header_missing',
    );
    // Another sheet's header shares the key and names, so what it lacks is named column by column.
    expect(readSynchronisation([header('details', 'fr')], expected, 'fr').problems.map((p) => p.field)).toEqual([
      'version',
      'never',
      'skip',
      'reason',
    ]);
  });
});
