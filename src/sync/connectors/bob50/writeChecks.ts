/**
 * Checks every value of a write against what BOB can hold before anything is written: a value
 * longer than its column, or with characters the column's character set cannot store, is an
 * error naming the third party and the column. Only the columns the mapping lists under
 * `cutToWidth` (the String rule for BOB's own columns) are cut to width instead; custom fields
 * are shaped by their own String rule before they reach the connector.
 */
import type { Values } from '../../domain/customer';
import type { CustomFieldDef } from '../../domain/ports';
import { unstorableCharacters } from './charsets';
import type { BobMapping } from './mapping';
import { columnWrites, type ColumnWrites } from './records';
import type { BobSchemaFacts, ColumnLimit } from './schemaCheck';

export class BobWriteError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `BOB 50 cannot store these values:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BobWriteError';
  }
}

export interface WriteRules {
  /** By column name in upper case. */
  columns: Map<string, ColumnLimit & { cut: boolean }>;
  customValueCharset?: string;
  customValueTable: string;
}

export function writeRules(mapping: BobMapping, facts: BobSchemaFacts): WriteRules {
  const cut = new Set<string>(mapping.cutToWidth);
  const columns = new Map<string, ColumnLimit & { cut: boolean }>();
  for (const [key, limit] of facts.columns) columns.set(limit.column.toUpperCase(), { ...limit, cut: cut.has(key) });
  return { columns, customValueCharset: facts.customValueCharset, customValueTable: mapping.customFields.values.table };
}

const length = (value: string): number => [...value].length;
const cutTo = (value: string, width: number): string => [...value].slice(0, width).join('');
const shown = (chars: string[]): string => chars.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');

/**
 * The writes of each row as they will be stored (cut where the mapping allows it), or a
 * BobWriteError listing every value that does not fit, row by row.
 */
export function checkWrites<T extends { cid: string; writes: ColumnWrites }>(
  rows: readonly T[],
  rules: WriteRules,
  customDefs: ReadonlyMap<string, CustomFieldDef>,
): T[] {
  const problems: string[] = [];
  const checked = rows.map((row) => {
    const columns = row.writes.columns.map(([column, value]): [string, string] => {
      const limit = rules.columns.get(column.toUpperCase());
      if (limit === undefined) return [column, value];
      let stored = value;
      if (length(value) > limit.width) {
        if (limit.cut) stored = cutTo(value, limit.width);
        else problems.push(`third party ${row.cid}: ${column} holds at most ${limit.width} characters; the value has ${length(value)} ("${value}")`);
      }
      const bad = unstorableCharacters(stored, limit.charset);
      if (bad.length > 0) problems.push(`third party ${row.cid}: ${column} is stored in ${limit.charset}, which cannot hold ${shown(bad)}`);
      return [column, stored];
    });
    for (const [name, value] of row.writes.custom) {
      const def = customDefs.get(name);
      if (def?.type === 'string' && def.length !== undefined && length(value) > def.length) {
        problems.push(`third party ${row.cid}: custom field ${name} holds at most ${def.length} characters; the value has ${length(value)} ("${value}")`);
      }
      const bad = unstorableCharacters(value, rules.customValueCharset);
      if (bad.length > 0) {
        problems.push(`third party ${row.cid}: custom field ${name} is stored in ${rules.customValueCharset} (${rules.customValueTable}), which cannot hold ${shown(bad)}`);
      }
    }
    return { ...row, writes: { columns, custom: row.writes.custom } };
  });
  if (problems.length > 0) throw new BobWriteError(problems);
  return checked;
}

export interface RowWrites {
  cid: string;
  writes: ColumnWrites;
}

/**
 * Where each row's values go and in what form, every row checked before the first is written:
 * unknown fields, custom fields BOB does not define, and values BOB cannot hold are errors.
 */
export function prepareWrites(
  rows: ReadonlyArray<{ cid: string; values: Values }>,
  mapping: BobMapping,
  rules: WriteRules,
  customDefs: readonly CustomFieldDef[],
): RowWrites[] {
  const defs = new Map(customDefs.map((def) => [def.name, def]));
  const planned = rows.map(({ cid, values }) => {
    const writes = columnWrites(values, mapping);
    for (const [name] of writes.custom) {
      if (!defs.has(name)) {
        throw new Error(`Custom field ${name} is not defined in ${mapping.customFields.definitions.table} (third party ${cid})`);
      }
    }
    return { cid, writes };
  });
  return checkWrites(planned, rules, defs);
}
