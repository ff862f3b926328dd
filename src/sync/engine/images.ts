import type { Values } from '../domain/customer';
import { normaliseVat } from '../domain/vat';

/**
 * How a stored value is compared with a journal image. Systems keep the text we wrote, give or
 * take surrounding blanks; a VAT number may come back in another written form of the same number.
 */
function sameStored(field: string, stored: string, expected: string): boolean {
  const a = stored.trim();
  const b = expected.trim();
  if (a === b) return true;
  if (field !== 'vat') return false;
  const na = normaliseVat(a);
  const nb = normaliseVat(b);
  return na.ok && nb.ok && na.vat === nb.vat;
}

/** The fields of `image` that `current` does not hold. */
export function movedFrom(current: Values, image: Values): Array<keyof Values> {
  return (Object.keys(image) as Array<keyof Values>).filter(
    (field) => !sameStored(field, current[field] ?? '', image[field] ?? ''),
  );
}

/** True when `current` holds every field of `image`. */
export const holds = (current: Values, image: Values): boolean => movedFrom(current, image).length === 0;
