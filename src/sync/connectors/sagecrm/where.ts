/**
 * The `where=` clauses the client sends. Sage CRM's REST filters cannot test a check box or a
 * null, so only text, number and date comparisons can be built here; BobSync, type and deletion
 * are judged on the client, on records read by a date- or id-bounded query.
 */

/** A where-clause literal: quotes doubled, as in SQL. */
const literal = (value: string | number): string =>
  typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;

export type Operator = 'eq' | 'gt' | 'ge';

export const compare = (field: string, op: Operator, value: string | number): string =>
  `${field} ${op} ${literal(value)}`;

export const and = (...clauses: string[]): string => clauses.map((c) => `(${c})`).join(' and ');
export const or = (...clauses: string[]): string => clauses.map((c) => `(${c})`).join(' or ');
