/**
 * All I/O of the Sage CRM client: one JSON request over global fetch (Node keeps the
 * connections alive), and the translation of every failure into a CrmError that says what to
 * fix. Retries, when they come, belong here.
 */
import { CrmError } from './errors';

export type CrmMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | undefined>;

export interface CrmHttpOptions {
  baseUrl: string;
  user: string;
  password: string;
  timeoutMs: number;
}

export class CrmHttp {
  private readonly authorization: string;
  private readonly host: string;

  constructor(private readonly opts: CrmHttpOptions) {
    this.authorization = `Basic ${Buffer.from(`${opts.user}:${opts.password}`).toString('base64')}`;
    this.host = new URL(opts.baseUrl).host;
  }

  /**
   * Sends one request to `resource` (relative to the base URL, e.g. `Company('43')`) and
   * resolves with the parsed JSON answer, or undefined when the answer has no body.
   */
  async send(method: CrmMethod, resource: string, init: { query?: Query; body?: unknown } = {}): Promise<unknown> {
    const url = new URL(resource, this.opts.baseUrl);
    url.search = encodeQuery(init.query ?? {});
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let status: number;
    let text: string;
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (err) {
      throw this.transportError(method, resource, err);
    }
    if (status < 200 || status > 299) throw this.statusError(method, resource, status, text);
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

  private transportError(method: CrmMethod, resource: string, err: unknown): CrmError {
    // Checked by name: the DOMException that AbortSignal.timeout raises is not always an Error
    // of the caller's realm (under jest, for one).
    if ((err as { name?: unknown } | null)?.name === 'TimeoutError') {
      return new CrmError(
        'timeout',
        0,
        `Sage CRM at ${this.host} did not answer ${method} ${resource} within ${this.opts.timeoutMs} ms: check the server's load or raise timeoutMs`,
        { cause: err },
      );
    }
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const reason = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
    return new CrmError(
      'network',
      0,
      `Could not reach Sage CRM at ${this.host} (${String(reason)}): check baseUrl and that the server is running and reachable`,
      { cause: err },
    );
  }

  private statusError(method: CrmMethod, resource: string, status: number, text: string): CrmError {
    const detail = serverMessage(text);
    const said = detail ? ` (${detail})` : '';
    switch (status) {
      case 401:
        return new CrmError(
          'credentials',
          status,
          `Sage CRM refused the credentials for user ${this.opts.user}: check user and password and that the user has web-service rights`,
        );
      case 403:
        return new CrmError(
          'forbidden',
          status,
          `Sage CRM does not let user ${this.opts.user} ${method} ${resource}${said}: give the user rights on this entity in CRM`,
        );
      case 404: {
        const record = /^(\w+)\('([^']*)'\)$/.exec(resource);
        const message = record
          ? `${record[1]} ${record[2]} not found`
          : `Sage CRM at ${this.host} has no resource ${resource}${said}: check baseUrl (…/sdata/<install>j/sagecrm2/-/)`;
        return new CrmError('not_found', status, message);
      }
      case 409:
        return new CrmError(
          'conflict',
          status,
          `Sage CRM refused ${method} ${resource} because of a conflict${said}: re-read the record and try again`,
        );
      case 400:
      case 422:
        return new CrmError('invalid', status, `Sage CRM refused ${method} ${resource}: ${detail || `HTTP ${status}`}`);
      default:
        return new CrmError(
          status >= 500 ? 'server' : 'protocol',
          status,
          `Sage CRM at ${this.host} answered ${method} ${resource} with HTTP ${status}${said}: see the CRM server's logs`,
        );
    }
  }
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
