/**
 * The `where=` filter of the Sage CRM REST API, turned into parameterised SQL.
 *
 *   filter     := or
 *   or         := and ('or' and)*
 *   and        := primary ('and' primary)*
 *   primary    := '(' or ')' | field op value
 *   op         := eq | ne | gt | ge | lt | le | like      (like takes % wildcards)
 *   value      := 'text' ('' escapes a quote) | number
 *
 * `and` binds tighter than `or`, as in SQL. Date fields compare as instants, so any ISO 8601
 * form of a moment works. Text compares without regard to case, as on SQL Server's default
 * collation under a CRM database (assumed). As in the real API, there is no null literal, and filters on check
 * boxes are refused: integrations filter those on the client.
 */
import { isText, type SimFieldDef, type SqlValue } from './catalogue';
import { SimInputError } from './errors';

export interface SqlFilter {
  sql: string;
  params: SqlValue[];
}

const OPERATORS = new Map([
  ['eq', '='],
  ['ne', '<>'],
  ['gt', '>'],
  ['ge', '>='],
  ['lt', '<'],
  ['le', '<='],
  ['like', 'LIKE'],
]);

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'open' | 'close'; at: number };

export function parseWhere(where: string, fields: ReadonlyMap<string, SimFieldDef>): SqlFilter {
  const parser = new WhereParser(tokenize(where), where.length, fields);
  const filter = parser.parseOr();
  parser.expectEnd();
  return filter;
}

function fail(message: string, at: number): never {
  throw new SimInputError(`Invalid where clause at position ${at + 1}: ${message}`, 'BadWhere');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'open' : 'close', at: i });
      i++;
    } else if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted value', start);
        if (text[i] === "'") {
          if (text[i + 1] !== "'") break;
          value += "'";
          i += 2;
        } else {
          value += text[i++];
        }
      }
      i++;
      tokens.push({ kind: 'string', text: value, at: start });
    } else {
      const m = /^(-?\d+(?:\.\d+)?)|^([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
      if (!m) fail(`unexpected character '${c}'`, i);
      if (m[1] !== undefined) tokens.push({ kind: 'number', value: Number(m[1]), at: i });
      else tokens.push({ kind: 'word', text: m[2], at: i });
      i += m[0].length;
    }
  }
  return tokens;
}

class WhereParser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly end: number,
    private readonly fields: ReadonlyMap<string, SimFieldDef>,
  ) {}

  parseOr(): SqlFilter {
    return this.chain('or', () => this.parseAnd());
  }

  expectEnd(): void {
    const t = this.tokens[this.pos];
    if (t) fail(`unexpected ${describe(t)}; expected 'and', 'or' or the end`, t.at);
  }

  private parseAnd(): SqlFilter {
    return this.chain('and', () => this.parsePrimary());
  }

  private chain(keyword: 'and' | 'or', operand: () => SqlFilter): SqlFilter {
    const parts = [operand()];
    while (this.isKeyword(this.tokens[this.pos], keyword)) {
      this.pos++;
      parts.push(operand());
    }
    if (parts.length === 1) return parts[0];
    return {
      sql: parts.map((p) => `(${p.sql})`).join(` ${keyword.toUpperCase()} `),
      params: parts.flatMap((p) => p.params),
    };
  }

  private parsePrimary(): SqlFilter {
    const t = this.next('a field name or (');
    if (t.kind === 'open') {
      const inner = this.parseOr();
      const close = this.next(')');
      if (close.kind !== 'close') fail(`expected ')' but found ${describe(close)}`, close.at);
      return inner;
    }
    if (t.kind !== 'word') fail(`expected a field name but found ${describe(t)}`, t.at);
    const field = this.fields.get(t.text.toLowerCase());
    if (!field) fail(`unknown field '${t.text}'`, t.at);
    const op = this.next(`an operator after ${field.name}`);
    const opWord = op.kind === 'word' ? op.text.toLowerCase() : '';
    const sqlOp = OPERATORS.get(opWord);
    if (!sqlOp) {
      const known = [...OPERATORS.keys()].join(', ');
      fail(`expected an operator (${known}) after ${field.name}; found ${describe(op)}`, op.at);
    }
    const value = this.next(`a value after '${field.name} ${opWord}'`);
    if (value.kind !== 'string' && value.kind !== 'number') {
      fail(`expected a quoted value or a number after '${field.name} ${opWord}'; found ${describe(value)}`, value.at);
    }
    const collate = isText(field) && sqlOp !== 'LIKE' ? ' COLLATE NOCASE' : '';
    return { sql: `"${field.name}" ${sqlOp} ?${collate}`, params: [operand(field, sqlOp, value)] };
  }

  private next(expected: string): Token {
    const t = this.tokens[this.pos++];
    if (!t) fail(`expected ${expected} but the clause ended`, this.end);
    return t;
  }

  private isKeyword(t: Token | undefined, keyword: string): boolean {
    return t?.kind === 'word' && t.text.toLowerCase() === keyword;
  }
}

/** The value to compare with, in the form the column stores. */
function operand(field: SimFieldDef, sqlOp: string, token: Token & { kind: 'string' | 'number' }): SqlValue {
  const raw = token.kind === 'string' ? token.text : token.value;
  if (field.type === 'boolean') fail(`filters on check box fields such as ${field.name} are not supported`, token.at);
  if (sqlOp === 'LIKE' && !isText(field)) {
    fail(`like applies to text fields; ${field.name} is a ${field.type} field`, token.at);
  }
  switch (field.type) {
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      if (raw === '' || !Number.isFinite(n)) fail(`${field.name} compares with numbers, not '${raw}'`, token.at);
      return n;
    }
    case 'date': {
      const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
      if (Number.isNaN(ms)) fail(`${field.name} compares with ISO 8601 dates, not '${raw}'`, token.at);
      return new Date(ms).toISOString();
    }
    default:
      return String(raw);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'open':
      return "'('";
    case 'close':
      return "')'";
    case 'number':
      return `'${t.value}'`;
    default:
      return `'${t.text}'`;
  }
}
