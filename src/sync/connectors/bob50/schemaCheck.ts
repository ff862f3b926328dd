/**
 * Checks at open that the dossier has every table and column the mapping names, each holding
 * text where text is expected, so that a wrong mapping or an unexpected schema fails at once
 * with the key to fix instead of midway through a synchronisation. What it learns of the
 * third-party columns (width, character set) is what writes are checked against.
 */
import { mappedColumns, type BobMapping, type ColumnKey } from './mapping';

/** A column as the database declares it. */
export interface ColumnInfo {
  name: string;
  /** The base type in lower case: `varchar`, `char`, `text`, `int`... */
  type: string;
  /** Declared width in characters, when the type has one. */
  width?: number;
  /** The column's character set (MySQL), absent where every character is stored (SQLite). */
  charset?: string;
}

/**
 * The columns of a table, or null when the table does not exist. Supplied by each driver; an
 * asynchronous driver reads the `schemaTables` first.
 */
export type ColumnLister = (table: string) => readonly ColumnInfo[] | null;

export class BobSchemaError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`BOB 50 dossier ${source} does not match the mapping:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BobSchemaError';
  }
}

/** What writes to a third-party column must respect. */
export interface ColumnLimit {
  column: string;
  width: number;
  charset?: string;
}

export interface BobSchemaFacts {
  /** By mapping key, for every mapped column of the third-party table. */
  columns: Map<ColumnKey, ColumnLimit>;
  /** Character set of the custom values column. */
  customValueCharset?: string;
}

const TEXT_TYPES = new Set([
  'char', 'varchar', 'text', 'tinytext', 'mediumtext', 'longtext', 'nchar', 'nvarchar', 'character',
  'character varying', 'varying character', 'native character', 'clob',
]);

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

/** Keys whose columns hold numbers; every other mapped column must hold text. */
const NUMERIC_KEYS = new Set(['customFields.definitions.length']);

/** The tables the mapping names. */
export const schemaTables = (mapping: BobMapping): string[] => needs(mapping).map((need) => need.table);

/**
 * Every missing table or column and every column of an unexpected type, each with the mapping
 * key that names it, as a BobSchemaError; or, when there is none, the limits of the
 * third-party columns.
 */
export function inspectBobSchema(mapping: BobMapping, listColumns: ColumnLister, source: string): BobSchemaFacts {
  const problems: string[] = [];
  const found = new Map<string, ColumnInfo>();
  for (const need of needs(mapping)) {
    const present = listColumns(need.table);
    if (present === null) {
      problems.push(`table ${need.table} not found (mapping key ${need.tableKey})`);
      continue;
    }
    // Both SQLite and MySQL compare column names without regard to case.
    const byName = new Map(present.map((info) => [info.name.toUpperCase(), info]));
    for (const { column, key } of need.columns) {
      const info = byName.get(column.toUpperCase());
      if (info === undefined) {
        problems.push(`column ${column} not found in table ${need.table} (mapping key ${key})`);
      } else if (!NUMERIC_KEYS.has(key) && info.type !== '' && !TEXT_TYPES.has(info.type)) {
        problems.push(`column ${column} of table ${need.table} is ${info.type}, not text (mapping key ${key})`);
      } else {
        found.set(`${need.tableKey}:${key}`, info);
      }
    }
  }
  if (problems.length > 0) throw new BobSchemaError(source, problems);
  const columns = new Map<ColumnKey, ColumnLimit>();
  for (const { key, column } of mappedColumns(mapping)) {
    const info = found.get(`table:columns.${key}`);
    // A declared width is what the database really takes; the mapping's is BOB's documented one.
    columns.set(key, { column, width: info?.width ?? mapping.widths[key], charset: info?.charset });
  }
  return { columns, customValueCharset: found.get('customFields.values.table:customFields.values.value')?.charset };
}
