/**
 * The Sage CRM REST simulator as a real HTTP server on node:http, for the sandbox and the
 * connector tests. It listens on loopback only: it holds customer data and trusts any client
 * that knows a sandbox password.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SimInputError, SimNotFoundError } from './errors';
import { FaultInjector, type CrmSimFaults, type Fate, type FaultCounts } from './faults';
import { route, SimHttpError, type SimAnswer, type SimRequest } from './routes';
import type { CrmSimStore } from './store';

export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;
export type LoopbackHost = (typeof LOOPBACK_HOSTS)[number];

export interface CrmSimulatorOptions {
  store: CrmSimStore;
  /** User → password accepted by Basic authentication. */
  users: Record<string, string>;
  /** Session ids accepted as `SID=` in the query, as those the SOAP logon hands out. */
  sessionIds?: readonly string[];
  /** Serve HTTPS with this key and certificate (PEM), as IIS does with a self-signed one. */
  tls?: { key: string; cert: string };
  host?: LoopbackHost;
  /** 0 (default): any free port. */
  port?: number;
  /** Install name in `/sdata/{install}j/sagecrm2/-/`; default `crm`. */
  install?: string;
  /** Largest page a list returns, whatever `count` asks; default 500. */
  maxPageSize?: number;
  /** Delay added to every request, to make network latency visible; default 0. */
  latencyMs?: number;
  /** Errors and dropped connections, off by default; see faults.ts. */
  faults?: Partial<Pick<CrmSimFaults, 'errorRate' | 'dropRate'>>;
  /** Seed of the fault draws; default 1. */
  faultSeed?: number;
}

export interface CrmSimulator {
  /** Base URL of the API, ending in `/sdata/{install}j/sagecrm2/-/`. */
  url: string;
  /** Stops listening and drops open connections; later calls return the same promise. */
  close(): Promise<void>;
  /** Requests received so far, refused ones included. */
  requestCount(): number;
  setLatency(ms: number): void;
  /** Switches faults on or off, or changes the latency or the page cap, while the server runs. */
  setFaults(changes: Partial<CrmSimFaults>): void;
  /** Faults injected so far. */
  faultCounts(): FaultCounts;
}

const MAX_BODY_BYTES = 1 << 20;
const REALM = 'Basic realm="Sage CRM"';

export async function startCrmSimulator(opts: CrmSimulatorOptions): Promise<CrmSimulator> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host)) {
    throw new Error(`The CRM simulator listens on loopback only (${LOOPBACK_HOSTS.join(', ')}), not on '${host}'`);
  }
  const install = opts.install ?? 'crm';
  if (!/^[A-Za-z0-9_]+$/.test(install)) throw new Error(`Invalid install name '${install}'`);
  const faults = new FaultInjector(
    {
      latencyMs: opts.latencyMs ?? 0,
      maxPageSize: opts.maxPageSize ?? 500,
      errorRate: opts.faults?.errorRate ?? 0,
      dropRate: opts.faults?.dropRate ?? 0,
    },
    opts.faultSeed ?? 1,
  );
  const sessionIds = new Set(opts.sessionIds ?? []);
  let requests = 0;

  const basePath = `/sdata/${install}j/sagecrm2/-/`;
  let base = '';

  const answer = async (req: http.IncomingMessage): Promise<SimAnswer> => {
    const url = new URL(req.url ?? '/', base);
    const sid = url.searchParams.get('SID');
    if (sid === null ? !authorised(req.headers.authorization, opts.users) : !sessionIds.has(sid)) {
      throw new SimHttpError(401, 'AuthenticationRequired', 'Sign in with the user name and password of a CRM user', {
        'WWW-Authenticate': REALM,
      });
    }
    if (!url.pathname.startsWith(basePath)) {
      throw new SimHttpError(404, 'ResourceNotFound', `Nothing here: the API is under ${basePath}`);
    }
    const simReq: SimRequest = {
      method: req.method ?? 'GET',
      resource: decodePath(url.pathname.slice(basePath.length)),
      query: url.searchParams,
      body: () => readJsonBody(req),
    };
    return route(simReq, { store: opts.store, base, maxPageSize: () => faults.current.maxPageSize });
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    requests++;
    const fate = faults.draw();
    const respond = async (): Promise<void> => {
      const { latencyMs } = faults.current;
      if (latencyMs > 0) await sleep(latencyMs);
      if (fate.kind === 'drop' && !fate.after) return drop(res);
      if (fate.kind === 'error') return send(res, injectedError(fate));
      const reply = await answer(req).catch(errorAnswer);
      if (fate.kind === 'drop') return drop(res);
      send(res, reply);
    };
    respond().catch((err: unknown) => {
      // Only writing the answer can fail here; the connection is unusable, so drop it.
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  };
  const server = opts.tls
    ? https.createServer({ keepAlive: true, key: opts.tls.key, cert: opts.tls.cert }, handle)
    : http.createServer({ keepAlive: true }, handle);
  // Longer than clients' idle timeouts, so that the client decides when to drop a connection.
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `${opts.tls ? 'https' : 'http'}://${hostPart}:${address.port}${basePath}`;

  return {
    url: base,
    requestCount: () => requests,
    setLatency: (latencyMs) => faults.set({ latencyMs }),
    setFaults: (changes) => faults.set(changes),
    faultCounts: () => faults.counts(),
    // Closing twice is harmless: owners and tests may both close.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Idle keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      })),
  };
}

/** The connection goes without an answer, as when IIS recycles or a proxy times out. */
function drop(res: http.ServerResponse): void {
  res.socket?.destroy();
}

function injectedError(fate: Extract<Fate, { kind: 'error' }>): SimAnswer {
  if (fate.status === 500) return diagnosis(500, 'InternalError', 'Injected fault: the server failed');
  const message = fate.status === 429 ? 'Injected fault: too many requests' : 'Injected fault: the server is busy';
  return diagnosis(fate.status, fate.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message, {
    'Retry-After': '0',
  });
}

function authorised(header: string | undefined, users: Record<string, string>): boolean {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const user = decoded.slice(0, colon);
  return Object.hasOwn(users, user) && users[user] === decoded.slice(colon + 1);
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new SimInputError(`The path '${path}' is not valid percent-encoding`, 'BadRequest');
  }
}

async function readJsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new SimHttpError(413, 'PayloadTooLarge', `Bodies are limited to ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new SimInputError(`The body is not valid JSON: ${(err as Error).message}`, 'BadRequest');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SimInputError('The body must be a JSON object of fields', 'BadRequest');
  }
  return body as Record<string, unknown>;
}

function errorAnswer(err: unknown): SimAnswer {
  if (err instanceof SimHttpError) return diagnosis(err.status, err.code, err.message, err.headers);
  if (err instanceof SimInputError) return diagnosis(400, err.code, err.message);
  if (err instanceof SimNotFoundError) return diagnosis(404, 'NotFound', err.message);
  return diagnosis(500, 'InternalError', `The simulator failed: ${err instanceof Error ? err.message : String(err)}`);
}

function diagnosis(status: number, code: string, message: string, headers: Record<string, string> = {}): SimAnswer {
  return { status, headers, body: { $diagnoses: [{ $severity: 'error', $sdataCode: code, $message: message }] } };
}

function send(res: http.ServerResponse, answer: SimAnswer): void {
  if (answer.body === undefined) {
    res.writeHead(answer.status, answer.headers);
    res.end();
    return;
  }
  const json = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...answer.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}
