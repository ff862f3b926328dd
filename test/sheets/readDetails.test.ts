import type { CellValue } from '../../src/sheets';
import { readDecisions, readDetails, toRows } from '../../src/sheets';
import { PULL_ID, col, grid, pendingRows } from './fixtures';

const expected = { pullId: PULL_ID, rows: pendingRows() };
const sheet = (name: 'sync' | 'details'): CellValue[][] => {
  const { header, rows } = toRows(name, expected.rows, 'fr');
  return grid(header, rows);
};
const CHOSEN = col('details', 'chosen');
// Détails rows, in written order: Dupont city, phone (conflict), Secteur (conflict), Martin e-mail,
// Newco name, Twin website.

describe('readDetails', () => {
  it('reads the directions chosen for conflicts, by row and field', () => {
    const values = sheet('details');
    values[2][CHOSEN] = 'CRM → BOB';
    values[3][CHOSEN] = 'bob -> crm';
    const { directions, problems } = readDetails(values, expected, 'fr');
    expect(problems).toEqual([]);
    expect([...directions]).toEqual([['DUPONT⇄41', { phone: 'crm>bob', 'cf.Secteur': 'bob>crm' }]]);
  });

  it('refuses a direction on a field that is not in conflict, and unknown words', () => {
    const values = sheet('details');
    values[1][CHOSEN] = 'CRM → BOB';
    values[2][CHOSEN] = 'les deux';
    const { directions, problems } = readDetails(values, expected, 'fr');
    expect(problems.map((p) => [p.code, p.cell, p.key, p.field])).toEqual([
      ['direction_not_conflict', 'K2', 'DUPONT⇄41', 'city'],
      ['direction_invalid', 'K3', 'DUPONT⇄41', 'phone'],
    ]);
    expect(problems[0].message).toBe('Le champ « Localité » n\'est pas en conflit : « Sens choisi » doit rester vide.');
    expect(problems[1].message).toContain('BOB → CRM, CRM → BOB');
    expect(directions.size).toBe(0);
  });

  it('detects changed values and deleted detail rows', () => {
    const values = sheet('details');
    values[4][col('details', 'bob')] = 'c@x.be';
    values.splice(6, 1);
    const { problems } = readDetails(values, expected, 'fr');
    expect(problems.map((p) => [p.code, p.cell, p.key, p.field])).toEqual([
      ['cell_changed', 'G5', 'MARTIN⇄57', 'email'],
      ['row_missing', undefined, 'TWIN⇄', 'website'],
    ]);
    expect(problems[1].message).toContain('« @SUM(A1) » — « Site web » (TWIN⇄)');
  });

  it('treats an empty value and an empty cell alike', () => {
    const values = sheet('details');
    values[5][col('details', 'base')] = '';
    expect(readDetails(values, expected, 'fr').problems).toEqual([]);
  });
});

describe('readDecisions', () => {
  it('combines flags and directions into the decisions of the pull', () => {
    const sync = sheet('sync');
    const details = sheet('details');
    sync[2][col('sync', 'skip')] = 'x';
    details[3][CHOSEN] = 'CRM → BOB';
    const read = readDecisions(sync, details, expected, 'fr');
    expect(read.problems).toEqual([]);
    expect(read.pullId).toBe(PULL_ID);
    expect(read.decisions[0]).toEqual({
      key: 'DUPONT⇄41',
      version: 'v1-dupont',
      never: false,
      skip: false,
      reason: '',
      directions: { 'cf.Secteur': 'crm>bob' },
    });
    expect(read.decisions[1]).toMatchObject({ key: 'MARTIN⇄57', skip: true, directions: {} });
    expect(read.decisions).toHaveLength(5);
  });

  it('holds back the decision of a row with a problem in either sheet', () => {
    const sync = sheet('sync');
    const details = sheet('details');
    details[4][col('details', 'crm')] = 'autre';
    sync[5][col('sync', 'never')] = 'peut-être';
    const read = readDecisions(sync, details, expected, 'fr');
    expect(read.problems.map((p) => [p.sheet, p.cell])).toEqual([
      ['Synchronisation', 'L6'],
      ['Détails', 'H5'],
    ]);
    expect(read.decisions.map((d) => d.key)).toEqual(['DUPONT⇄41', 'NEWCO⇄', '⇄88']);
  });
});
