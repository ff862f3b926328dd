import { cellsOf, parseAreas } from '../../../src/taskpane/excel/addresses';

describe('addresses Excel hands back', () => {
  it('reads quoted sheet names, absolute references and several areas', () => {
    expect(parseAreas("'Champs personnalisés'!$B$4:$C$6,Détails!C9,'l''autre, feuille'!A1")).toEqual([
      { sheet: 'Champs personnalisés', top: 3, left: 1, bottom: 5, right: 2 },
      { sheet: 'Détails', top: 8, left: 2, bottom: 8, right: 2 },
      { sheet: "l'autre, feuille", top: 0, left: 0, bottom: 0, right: 0 },
    ]);
  });

  it('lists the cells of areas up to a limit, counting them all', () => {
    const { cells, total } = cellsOf(parseAreas('A1:B2,AA10'), 3);
    expect(cells.map((c) => c.address)).toEqual(['A1', 'B1', 'A2']);
    expect(total).toBe(5);
  });

  it('refuses what is not an address', () => {
    expect(() => parseAreas('Feuil1!Z')).toThrow('not a cell address');
  });
});
