/** The three-way diff of DESIGN.md ("Sync semantics"), one field at a time. */
import type { Direction, FieldChange } from '../../contract/pending';
import type { FieldKey, Side, Values } from './customer';

const towards = (side: Side): Direction => (side === 'bob' ? 'bob>crm' : 'crm>bob');

/**
 * `base` null means the pair was never synchronised (first match by VAT): with no merge base,
 * a value present on one side only travels to the other, and two different values conflict.
 * A field absent from a non-null base was empty then (e.g. a custom field selected since).
 */
export function diffFields(
  base: Values | null,
  bob: Values,
  crm: Values,
  fields: FieldKey[],
  policy: Side,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = bob[field] ?? '';
    const c = crm[field] ?? '';
    const B = base === null ? null : (base[field] ?? '');
    const status = fieldStatus(B, b, c);
    if (status === null) continue;
    const proposed = status === 'conflict' ? towards(policy) : status === 'converged' ? null : status;
    changes.push({ field, base: B, bob: b, crm: c, status, proposed });
  }
  return changes;
}

function fieldStatus(B: string | null, b: string, c: string): FieldChange['status'] | null {
  if (B === null) {
    if (b === c) return null;
    if (c === '') return 'bob>crm';
    if (b === '') return 'crm>bob';
    return 'conflict';
  }
  if (b === B && c === B) return null;
  if (c === B) return 'bob>crm';
  if (b === B) return 'crm>bob';
  return b === c ? 'converged' : 'conflict';
}
