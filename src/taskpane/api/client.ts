/**
 * The sync service as the task pane and the custom functions call it. Every answer is checked
 * against the contract's schema; every failure is an ApiError saying whether the service could
 * not be reached or what it answered (its problem details), so that the pane can tell the
 * reviewer what happened in their language.
 */
import type { ZodType } from 'zod';
import {
  AssociationsPageSchema,
  BackupInfoSchema,
  CustomerStatusSchema,
  DossierDetailSchema,
  DossierListSchema,
  DryRunResultSchema,
  JournalPageSchema,
  MAX_PAGE,
  ProblemDetailsSchema,
  PullInfoSchema,
  RowResultsPageSchema,
  RowsPageSchema,
  RunListSchema,
  RunProgressSchema,
  RunStatusSchema,
  type BackupInfo,
  type CreateRunBody,
  type CustomerStatus,
  type ProblemDetails,
  type PullInfo,
  type RunProgress,
  type RunStatus,
} from '../../contract/api';
import type { PendingRow, RowResult } from '../../contract/pending';
import type { AssociationView, JournalLine } from '../../contract/views';
import type { Locale } from '../../sheets';
import { EventParser } from './events';

export type DossierSummary = ReturnType<typeof DossierListSchema.parse>['dossiers'][number];
export type DossierDetail = ReturnType<typeof DossierDetailSchema.parse>;
export type DryRunResult = ReturnType<typeof DryRunResultSchema.parse>;
export type RunHeader = ReturnType<typeof RunListSchema.parse>['runs'][number];

