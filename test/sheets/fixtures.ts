/** A small pull with one row of each kind, shared by the sheet-model and xlsx tests. */
import type { CustomFieldSetting } from '../../src/contract/customFields';
import type { PendingRow, RowResult } from '../../src/contract/pending';
import type { AssociationView, JournalLine } from '../../src/contract/views';
import { type CellValue, type ColumnId, type SheetId, columnsOf } from '../../src/sheets';

/** Text that a careless writer would turn into a formula, a number or a date. */
export const FORMULA_LIKE = ['=HYPERLINK("http://x")', '+32 2 123', '-5', '@SUM(A1)', '0042', '1/2/2026', 'TRUE'];

export const pendingRows = (): PendingRow[] => [
  {
    key: 'DUPONT⇄41',
    version: 'v1-dupont',
    kind: 'update',
    bobId: 'DUPONT',
    crmId: '41',
    name: 'Dupont & Fils',
    vat: 'BE0123456749',
    changes: [
      { field: 'city', base: 'Liège', bob: 'Luik', crm: 'Liège', status: 'bob>crm', proposed: 'bob>crm' },
      { field: 'phone', base: '+32 4 111', bob: '+32 4 222', crm: '+32 4 333', status: 'conflict', proposed: 'bob>crm' },
      { field: 'cf.Secteur', base: 'Bois', bob: 'Métal', crm: 'Verre', status: 'conflict', proposed: 'bob>crm' },
    ],
    blockedReason: '',
  },
  {
    key: 'MARTIN⇄57',
    version: 'v1-martin',
    kind: 'update',
    bobId: 'MARTIN',
    crmId: '57',
    name: '=HYPERLINK("http://x")',
    vat: 'BE0987654321',
    changes: [{ field: 'email', base: 'a@x.be', bob: 'a@x.be', crm: 'b@x.be', status: 'crm>bob', proposed: 'crm>bob' }],
    blockedReason: '',
  },
  {
    key: 'NEWCO⇄',
    version: 'v1-newco',
    kind: 'create_crm',
    bobId: 'NEWCO',
    crmId: null,
    name: '+32 2 123',
    vat: 'BE0444555666',
    changes: [{ field: 'name', base: null, bob: '+32 2 123', crm: null, status: 'bob>crm', proposed: 'bob>crm' }],
    blockedReason: '',
  },
  {
    key: '⇄88',
    version: 'v1-crm88',
    kind: 'create_bob',
    bobId: null,
    crmId: '88',
    name: '-5',
    vat: 'BE0555666777',
    changes: [],
    blockedReason: '',
  },
  {
    key: 'TWIN⇄',
    version: 'v1-twin',
    kind: 'duplicate',
    bobId: 'TWIN',
    crmId: null,
    name: '@SUM(A1)',
    vat: 'BE0111222333',
    changes: [{ field: 'website', base: 'x.be', bob: 'y.be', crm: 'y.be', status: 'converged', proposed: null }],
    blockedReason: 'Plusieurs sociétés CRM portent ce numéro de TVA : 61, 62.',
  },
];

export const associations = (): AssociationView[] => [
  {
    key: 'DUPONT⇄41',
    bobId: 'DUPONT',
    crmId: '41',
    name: 'Dupont & Fils',
    vat: 'BE0123456749',
    state: 'associated',
    bobIneligible: [],
    crmIneligible: [],
    never: false,
    neverReason: '',
    neverBy: '',
    neverAt: '',
    lastSyncAt: '2026-01-05T10:00:00Z',
  },
  {
    key: 'OLD⇄',
    bobId: 'OLD',
    crmId: null,
    name: 'Ancienne SA',
    vat: '',
    state: 'bob_only',
    bobIneligible: ['no_vat', 'not_customer'],
    crmIneligible: [],
    never: true,
    neverReason: 'Fermée',
    neverBy: 'marie',
    neverAt: '2026-01-02T09:00:00Z',
    lastSyncAt: '',
  },
];

export const customFields = (): CustomFieldSetting[] => [
  {
    bobField: 'Secteur',
    crmField: 'comp_secteur',
    type: 'string',
    selected: true,
    maxLength: 40,
    transform: 'upper',
    condition: 'not_empty',
    conditionValue: '',
  },
  {
    bobField: 'Effectif',
    crmField: 'comp_effectif',
    type: 'number',
    selected: false,
    maxLength: null,
    transform: 'none',
    condition: 'always',
    conditionValue: '',
  },
];

export const journal = (): JournalLine[] => [
  {
    runId: 'run-1',
    at: '2026-02-01T08:00:00Z',
    user: 'marie',
    backupId: 'bk-1',
    key: 'DUPONT⇄41',
    bobId: 'DUPONT',
    crmId: '41',
    field: 'city',
    direction: 'bob>crm',
    before: 'Liège',
    after: 'Luik',
    status: 'applied',
    message: '',
  },
];

export const PULL_ID = 'pull-2026-02-01-a';

/** A sheet as a host reads it: header plus rows, copied so tests may edit cells freely. */
export const grid = (header: string[], rows: CellValue[][]): CellValue[][] => [[...header], ...rows.map((r) => [...r])];

/** 0-based index of a column in the written layout. */
export const col = <S extends SheetId>(sheet: S, id: ColumnId<S>): number => columnsOf(sheet).findIndex((c) => c.id === id);

/** A row's result as an apply reports it, with nothing written. */
export const result = (key: string, status: RowResult['status'], message = ''): RowResult => ({
  key,
  status,
  message,
  bobId: null,
  crmId: null,
  written: [],
});
