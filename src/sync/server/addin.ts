/**
 * The add-in server of `bobsync start`: serves the built task pane and custom functions over
 * HTTPS (Office loads add-ins from https origins only) and passes `/api/…` through to the sync
 * service, so that the pane calls the API on its own origin: no CORS, and no https page calling
 * an http address (which Safari's web view on the Mac refuses). In production the same layout is
 * a TLS reverse proxy serving `dist/addin` and forwarding `/api` to `bobsync serve`.
 *
 * `/addin-config.json` tells the pane how to sign in: with the service's dev tokens, or with
 * Entra ID for the service's own scope. It holds no secret.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { request } from 'undici';
import type { AuthConfig } from './config';

/** Where `npm run build:addin` writes the add-in, from this file in src/ or in dist/. */
export const ADDIN_DIR = resolve(__dirname, '..', '..', '..', 'dist', 'addin');

export interface AddinServerOptions {
  /** The built add-in: taskpane.html, functions.json, assets. */
  dir: string;
  host: string;
  port: number;
  https: { key: string | Buffer; cert: string | Buffer };
  /** Base URL of the sync service, e.g. http://127.0.0.1:3000 */
  serviceUrl: string;
  auth: AuthConfig;
  logStream?: NodeJS.WritableStream;
  logLevel?: string;
}

export interface AddinServer {
  /** e.g. https://localhost:3001 */
  url: string;
  close(): Promise<void>;
}

/** What the pane needs to sign in: public facts only. */
export const addinConfig = (auth: AuthConfig) =>
  auth.mode === 'dev'
    ? { auth: { mode: 'dev' as const } }
    : { auth: { mode: 'entra' as const, tenantId: auth.tenantId, clientId: auth.clientId, scope: `api://${auth.clientId}/${auth.scope}` } };

/**
 * The pane's own scripts and styles (Fluent UI injects its styles at run time), Office.js from
 * Microsoft's CDN, sign-in against Entra ID. No frame-ancestors: Excel on the web frames the pane.
 */
const PANE_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' https://login.microsoftonline.com",
  "frame-src 'self' https://login.microsoftonline.com",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Headers that concern one connection, not the message: never passed through. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

const passable = (headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> => {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
};

/** Forwards one request to the service and streams its answer back (server-sent events included). */
async function forward(serviceUrl: string, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const aborted = new AbortController();
  reply.raw.once('close', () => aborted.abort());
  let answer: Awaited<ReturnType<typeof request>>;
  try {
    answer = await request(`${serviceUrl}${req.url}`, {
      method: req.method as 'GET',
      headers: { ...passable(req.headers), 'x-request-id': String(req.id) },
      body: req.body === undefined || req.body === null ? undefined : (req.body as Buffer),
      signal: aborted.signal,
    });
  } catch (error) {
    req.log.warn({ err: error }, 'the sync service did not answer');
    return reply
      .code(502)
      .type('application/problem+json')
      .send({
        type: 'urn:bobsync:problem:service_unreachable',
        title: 'Bad Gateway',
        status: 502,
        code: 'service_unreachable',
        detail: 'The sync service does not answer.',
        requestId: String(req.id),
      });
  }
  return reply.code(answer.statusCode).headers(passable(answer.headers)).send(answer.body);
}

export async function startAddinServer(o: AddinServerOptions): Promise<AddinServer> {
  if (!existsSync(resolve(o.dir, 'taskpane.html'))) throw new Error(`The add-in is not built in ${o.dir}: run npm run build:addin.`);
  const app: FastifyInstance = Fastify({
    https: o.https,
    logger: {
      level: o.logLevel ?? 'info',
      redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
      ...(o.logStream ? { stream: o.logStream } : {}),
    },
    genReqId: () => randomUUID(),
    forceCloseConnections: 'idle',
  });

  app.get('/addin-config.json', async (_req, reply) => reply.header('cache-control', 'no-store').send(addinConfig(o.auth)));

  await app.register(async (api) => {
    // Bodies pass through untouched, whatever their type.
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 << 20 }, (_req, body, done) => done(null, body));
    api.all('/api/*', (req, reply) => forward(o.serviceUrl, req, reply));
  });

  await app.register(fastifyStatic, {
    root: o.dir,
    index: false,
    // A sideloaded add-in must pick up a new build at once.
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('cache-control', 'no-cache');
      reply.header('content-security-policy', PANE_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
    },
  });

  await app.listen({ host: o.host, port: o.port });
  const address = app.server.address() as AddressInfo;
  const host = o.host === '127.0.0.1' || o.host === '::1' ? 'localhost' : o.host;
  return { url: `https://${host}:${address.port}`, close: () => app.close() };
}
