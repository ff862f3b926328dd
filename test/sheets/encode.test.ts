import type { PendingRow } from '../../src/contract/pending';
import { columnsOf, header, stringsFor, toRows } from '../../src/sheets';
import { FORMULA_LIKE, associations, customFields, journal, pendingRows } from './fixtures';

describe('column specs', () => {
  it('hides only the key and version columns and lets the reviewer edit only the decision columns', () => {
    const look = (sheet: Parameters<typeof columnsOf>[0]) =>
      columnsOf(sheet).map((c) => `${c.header.fr}${c.hidden ? ' (masquée)' : ''}${c.editable ? ' ✎' : ''}`);
    expect(look('sync')).toEqual([
      'Clé (masquée)',
      'Version (masquée)',
      'Code BOB',
      'ID CRM',
      'Nom',
      'TVA',
      'Type',
      'Sens',
      'Champs',
      'Conflits',
      'Bloqué',
      'Jamais sync. ✎',
      'Pas cette fois ✎',
      'Motif ✎',
      'Statut',
      'Message',
    ]);
    expect(look('details').filter((h) => h.endsWith('✎'))).toEqual(['Sens choisi ✎']);
    expect(look('associations').filter((h) => h.endsWith('✎'))).toEqual(['Jamais sync. ✎', 'Motif ✎']);
    expect(look('customFields').filter((h) => h.endsWith('✎'))).toEqual([
      'Sél. ✎',
      'Longueur max ✎',
      'Transformation ✎',
      'Condition ✎',
      'Valeur ✎',
    ]);
    expect(columnsOf('journal').some((c) => c.editable || c.hidden)).toBe(false);
  });

  it('types flags as flags and the drop-down columns as choices', () => {
    const kinds = (sheet: Parameters<typeof columnsOf>[0]) =>
      Object.fromEntries(columnsOf(sheet).filter((c) => c.kind !== 'text').map((c) => [c.id, c.kind]));
    expect(kinds('sync')).toEqual({ fields: 'number', conflicts: 'number', never: 'flag', skip: 'flag' });
    expect(kinds('details')).toEqual({ chosen: 'choice' });
    expect(kinds('customFields')).toEqual({ selected: 'flag', maxLength: 'number', transform: 'choice', condition: 'choice' });
  });
});

