/**
 * All I/O of the Sage CRM client: JSON requests over a keep-alive connection pool (undici), at
 * most `concurrency` of them on the wire at once, each attempt bounded by `timeoutMs`, retried
 * with back-off when the failure may pass, and every final failure turned into a CrmError that
 * says what to fix.
 *
 * Retries: 429 and 503 mean the server did not take the request, so any method is sent again;
 * a dropped connection, a timeout or another 5xx may come after the server acted, so only
 * idempotent requests (GET, PATCH with whole values, DELETE) are sent again, and a POST fails
 * with `maybeApplied` for the caller to look before it creates twice. Other 4xx never change
 * on a retry.
 */
import { rootCertificates } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { backoffDelay, retryAfterMs } from './backoff';
import type { SageCrmConfig } from './config';
import { CrmError } from './errors';

export type CrmMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | undefined>;

export type CrmHttpOptions = Pick<
  SageCrmConfig,
  'baseUrl' | 'user' | 'password' | 'sessionId' | 'ca' | 'timeoutMs' | 'concurrency' | 'maxAttempts' | 'retryBaseMs' | 'retryMaxMs'
>;

const IDEMPOTENT: ReadonlySet<CrmMethod> = new Set(['GET', 'PATCH', 'DELETE']);
/** Network failures that happen before a request reaches the server: safe to resend anything. */
const NOT_SENT = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN']);
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/** How a failed attempt may be retried: by any method, by idempotent ones only, or not at all. */
type Retry = 'any' | 'idempotent' | 'never';

interface AttemptFailure {
  error: CrmError;
  retry: Retry;
  /** The server's Retry-After, when it gave one. */
  waitMs?: number;
}

export interface CrmHttpStats {
  /** Attempts sent, retries included. */
  attempts: number;
  /** Attempts that failed and were sent again. */
  retries: number;
}

export class CrmHttp {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly who: string;
  private readonly headers: Record<string, string>;
  private readonly counters: CrmHttpStats = { attempts: 0, retries: 0 };
  private closing: Promise<void> | undefined;

  constructor(private readonly opts: CrmHttpOptions) {
    this.host = new URL(opts.baseUrl).host;
    this.headers = { Accept: 'application/json' };
    if (opts.sessionId === undefined) {
      this.headers.Authorization = `Basic ${Buffer.from(`${opts.user}:${opts.password}`).toString('base64')}`;
      this.who = `user ${opts.user}`;
    } else {
      this.who = 'the session';
    }
    this.agent = new Agent({
      connections: opts.concurrency,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      // Node's `ca` replaces the system list; the CRM's own CA is added to it instead.
      connect: { timeout: Math.min(opts.timeoutMs, 10_000), ...(opts.ca ? { ca: [...rootCertificates, opts.ca] } : {}) },
    });
  }

  stats(): CrmHttpStats {
    return { ...this.counters };
  }

