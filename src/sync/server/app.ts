/**
 * The fastify application: hardening (security headers, CORS for the task pane's origin only,
 * body limits, per-user rate limits, gzip), structured logs with a request id and without
 * credentials, problem+json for every error, and the API's routes under /api/v1.
 */
import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { openApiDocument } from './openapi';
import { HttpProblem, sendProblem, toProblem } from './problems';
import { mountRoute, type AnyRoute, type ServiceContext } from './route';
import { associationRoutes } from './routes/associations';
import { auditRoutes } from './routes/audit';
import { backupRoutes } from './routes/backups';
import { customerRoutes } from './routes/customers';
import { customFieldRoutes } from './routes/customFields';
import { dossierRoutes } from './routes/dossiers';
import { pullRoutes } from './routes/pulls';
import { runRoutes } from './routes/runs';
import { serviceRoutes } from './routes/service';
import { undoRoutes } from './routes/undo';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Never logged, wherever they appear. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization', 'password', '*.password', 'token', '*.token'];

export function allRoutes(ctx: ServiceContext): AnyRoute[] {
  const routes: AnyRoute[] = [
    ...dossierRoutes(ctx),
    ...pullRoutes(),
    ...associationRoutes(),
    ...customFieldRoutes(),
    ...backupRoutes(),
    ...runRoutes(ctx),
    ...undoRoutes(ctx),
    ...auditRoutes(),
    ...customerRoutes(),
  ];
  let document: object | undefined;
  const openapi = () => (document ??= openApiDocument([...service, ...routes], ctx.version, authDescription(ctx)));
  const service = serviceRoutes(ctx, openapi);
  return [...service, ...routes];
}

function authDescription(ctx: ServiceContext): string {
  const a = ctx.config.auth;
  return a.mode === 'entra'
    ? `Entra ID access token for api://${a.clientId}/${a.scope} (tenant ${a.tenantId}); app roles Sync.Review, Sync.Apply, Sync.Admin.`
    : `Dev sign-in: \`bobsync token --user NAME --role Sync.Review\` mints one (issuer ${a.issuer}, audience ${a.audience}).`;
}

export async function buildApp(ctx: ServiceContext, logStream?: NodeJS.WritableStream): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: { level: config.log.level, redact: { paths: REDACT, censor: '[redacted]' }, ...(logStream ? { stream: logStream } : {}) },
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: config.limits.bodyBytes,
    // Leaves idle keep-alive connections to close at once when the service stops.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  // Only JSON bodies: a text/plain body is refused with 415.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  await app.register(cors, {
    // A list, so that only this origin is echoed back, and only to a request that comes from it.
    origin: [config.allowedOrigin],
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'Last-Event-ID'],
    exposedHeaders: ['Location', 'X-Request-Id', 'Retry-After', 'Content-Disposition'],
    maxAge: 600,
  });
  await app.register(compress, { encodings: ['gzip', 'deflate'], threshold: 1024 });
  await app.register(rateLimit, {
    // After authentication: the limit is per signed-in user, not per address.
    hook: 'preHandler',
    max: config.limits.perUserPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => (req.principal ? `user:${req.principal.user}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, context) =>
      new HttpProblem(429, 'rate_limited', `More than ${context.max} requests a minute: wait ${context.after}.`, {
        headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      }),
  });

  app.setErrorHandler((error, req, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code: problem.code, status: problem.status }, problem.message);
    return sendProblem(req, reply, problem);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, new HttpProblem(404, 'not_found', `Nothing at ${req.method} ${req.url}.`)));

  await app.register(
    async (api) => {
      for (const route of allRoutes(ctx)) mountRoute(api, ctx, route);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
