import { localeOf } from '../../src/taskpane/locale';

describe('the pane’s language', () => {
  it('follows Office in Dutch and English, and is French otherwise', () => {
    expect(localeOf('nl-BE')).toBe('nl');
    expect(localeOf('nl-NL')).toBe('nl');
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('fr-BE')).toBe('fr');
    expect(localeOf('de-DE')).toBe('fr');
    expect(localeOf(undefined)).toBe('fr');
  });
});