  /**
   * Sends one request to `resource` (relative to the base URL, e.g. `Company('43')`) and
   * resolves with the parsed JSON answer, or undefined when the answer has no body.
   */
  async send(method: CrmMethod, resource: string, init: { query?: Query; body?: unknown } = {}): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(method, resource, init).then(
        (body) => ({ ok: true as const, body }),
        (err: unknown) => ({ ok: false as const, failure: this.failureOf(method, resource, err) }),
      );
      if (outcome.ok) return outcome.body;
      const { failure } = outcome;
      const retryable = failure.retry === 'any' || (failure.retry === 'idempotent' && IDEMPOTENT.has(method));
      if (!retryable || attempt + 1 >= this.opts.maxAttempts) {
        throw retryable ? withAttempts(failure.error, attempt + 1) : maybeApplied(failure, method);
      }
      this.counters.retries++;
      const jitter = backoffDelay(attempt, this.opts.retryBaseMs, this.opts.retryMaxMs);
      await sleep(Math.min(this.opts.retryMaxMs, Math.max(jitter, failure.waitMs ?? 0)));
    }
  }

  /** Closes the pooled connections once the requests in flight have finished; later calls share the first. */
  close(): Promise<void> {
    this.closing ??= this.agent.close();
    return this.closing;
  }

  private async attempt(method: CrmMethod, resource: string, init: { query?: Query; body?: unknown }): Promise<unknown> {
    const url = new URL(resource, this.opts.baseUrl);
    url.search = encodeQuery({ ...init.query, SID: this.opts.sessionId });
    const headers = init.body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' };
    this.counters.attempts++;
    const response = await request(url, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      dispatcher: this.agent,
      signal: AbortSignal.timeout(this.opts.timeoutMs),
    });
    const text = await response.body.text();
    const status = response.statusCode;
    if (status < 200 || status > 299) throw new StatusFailure(status, text, response.headers['retry-after']);
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new CrmError(
        'protocol',
        status,
        `Sage CRM at ${this.host} answered ${method} ${resource} with something other than JSON: check that baseUrl points to the REST API (…/sdata/<install>j/sagecrm2/-/)`,
        { cause: err },
      );
    }
  }

  private failureOf(method: CrmMethod, resource: string, err: unknown): AttemptFailure {
    if (err instanceof CrmError) return { error: err, retry: 'never' };
    if (err instanceof StatusFailure) return this.statusFailure(method, resource, err);
    return this.transportFailure(method, resource, err);
  }

  private transportFailure(method: CrmMethod, resource: string, err: unknown): AttemptFailure {
    const e = err as { name?: unknown; code?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
    // Checked by name: the DOMException that AbortSignal.timeout raises is not always an Error
    // of the caller's realm (under jest, for one).
    if (e?.name === 'TimeoutError' || e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT') {
      const message = `Sage CRM at ${this.host} did not answer ${method} ${resource} within ${this.opts.timeoutMs} ms: check the server's load or raise timeoutMs`;
      return { error: new CrmError('timeout', 0, message, { cause: err }), retry: 'idempotent' };
    }
    const code = String(e?.code ?? e?.cause?.code ?? '');
    const reason = code || String(e?.message ?? err);
    if (code === 'ENOTFOUND') {
      const message = `Sage CRM host ${new URL(this.opts.baseUrl).hostname} was not found (ENOTFOUND): check the server name in baseUrl`;
      return { error: new CrmError('setup', 0, message, { cause: err }), retry: 'never' };
    }
    if (CERTIFICATE.test(code)) {
      const message = `The certificate of Sage CRM at ${this.host} is not trusted (${code}): for a self-signed IIS certificate, give its CA in the CRM settings (caFile)`;
      return { error: new CrmError('setup', 0, message, { cause: err }), retry: 'never' };
    }
    const message = `Could not reach Sage CRM at ${this.host} (${reason}): check baseUrl and that the server is running and reachable`;
    return { error: new CrmError('network', 0, message, { cause: err }), retry: NOT_SENT.has(code) ? 'any' : 'idempotent' };
  }

  private statusFailure(method: CrmMethod, resource: string, failure: StatusFailure): AttemptFailure {
    const { status } = failure;
    const detail = serverMessage(failure.text);
    const said = detail ? ` (${detail})` : '';
    const fail = (kind: CrmError['kind'], message: string, retry: Retry = 'never'): AttemptFailure => ({
      error: new CrmError(kind, status, message),
      retry,
      waitMs: retryAfterMs(failure.retryAfter),
    });
    switch (status) {
      case 401:
        return this.opts.sessionId === undefined
          ? fail('credentials', `Sage CRM refused the credentials for user ${this.opts.user}: check user and password and that the user has web-service rights`)
          : fail('credentials', 'Sage CRM refused the session id: it has ended or was never valid; log on again and give the new sessionId');
      case 403:
        return fail('forbidden', `Sage CRM does not let ${this.who} ${method} ${resource}${said}: give the user rights on this entity in CRM`);
      case 404: {
        const record = /^(\w+)\('([^']*)'\)$/.exec(resource);
        return fail(
          'not_found',
          record
            ? `${record[1]} ${record[2]} not found`
            : `Sage CRM at ${this.host} has no resource ${resource}${said}: check baseUrl (…/sdata/<install>j/sagecrm2/-/)`,
        );
      }
      case 409:
        return fail('conflict', `Sage CRM refused ${method} ${resource} because of a conflict${said}: re-read the record and try again`);
      case 429:
        return fail('server', `Sage CRM at ${this.host} kept refusing ${method} ${resource} as too many requests: lower concurrency`, 'any');
      case 400:
      case 422:
        return fail('invalid', `Sage CRM refused ${method} ${resource}: ${detail || `HTTP ${status}`}`);
      default: {
        const message = `Sage CRM at ${this.host} answered ${method} ${resource} with HTTP ${status}${said}: see the CRM server's logs`;
        if (status < 500) return fail('protocol', message);
        return fail('server', message, status === 503 ? 'any' : 'idempotent');
      }
    }
  }
}

/** A non-2xx answer, turned into a CrmError by `statusFailure`. */
class StatusFailure extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
    readonly retryAfter: string | string[] | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

function withAttempts(error: CrmError, attempts: number): CrmError {
  if (attempts === 1) return error;
  return new CrmError(error.kind, error.status, `${error.message} (gave up after ${attempts} attempts)`, {
    cause: error.cause ?? error,
  });
}

/** A POST whose failure may have come after the server acted: said so, for the caller to check. */
function maybeApplied(failure: AttemptFailure, method: CrmMethod): CrmError {
  const { error } = failure;
  if (failure.retry !== 'idempotent' || IDEMPOTENT.has(method)) return error;
  return new CrmError(error.kind, error.status, error.message, { cause: error.cause, maybeApplied: true });
}

function encodeQuery(query: Query): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** The `$message`s of an error body, or the start of a body that is not one (an HTML error page). */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { $diagnoses?: Array<{ $message?: unknown }> };
    const messages = (body.$diagnoses ?? []).map((d) => d.$message).filter((m): m is string => typeof m === 'string');
    if (messages.length > 0) return messages.join('; ');
  } catch {
    // Not JSON: fall through to the raw text, which is then the best account of the failure.
  }
  return text.trim().slice(0, 200);
}
