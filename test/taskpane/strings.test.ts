import { LOCALES, STRINGS } from '../../src/sheets';

describe('the task pane’s words', () => {
  it('spells the French steps as Sage’s procedure does', () => {
    const s = STRINGS.fr.addin;
    expect([s.backup.button, s.pull.button, s.check.button, s.sync.confirm, s.sync.button, s.journal.button]).toEqual([
      'Créer une sauvegarde',
      'Récupérer les modifications',
      'Vérifier',
      'Les informations de synchronisation sont correctes',
      'Synchroniser',
      'Exporter le journal',
    ]);
  });

  it('has a word for every phase of a run the engine reports, in every language', () => {
    for (const locale of LOCALES) expect(Object.keys(STRINGS[locale].addin.sync.phases).sort()).toEqual(['apply', 'reread']);
  });

  it('writes summaries with each language’s punctuation', () => {
    expect(STRINGS.fr.addin.countOf({ label: 'Appliqué', count: '27' })).toBe('Appliqué : 27');
    expect(STRINGS.nl.addin.countOf({ label: 'Toegepast', count: '27' })).toBe('Toegepast: 27');
    expect(STRINGS.en.addin.countOf({ label: 'Applied', count: '27' })).toBe('Applied: 27');
  });
});