export class ApiError extends Error {
  constructor(
    /** `unreachable`: no answer at all; `http`: an error status; `invalid`: an answer outside the contract. */
    readonly kind: 'unreachable' | 'http' | 'invalid',
    readonly url: string,
    message: string,
    readonly status: number | null = null,
    readonly problem: ProblemDetails | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The bearer token to send; `fresh` asks for a new one after the service refused the last. */
export type TokenSource = (fresh: boolean) => Promise<string>;

export interface ApiClientOptions {
  /** Base of the API, e.g. https://localhost:3001/api/v1 */
  baseUrl: string;
  token: TokenSource;
  fetch?: typeof fetch;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(o: ApiClientOptions) {
  const doFetch = o.fetch ?? ((input, init) => fetch(input, init));
  const base = o.baseUrl.replace(/\/$/, '');

  const send = async (method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> => {
    const url = `${base}${path}`;
    const attempt = async (fresh: boolean): Promise<Response> => {
      const headers: Record<string, string> = { accept: 'application/json', ...init.headers, authorization: `Bearer ${await o.token(fresh)}` };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      try {
        return await doFetch(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: init.signal });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        throw new ApiError('unreachable', url, `${method} ${url}: ${(error as Error).message}`);
      }
    };
    let response = await attempt(false);
    // A token may have expired since it was cached: one new token, one retry.
    if (response.status === 401) response = await attempt(true);
    if (!response.ok) throw await errorOf(url, response);
    return response;
  };

  const json = async <T>(schema: ZodType<T>, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await send(method, path, { body });
    return parse(schema, `${base}${path}`, await response.json());
  };

  /** Every item of a paged list, page by page; `onPage` hears how far it got. */
  const all = async <T>(schema: ZodType<{ total: number; items: T[] }>, path: string, onPage?: (done: number, total: number) => void): Promise<T[]> => {
    const items: T[] = [];
    for (;;) {
      const page = await json(schema, 'GET', `${path}?offset=${items.length}&limit=${MAX_PAGE}`);
      items.push(...page.items);
      onPage?.(items.length, page.total);
      if (page.items.length === 0 || items.length >= page.total) return items;
    }
  };

  const d = (dossier: string) => `/dossiers/${encodeURIComponent(dossier)}`;

  return {
    dossiers: async () => (await json(DossierListSchema, 'GET', '/dossiers')).dossiers,
    dossier: (dossier: string): Promise<DossierDetail> => json(DossierDetailSchema, 'GET', d(dossier)),
    createPull: (dossier: string): Promise<PullInfo> => json(PullInfoSchema, 'POST', `${d(dossier)}/pulls`, {}),
    pull: (dossier: string, pullId: string): Promise<PullInfo> => json(PullInfoSchema, 'GET', `${d(dossier)}/pulls/${encodeURIComponent(pullId)}`),
    pullRows: (dossier: string, pullId: string, onPage?: (done: number, total: number) => void): Promise<PendingRow[]> =>
      all(RowsPageSchema, `${d(dossier)}/pulls/${encodeURIComponent(pullId)}/rows`, onPage),
    pullView: (dossier: string, pullId: string, onPage?: (done: number, total: number) => void): Promise<AssociationView[]> =>
      all(AssociationsPageSchema, `${d(dossier)}/pulls/${encodeURIComponent(pullId)}/associations`, onPage),
    createBackup: (dossier: string): Promise<BackupInfo> => json(BackupInfoSchema, 'POST', `${d(dossier)}/backups`, {}),
    dryRun: (dossier: string, body: Omit<CreateRunBody, 'dryRun'>): Promise<DryRunResult> =>
      json(DryRunResultSchema, 'POST', `${d(dossier)}/runs`, { ...body, dryRun: true }),
    /** Starts an apply; the same key for a retry of the same request returns the same run. */
    startRun: async (dossier: string, body: Omit<CreateRunBody, 'dryRun'>, idempotencyKey: string): Promise<RunStatus> => {
      const path = `${d(dossier)}/runs`;
      const response = await send('POST', path, { body: { ...body, dryRun: false }, headers: { 'idempotency-key': idempotencyKey } });
      return parse(RunStatusSchema, `${base}${path}`, await response.json());
    },
    run: (dossier: string, runId: string): Promise<RunStatus> => json(RunStatusSchema, 'GET', `${d(dossier)}/runs/${encodeURIComponent(runId)}`),
    runs: async (dossier: string): Promise<RunHeader[]> => (await json(RunListSchema, 'GET', `${d(dossier)}/runs`)).runs,
    /**
     * Follows a run's progress until its `end`, which it returns. Rejects with an ApiError when
     * the run fails (`error` event) or the stream breaks before the end; the run goes on on the
     * service either way, and following it again gives its outcome.
     */
    followRun: async (dossier: string, runId: string, onProgress: (p: RunProgress) => void, signal?: AbortSignal): Promise<RunStatus> => {
      const path = `${d(dossier)}/runs/${encodeURIComponent(runId)}/events`;
      const response = await send('GET', path, { headers: { accept: 'text/event-stream' }, signal });
      const url = `${base}${path}`;
      if (!response.body) throw new ApiError('invalid', url, 'the event stream has no body');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new EventParser();
      try {
        for (;;) {
          let chunk: ReadableStreamReadResult<string>;
          try {
            chunk = await reader.read();
          } catch (error) {
            if ((error as Error).name === 'AbortError') throw error;
            throw new ApiError('unreachable', url, `the event stream broke: ${(error as Error).message}`);
          }
          if (chunk.done) throw new ApiError('unreachable', url, 'the event stream ended before the run did');
          for (const e of parser.push(chunk.value)) {
            const data: unknown = JSON.parse(e.data);
            if (e.event === 'progress') onProgress(parse(RunProgressSchema, url, data));
            else if (e.event === 'end') return parse(RunStatusSchema, url, data);
            else if (e.event === 'error') {
              const problem = parse(ProblemDetailsSchema, url, data);
              throw new ApiError('http', url, problem.detail, problem.status, problem);
            }
          }
        }
      } finally {
        await reader.cancel().catch(() => undefined);
      }
    },
    runResults: (dossier: string, runId: string): Promise<RowResult[]> => all(RowResultsPageSchema, `${d(dossier)}/runs/${encodeURIComponent(runId)}/results`),
    runJournal: (dossier: string, runId: string): Promise<JournalLine[]> => all(JournalPageSchema, `${d(dossier)}/runs/${encodeURIComponent(runId)}/journal`),
    /** The audit record as the workbook a firm keeps, in the reviewer's language. */
    auditWorkbook: async (dossier: string, runId: string, lang: Locale): Promise<{ content: Blob; filename: string }> => {
      const response = await send('GET', `${d(dossier)}/runs/${encodeURIComponent(runId)}/audit?format=xlsx&lang=${lang}`, {
        headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
      const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
      return { content: await response.blob(), filename: named?.[1] ?? `audit-${runId}.xlsx` };
    },
    customer: (dossier: string, side: 'bob' | 'crm', id: string): Promise<CustomerStatus> =>
      json(CustomerStatusSchema, 'GET', `${d(dossier)}/customers/${side}/${encodeURIComponent(id)}`),
  };
}

const parse = <T>(schema: ZodType<T>, url: string, data: unknown): T => {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError('invalid', url, `the answer of ${url} is not what the contract says: ${parsed.error.message}`);
  return parsed.data;
};

/** The problem details of an error answer, or what can be said without them. */
async function errorOf(url: string, response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const problem = ProblemDetailsSchema.safeParse(body);
  if (problem.success) return new ApiError('http', url, problem.data.detail, response.status, problem.data);
  return new ApiError('http', url, `${response.status} ${response.statusText}`, response.status);
}
