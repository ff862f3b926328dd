/** Words the sheets show for contract values. */
import type { Direction, PendingRow } from '../contract/pending';
import { CANONICAL_FIELDS, type CanonicalField, customFieldName, isCustomFieldKey } from '../sync/domain/customer';
import { type Locale, stringsFor } from './strings';

const isCanonical = (field: string): field is CanonicalField => (CANONICAL_FIELDS as readonly string[]).includes(field);

/** A field as the reviewer knows it: canonical fields by their label, custom fields by their BOB name. */
export const fieldLabel = (field: string, locale: Locale): string => {
  if (isCanonical(field)) return stringsFor(locale).fields[field];
  if (isCustomFieldKey(field)) return customFieldName(field);
  return field;
};

export type RowDirection = Direction | 'both' | 'none';

/**
 * Which way data travels for a row: the directions of its changes (a conflict counts with its
 * proposed direction), plus the direction a creation implies even when it lists no field.
 */
export const rowDirection = (row: PendingRow): RowDirection => {
  const ways = new Set<Direction>();
  if (row.kind === 'create_crm') ways.add('bob>crm');
  if (row.kind === 'create_bob') ways.add('crm>bob');
  for (const change of row.changes) {
    if (change.status === 'bob>crm' || change.status === 'crm>bob') ways.add(change.status);
    else if (change.status === 'conflict' && change.proposed) ways.add(change.proposed);
  }
  if (ways.size === 2) return 'both';
  const [only] = ways;
  return only ?? 'none';
};

export const directionWord = (direction: RowDirection | null, locale: Locale): string =>
  stringsFor(locale).directions[direction ?? 'none'];
