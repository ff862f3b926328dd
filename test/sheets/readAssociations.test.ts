import { readAssociations, toRows } from '../../src/sheets';
import { associations, col, grid } from './fixtures';

const expected = associations();
const written = () => {
  const { header, rows } = toRows('associations', expected, 'fr');
  return grid(header, rows);
};

describe('readAssociations', () => {
  it('returns nothing when nothing changed', () => {
    expect(readAssociations(written(), expected, 'fr')).toEqual({ changes: [], problems: [] });
  });

  it('returns the flags and reasons the reviewer changed', () => {
    const values = written();
    values[1][col('associations', 'never')] = 'oui';
    values[1][col('associations', 'reason')] = 'Doublon connu';
    values[2][col('associations', 'never')] = false;
    const { changes, problems } = readAssociations(values, expected, 'fr');
    expect(problems).toEqual([]);
    expect(changes).toEqual([
      { key: 'DUPONT⇄41', never: true, reason: 'Doublon connu' },
      { key: 'OLD⇄', never: false, reason: 'Fermée' },
    ]);
  });

  it('reports bad flags, tampering and missing rows', () => {
    const values = written();
    values[1][col('associations', 'never')] = 'bof';
    values[1][col('associations', 'vat')] = 'BE0000000000';
    values.pop();
    const { changes, problems } = readAssociations(values, expected, 'en');
    expect(changes).toEqual([]);
    expect(problems.map((p) => [p.code, p.cell, p.key, p.sheet])).toEqual([
      ['cell_changed', 'E2', 'DUPONT⇄41', 'Associations'],
      ['flag_invalid', 'I2', 'DUPONT⇄41', 'Associations'],
      ['row_missing', undefined, 'OLD⇄', 'Associations'],
    ]);
  });
});
