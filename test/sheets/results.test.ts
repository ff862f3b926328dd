import { SheetLayoutError, toRows, withResults } from '../../src/sheets';
import { col, grid, pendingRows, result } from './fixtures';

describe('withResults', () => {
  it('fills Statut and Message of the rows the run touched, however the sheet is sorted', () => {
    const { header, rows } = toRows('sync', pendingRows(), 'fr');
    const values = grid(header, rows.reverse());
    values[1][col('sync', 'status')] = 'Appliqué';
    const out = withResults('sync', values, [result('DUPONT⇄41', 'stale', 'Modifié depuis la préparation'), result('MARTIN⇄57', 'would_apply')], 'fr');
    expect(out.status.column).toBe(col('sync', 'status'));
    expect(out.message?.column).toBe(col('sync', 'message'));
    // Reversed: Twin, Crm 88, Newco, Martin, Dupont.
    expect(out.status.values).toEqual(['Appliqué', null, null, 'Serait appliqué', 'Obsolète']);
    expect(out.message?.values).toEqual([null, null, null, '', 'Modifié depuis la préparation']);
  });

  it('gives each Détails row the status of its pending row', () => {
    const { header, rows } = toRows('details', pendingRows(), 'nl');
    const out = withResults('details', grid(header, rows), [result('DUPONT⇄41', 'applied'), result('TWIN⇄', 'blocked')], 'nl');
    expect(out.message).toBeNull();
    expect(out.status.values).toEqual(['Toegepast', 'Toegepast', 'Toegepast', null, null, 'Geblokkeerd']);
  });

  it('finds the columns by header, in any order', () => {
    const { header, rows } = toRows('sync', pendingRows(), 'fr');
    const values = grid(header, rows).map((r) => [...r].reverse());
    const out = withResults('sync', values, [result('NEWCO⇄', 'failed', 'CRM indisponible')], 'fr');
    expect(out.status.column).toBe(header.length - 1 - col('sync', 'status'));
    expect(out.status.values[2]).toBe('Échec');
  });

  it('names a missing result column', () => {
    const { header, rows } = toRows('sync', pendingRows(), 'fr');
    const values = grid(header, rows).map((r) => r.slice(0, col('sync', 'message')));
    expect(() => withResults('sync', values, [], 'fr')).toThrow(SheetLayoutError);
    expect(() => withResults('sync', values, [], 'fr')).toThrow('« Message »');
  });
});