describe('toRows', () => {
  it('writes one Synchronisation row per pending row, in words', () => {
    const { header: head, rows } = toRows('sync', pendingRows(), 'fr');
    expect(head).toEqual(header('sync', 'fr'));
    expect(rows[0]).toEqual([
      'DUPONT⇄41',
      'v1-dupont',
      'DUPONT',
      '41',
      'Dupont & Fils',
      'BE0123456749',
      'Mise à jour',
      'BOB → CRM',
      3,
      2,
      '',
      false,
      false,
      '',
      null,
      null,
    ]);
    expect(rows.map((r) => [r[6], r[7]])).toEqual([
      ['Mise à jour', 'BOB → CRM'],
      ['Mise à jour', 'CRM → BOB'],
      ['Création dans CRM', 'BOB → CRM'],
      ['Création dans BOB', 'CRM → BOB'],
      ['Doublon', '—'],
    ]);
    expect(rows[4][10]).toBe('Plusieurs sociétés CRM portent ce numéro de TVA : 61, 62.');
  });

  it('says "les deux" when data travels both ways', () => {
    const [row] = pendingRows();
    row.changes.push({ field: 'email', base: 'a', bob: 'a', crm: 'b', status: 'crm>bob', proposed: 'crm>bob' });
    expect(toRows('sync', [row], 'fr').rows[0][7]).toBe('les deux');
    expect(toRows('sync', [row], 'nl').rows[0][7]).toBe('beide');
  });

  it('writes one Détails row per changed field, conflicts highlighted, custom fields by their BOB name', () => {
    const { rows, highlighted } = toRows('details', pendingRows(), 'fr');
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => [r[4], r[8], r[9]])).toEqual([
      ['Localité', 'BOB → CRM', 'BOB → CRM'],
      ['Téléphone', 'Conflit', 'BOB → CRM'],
      ['Secteur', 'Conflit', 'BOB → CRM'],
      ['E-mail', 'CRM → BOB', 'CRM → BOB'],
      ['Nom', 'BOB → CRM', 'BOB → CRM'],
      ['Site web', 'Convergé', '—'],
    ]);
    expect(highlighted).toEqual([false, true, true, false, false, false]);
    expect(rows[4].slice(5, 8)).toEqual([null, '+32 2 123', null]);
  });

  it('keeps values from BOB and CRM as the exact strings they were', () => {
    const rows = pendingRows().map((r, i) => ({ ...r, name: FORMULA_LIKE[i] }));
    const out = toRows('sync', rows, 'fr').rows;
    out.forEach((r, i) => expect(r[4]).toBe(FORMULA_LIKE[i]));
  });

  it('writes the associations with reasons in words', () => {
    const { rows } = toRows('associations', associations(), 'fr');
    expect(rows[1]).toEqual([
      'OLD⇄',
      'OLD',
      null,
      'Ancienne SA',
      '',
      'BOB seulement',
      'sans n° de TVA, pas un client',
      '',
      true,
      'Fermée',
      'marie',
      '2026-01-02T09:00:00Z',
      '',
    ]);
  });

  it('writes the custom fields with their choices in words', () => {
    expect(toRows('customFields', customFields(), 'en').rows[0]).toEqual([
      'Secteur',
      'Secteur',
      'comp_secteur',
      'Text',
      true,
      40,
      'UPPER CASE',
      'if not empty',
      '',
    ]);
  });

  it('writes the journal in the chosen locale', () => {
    const { header: head, rows } = toRows('journal', journal(), 'nl');
    expect(head[0]).toBe('Run');
    expect(rows[0].slice(7)).toEqual(['Gemeente', 'Liège', 'Luik', 'BOB → CRM', 'Toegepast', '']);
  });
});

describe('the Bloqué column', () => {
  const blockedRow = (kind: 'duplicate' | 'removed', blocked: NonNullable<PendingRow['blocked']>): PendingRow => ({
    key: 'C1⇄',
    version: 'v',
    kind,
    bobId: 'C1',
    crmId: null,
    name: 'Café Hénin',
    vat: 'BE0411905847',
    changes: [],
    blockedReason: 'English text for logs',
    blocked,
  });
  const blockedCell = (row: PendingRow, locale: 'fr' | 'nl' | 'en') => {
    const { header, rows } = toRows('sync', [row], locale);
    return rows[0][header.indexOf(stringsFor(locale).columns.sync.blocked)];
  };

  it('says why a duplicate is blocked in the sheet’s language', () => {
    const row = blockedRow('duplicate', { others: ['BOB C2', 'CRM 7'], more: 3, bob: [], crm: [] });
    expect(blockedCell(row, 'fr')).toBe('Le n° de TVA BE0411905847 est aussi celui de BOB C2, CRM 7 et de 3 autre(s).');
    expect(blockedCell(row, 'nl')).toBe('Btw-nummer BE0411905847 is ook dat van BOB C2, CRM 7 en van 3 andere(n).');
  });

  it('says why a removed customer is blocked, side by side', () => {
    const row = blockedRow('removed', { others: [], more: 0, bob: [], crm: ['deleted', 'bobsync_off'] });
    expect(blockedCell(row, 'fr')).toBe('CRM : supprimé, BobSync non coché');
  });

  it('keeps the English text of rows pulled before the reasons had codes', () => {
    const { blocked: _none, ...older } = blockedRow('removed', { others: [], more: 0, bob: ['missing'], crm: [] });
    expect(blockedCell(older, 'fr')).toBe('English text for logs');
  });
});
