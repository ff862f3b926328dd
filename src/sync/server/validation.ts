/**
 * Requests are checked with the contract's zod schemas. A failure lists each wrong value with
 * the row key it belongs to (the `key` of the nearest enclosing item that has one, such as a
 * decision) and the field's path, e.g. `decisions[3].never`.
 */
import type { z } from 'zod';
import type { Problem } from '../../contract/pending';
import { HttpProblem } from './problems';

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, part: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue): Problem[] => {
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return fields.map((path) => ({
      key: rowKeyAt(value, path),
      field: fieldName(part, path),
      code: issue.code === 'unrecognized_keys' ? 'unknown_field' : `invalid_${issue.code}`,
      message: issue.code === 'unrecognized_keys' ? 'this field is not part of the request' : issue.message,
    }));
  });
  throw new HttpProblem(400, 'invalid_request', `The request ${part} is not valid: ${problems.length} problem(s).`, { problems });
}

function fieldName(part: string, path: PropertyKey[]): string {
  const name = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  return name === '' ? part : name;
}

/** The `key` of the deepest object along `path` that has a string key. */
function rowKeyAt(root: unknown, path: PropertyKey[]): string | null {
  let key: string | null = null;
  let node = root;
  for (const step of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[step];
    if (node !== null && typeof node === 'object' && typeof (node as { key?: unknown }).key === 'string') key = (node as { key: string }).key;
  }
  return key;
}
