/**
 * The sheets and their columns, in the order they appear in the workbook. Everything else
 * (headers, kinds, encoders, decoders) is keyed by these ids, so the order lives here only.
 */

export const SHEET_IDS = ['sync', 'details', 'associations', 'customFields', 'journal'] as const;
export type SheetId = (typeof SHEET_IDS)[number];

export const COLUMN_IDS = {
  sync: [
    'key',
    'version',
    'bobId',
    'crmId',
    'name',
    'vat',
    'kind',
    'direction',
    'fields',
    'conflicts',
    'blocked',
    'never',
    'skip',
    'reason',
    'status',
    'message',
  ],
  details: ['key', 'bobId', 'crmId', 'name', 'field', 'base', 'bob', 'crm', 'state', 'proposed', 'chosen', 'status'],
  associations: [
    'key',
    'bobId',
    'crmId',
    'name',
    'vat',
    'state',
    'bobIneligible',
    'crmIneligible',
    'never',
    'reason',
    'by',
    'at',
    'lastSync',
  ],
  customFields: ['key', 'bobField', 'crmField', 'type', 'selected', 'maxLength', 'transform', 'condition', 'value'],
  journal: [
    'run',
    'at',
    'user',
    'backup',
    'key',
    'bobId',
    'crmId',
    'field',
    'before',
    'after',
    'direction',
    'status',
    'message',
  ],
} as const satisfies Record<SheetId, readonly string[]>;

export type ColumnId<S extends SheetId> = (typeof COLUMN_IDS)[S][number];
