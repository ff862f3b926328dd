import { cidCandidate, cidStem } from '../../../../src/sync/connectors/bob50/cidCodes';

describe('third-party codes', () => {
  it('takes upper-case letters and digits of the name, without accents or legal form', () => {
    expect(cidStem('Dupont SA', 10)).toBe('DUPONT');
    expect(cidStem('Boulangerie Lefèvre S.P.R.L.', 10)).toBe('BOULANGERI');
    expect(cidStem('Çà et là BV', 10)).toBe('CAETLA');
    expect(cidStem("Brasserie de l'Œil", 10)).toBe('BRASSERIED');
    expect(cidStem('Müller & Söhne', 10)).toBe('MULLERSOHN');
  });

  it('keeps a name made only of a legal form, and falls back when nothing is left', () => {
    expect(cidStem('NV', 10)).toBe('NV');
    expect(cidStem('— ° —', 10)).toBe('TIERS');
  });

  it('numbers further candidates within the width', () => {
    expect([0, 1, 2].map((n) => cidCandidate('DUPONT', n, 10))).toEqual(['DUPONT', 'DUPONT1', 'DUPONT2']);
    expect(cidCandidate('BOULANGERI', 1, 10)).toBe('BOULANGER1');
    expect(cidCandidate('BOULANGERI', 12, 10)).toBe('BOULANGE12');
  });
});
