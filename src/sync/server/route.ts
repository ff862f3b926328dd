/**
 * How a route of the API is declared: its schemas (from the contract), the role it needs, its
 * documented responses, and its handler. `mountRoute` enforces the declaration (token, dossier
 * grant, role, request schemas) before the handler runs; `openapi.ts` documents the same
 * declarations, so the document cannot drift from what the service does.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../contract/api';
import type { Authenticator } from './auth/authenticator';
import { AuthError } from './auth/authenticator';
import { grantedRoles, type Principal } from './auth/roles';
import type { ServiceConfig } from './config';
import type { ServedDossier } from './dossiers';
import type { LiveRuns } from './liveRuns';
import { HttpProblem } from './problems';
import { parseOr400 } from './validation';

/** What every handler may use. */
export interface ServiceContext {
  config: ServiceConfig;
  dossiers: ReadonlyMap<string, ServedDossier>;
  live: LiveRuns;
  authenticator: Authenticator;
  /** The public keys of dev sign-in, published in dev mode. */
  devJwks: object | null;
  version: string;
  /** Set when the service is stopping: no new work starts. */
  stopping: boolean;
}

export interface ResponseDoc {
  description: string;
  /** A registered contract schema; absent for bodies that are not JSON. */
  schema?: z.ZodType;
  contentType?: string;
}

type AnyObject = z.ZodObject;
const NoParams = z.strictObject({});
const NoQuery = z.strictObject({});
const NoBody = z.undefined();

export interface RouteCall<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in user; not set on public routes. */
  principal: Principal;
  /** The dossier named by the path, once the caller's grant on it is checked. */
  dossier: ServedDossier;
  /** The caller's roles on that dossier. */
  roles: Role[];
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<P extends AnyObject = typeof NoParams, Q extends AnyObject = typeof NoQuery, B extends z.ZodType = typeof NoBody> {
  method: 'GET' | 'POST' | 'PUT';
  /** Under /api/v1, in fastify's syntax (`/dossiers/:dossier`). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Needed on the path's dossier (any of them); `public`: no token needed. */
  roles: Role[] | 'public';
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers worth documenting, by name. */
  headers?: Record<string, string>;
  bodyLimit?: number;
  /** Server-sent events must reach the client as they are written. */
  compress?: false;
  responses: Record<number, ResponseDoc>;
  handler(call: RouteCall<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown>;
}

/** Erases a spec's schema types so that specs of different routes sit in one list. */
export type AnyRoute = RouteSpec<AnyObject, AnyObject, z.ZodType>;
export const defineRoute = <P extends AnyObject = typeof NoParams, Q extends AnyObject = typeof NoQuery, B extends z.ZodType = typeof NoBody>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute => spec as unknown as AnyRoute;

export const routeSchemas = (spec: AnyRoute) => ({ params: spec.params ?? NoParams, query: spec.query ?? NoQuery, body: spec.body ?? NoBody });

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function mountRoute(app: FastifyInstance, ctx: ServiceContext, spec: AnyRoute): void {
  const schemas = routeSchemas(spec);
  const isPublic = spec.roles === 'public';
  app.route({
    method: spec.method,
    url: spec.path,
    bodyLimit: spec.bodyLimit,
    ...(spec.compress === false ? { compress: false as const } : {}),
    onRequest: isPublic ? undefined : (req) => authenticate(ctx, req),
    handler: async (req, reply) => {
      const params = parseOr400(schemas.params, req.params, 'path');
      let dossier: ServedDossier | undefined;
      let roles: Role[] = [];
      if (!isPublic) {
        const principal = req.principal!;
        if ('dossier' in params) {
          ({ dossier, roles } = granted(ctx, principal, String(params.dossier)));
          const needed = spec.roles as Role[];
          if (!needed.some((r) => roles.includes(r))) {
            throw new HttpProblem(403, 'forbidden', `This needs the role ${needed.join(' or ')} on dossier ${dossier.entry.id}.`);
          }
        }
      }
      return spec.handler({
        params,
        query: parseOr400(schemas.query, req.query, 'query'),
        body: parseOr400(schemas.body, req.body, 'body'),
        principal: req.principal!,
        dossier: dossier!,
        roles,
        req,
        reply,
      });
    },
  });
}

async function authenticate(ctx: ServiceContext, req: FastifyRequest): Promise<void> {
  try {
    req.principal = await ctx.authenticator.authenticate(req.headers.authorization);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    req.log.info({ reason: error.message }, 'token refused');
    throw new HttpProblem(401, 'invalid_token', 'Sign in again: the bearer token is missing, malformed, expired or not for this service.', {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  }
}

/** A dossier the caller holds a role on; any other id, served or not, is unknown to them. */
function granted(ctx: ServiceContext, principal: Principal, id: string): { dossier: ServedDossier; roles: Role[] } {
  const dossier = ctx.dossiers.get(id);
  const roles = dossier ? grantedRoles(principal, dossier.entry) : [];
  if (!dossier || roles.length === 0) throw new HttpProblem(404, 'unknown_dossier', `There is no dossier ${id} for you.`);
  return { dossier, roles };
}
