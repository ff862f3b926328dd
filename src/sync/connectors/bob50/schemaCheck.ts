/**
 * Checks at open that the dossier has every table and column the mapping names, so that a wrong
 * mapping fails at once with the key to fix instead of midway through a synchronisation.
 */
import { mappedColumns, type BobMapping } from './mapping';

/** The columns of a table, or null when the table does not exist. Supplied by each driver. */
export type ColumnLister = (table: string) => readonly string[] | null;

export class BobSchemaError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`BOB 50 dossier ${source} does not match the mapping:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BobSchemaError';
  }
}

interface TableNeed {
  table: string;
  tableKey: string;
  columns: Array<{ column: string; key: string }>;
}

function needs(mapping: BobMapping): TableNeed[] {
  const { definitions, values } = mapping.customFields;
  const keyed = (prefix: string, entries: Record<string, string>, skip: string) =>
    Object.entries(entries)
      .filter(([key]) => key !== skip)
      .map(([key, column]) => ({ column, key: `${prefix}.${key}` }));
  return [
    {
      table: mapping.table,
      tableKey: 'table',
      columns: mappedColumns(mapping).map(({ key, column }) => ({ column, key: `columns.${key}` })),
    },
    {
      table: definitions.table,
      tableKey: 'customFields.definitions.table',
      columns: keyed('customFields.definitions', definitions, 'table'),
    },
    {
      table: values.table,
      tableKey: 'customFields.values.table',
      columns: keyed('customFields.values', values, 'table'),
    },
  ];
}

/** Every missing table or column, each with the mapping key that names it. */
function bobSchemaProblems(mapping: BobMapping, listColumns: ColumnLister): string[] {
  const problems: string[] = [];
  for (const need of needs(mapping)) {
    const present = listColumns(need.table);
    if (present === null) {
      problems.push(`table ${need.table} not found (mapping key ${need.tableKey})`);
      continue;
    }
    // Both SQLite and MySQL compare column names without regard to case.
    const upper = new Set(present.map((column) => column.toUpperCase()));
    for (const { column, key } of need.columns) {
      if (!upper.has(column.toUpperCase())) {
        problems.push(`column ${column} not found in table ${need.table} (mapping key ${key})`);
      }
    }
  }
  return problems;
}

export function assertBobSchema(mapping: BobMapping, listColumns: ColumnLister, source: string): void {
  const problems = bobSchemaProblems(mapping, listColumns);
  if (problems.length > 0) throw new BobSchemaError(source, problems);
}
