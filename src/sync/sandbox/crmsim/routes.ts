/**
 * The REST subset the simulator answers, below `/sdata/{install}j/sagecrm2/-/`:
 *
 *   GET    Company                  list (where, orderBy, startIndex, count, include)
 *   POST   Company                  create → 201
 *   GET    Company('43')            one company (include)
 *   PATCH  Company('43')            comp_ fields → 200 with the record
 *   DELETE Company('43')            soft delete → 204
 *   GET    Address | Phone | Email  list with the link columns (where, startIndex, count)
 *   POST   Address | Phone | Email  create and link to a company → 201
 *   PATCH  Address('12') | Phone('7') | Email('9')
 *   GET    $prototypes/company      field metadata, custom fields included
 *
 * Anything else is 404 (unknown resource) or 405 (known resource, other method).
 */
import { SimInputError } from './errors';
import { LINKED_KINDS, type LinkedKind } from './linked';
import { parseInclude, renderCompany, renderLinked, renderPrototype } from './render';
import type { CrmSimStore } from './store';

export interface SimRequest {
  method: string;
  /** The path below the API base, percent-decoded: `Company('43')`. */
  resource: string;
  query: URLSearchParams;
  /** The JSON object body (read on demand). */
  body(): Promise<Record<string, unknown>>;
}

export interface SimAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A failure that maps to one HTTP status, with the `$sdataCode` of its diagnosis. */
export class SimHttpError extends Error {
  override readonly name = 'SimHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface RouteContext {
  store: CrmSimStore;
  /** Absolute base URL, for `$url`. */
  base: string;
  /** Read per request: the page cap can be changed while the server runs (fault mode). */
  maxPageSize: () => number;
}

type Handler = (req: SimRequest, ctx: RouteContext) => Promise<SimAnswer> | SimAnswer;

const DEFAULT_COUNT = 100;

export async function route(req: SimRequest, ctx: RouteContext): Promise<SimAnswer> {
  const handlers = resolve(req.resource);
  const handler = Object.hasOwn(handlers, req.method) ? handlers[req.method] : undefined;
  if (!handler) {
    const allow = Object.keys(handlers).join(', ');
    const message = `${req.method} is not supported on '${req.resource}'; use ${allow}`;
    throw new SimHttpError(405, 'MethodNotAllowed', message, { Allow: allow });
  }
  return handler(req, ctx);
}

function resolve(resource: string): Record<string, Handler> {
  if (/^\$prototypes\/company$/i.test(resource)) {
    return { GET: (_req, ctx) => ({ status: 200, body: renderPrototype(ctx.store.companyFields().values()) }) };
  }
  const m = /^(Company|Address|Phone|Email)(?:\('([^']*)'\))?$/i.exec(resource);
  if (!m) throw new SimHttpError(404, 'ResourceNotFound', `There is no resource '${resource}' in this API`);
  const entity = m[1].toLowerCase();
  const key = m[2];
  if (entity === 'company') return key === undefined ? companyCollection : companyRecord(key);
  const kind = LINKED_KINDS[entity as keyof typeof LINKED_KINDS];
  return key === undefined ? linkedCollection(kind) : linkedRecord(kind, key);
}

/** startIndex and count of a list request, and the list answer around a page of resources. */
function paged(req: SimRequest, ctx: RouteContext, read: (offset: number, limit: number) => { total: number; resources: unknown[] }): SimAnswer {
  const startIndex = integerParam(req.query, 'startIndex', 1, 1);
  const requested = integerParam(req.query, 'count', Math.min(DEFAULT_COUNT, ctx.maxPageSize()), 0);
  // Like the real server, a page larger than the limit is cut without notice: clients must
  // read $itemsPerPage.
  const count = Math.min(requested, ctx.maxPageSize());
  const page = read(startIndex - 1, count);
  return {
    status: 200,
    body: { $totalResults: page.total, $startIndex: startIndex, $itemsPerPage: count, $resources: page.resources },
  };
}

const companyCollection: Record<string, Handler> = {
  GET: (req, ctx) => {
    const include = parseInclude(req.query.get('include'));
    return paged(req, ctx, (offset, limit) => {
      const where = req.query.get('where') ?? undefined;
      const page = ctx.store.list({ where, orderBy: req.query.get('orderBy') ?? undefined, offset, limit });
      return { total: page.total, resources: page.companies.map((c) => renderCompany(c, ctx.base, include)) };
    });
  },
  POST: async (req, ctx) => {
    const include = parseInclude(req.query.get('include'));
    const id = ctx.store.createCompany(await req.body());
    const record = renderCompany(companyOrThrow(ctx, id), ctx.base, include);
    return { status: 201, body: record, headers: { Location: String(record.$url) } };
  },
};

function companyRecord(key: string): Record<string, Handler> {
  const id = (): number => recordId('Company', key);
  return {
    GET: (req, ctx) => ({
      status: 200,
      body: renderCompany(companyOrThrow(ctx, id()), ctx.base, parseInclude(req.query.get('include'))),
    }),
    PATCH: async (req, ctx) => {
      const include = parseInclude(req.query.get('include'));
      ctx.store.patchCompany(id(), await req.body());
      return { status: 200, body: renderCompany(companyOrThrow(ctx, id()), ctx.base, include) };
    },
    DELETE: (_req, ctx) => {
      ctx.store.softDelete(id());
      return { status: 204 };
    },
  };
}

function linkedCollection(kind: LinkedKind): Record<string, Handler> {
  return {
    GET: (req, ctx) =>
      paged(req, ctx, (offset, limit) => {
        const page = ctx.store.listLinked(kind, { where: req.query.get('where') ?? undefined, offset, limit });
        return { total: page.total, resources: page.rows.map((row) => renderLinked(kind, row, ctx.base)) };
      }),
    POST: async (req, ctx) => {
      const record = renderLinked(kind, ctx.store.createLinked(kind, await req.body()), ctx.base);
      return { status: 201, body: record, headers: { Location: String(record.$url) } };
    },
  };
}

function linkedRecord(kind: LinkedKind, key: string): Record<string, Handler> {
  return {
    PATCH: async (req, ctx) => ({
      status: 200,
      body: renderLinked(kind, ctx.store.patchLinked(kind, recordId(kind.entity, key), await req.body()), ctx.base),
    }),
  };
}

function companyOrThrow(ctx: RouteContext, id: number) {
  const company = ctx.store.get(id);
  if (!company) throw new SimHttpError(404, 'NotFound', `Company ${id} not found`);
  return company;
}

/** Keys are numeric ids; any other key names no record. */
function recordId(entity: string, key: string): number {
  if (!/^\d{1,15}$/.test(key)) throw new SimHttpError(404, 'NotFound', `${entity} ${key} not found`);
  return Number(key);
}

function integerParam(query: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    const message = `Query parameter ${name} must be a whole number of at least ${min}; got '${raw}'`;
    throw new SimInputError(message, 'BadParameter');
  }
  return Number(raw);
}
