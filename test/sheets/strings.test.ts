import { COLUMN_IDS, LOCALES, SHEET_IDS, STRINGS, columnOfHeader, sheetOfName } from '../../src/sheets';

describe('strings', () => {
  it('names each sheet unambiguously in every locale', () => {
    for (const sheet of SHEET_IDS) {
      for (const locale of LOCALES) expect(sheetOfName(STRINGS[locale].sheets[sheet])).toBe(sheet);
    }
    expect(sheetOfName(' champs  PERSONNALISÉS ')).toBe('customFields');
    expect(sheetOfName('Feuil1')).toBeUndefined();
  });

  it('finds every header of every locale back to its column', () => {
    for (const sheet of SHEET_IDS) {
      for (const locale of LOCALES) {
        const ids = COLUMN_IDS[sheet] as readonly string[];
        const headers = STRINGS[locale].columns[sheet] as Record<string, string>;
        for (const id of ids) expect(columnOfHeader(sheet, headers[id])).toBe(id);
      }
    }
  });

  it('spells the French sheets as the design says', () => {
    const fr = STRINGS.fr;
    expect(Object.values(fr.sheets)).toEqual([
      'Synchronisation',
      'Détails',
      'Associations',
      'Champs personnalisés',
      'Journal',
    ]);
    expect(fr.columns.sync.never).toBe('Jamais sync.');
    expect(fr.columns.sync.skip).toBe('Pas cette fois');
    expect(fr.columns.details.chosen).toBe('Sens choisi');
    expect(fr.columns.customFields.selected).toBe('Sél.');
  });

  it('documents the accepted flag words in each locale', () => {
    for (const locale of LOCALES) {
      const help = STRINGS[locale].flagHelp.toLowerCase();
      for (const word of ['x', 'oui', 'non', 'ja', 'nee', 'yes', 'no', 'vrai', 'faux', 'waar', 'onwaar', 'true', 'false']) {
        expect(help).toContain(word);
      }
    }
  });
});
