import { checkVat } from '../../src/functions/vat';

describe('=BOBSYNC.TVA', () => {
  it('normalises a VAT number however it is written', () => {
    expect(checkVat('BE 0411.905.847', 'fr')).toEqual({ ok: true, vat: 'BE0411905847' });
    expect(checkVat(' be0411905847 ', 'fr')).toEqual({ ok: true, vat: 'BE0411905847' });
  });

  it('says why a value is not a VAT number, in the reviewer’s language', () => {
    expect(checkVat('BE0411905848', 'fr')).toEqual({ ok: false, message: '« BE0411905848 » : le chiffre de contrôle est faux.' });
    expect(checkVat('0411905847', 'nl')).toEqual({ ok: false, message: '‘0411905847’ begint niet met een landcode van de EU (BE, FR, NL…).' });
    expect(checkVat(411905847, 'en')).toEqual({ ok: false, message: '“411905847” does not start with an EU country code (BE, FR, NL…).' });
    expect(checkVat(null, 'fr')).toEqual({ ok: false, message: 'Aucun n° de TVA.' });
    expect(checkVat('US123', 'fr').ok).toBe(false);
  });
});
