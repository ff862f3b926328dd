/** =BOBSYNC.TVA(valeur): a VAT number as the sync matches it, or why it is not one. */
import { type Locale, stringsFor } from '../sheets';
import { normaliseVat } from '../sync/domain/vat';

export type VatCheck = { ok: true; vat: string } | { ok: false; message: string };

/** Numbers are taken as typed: a Belgian number without its prefix is not guessed. */
export const checkVat = (value: unknown, locale: Locale): VatCheck => {
  const text = value === null || value === undefined ? '' : String(value).trim();
  const result = normaliseVat(text);
  if (result.ok) return { ok: true, vat: result.vat };
  return { ok: false, message: stringsFor(locale).addin.functions.vat[result.code]({ value: text }) };
};
