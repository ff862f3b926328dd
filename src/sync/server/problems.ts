/**
 * Errors as RFC 9457 problem details with a stable `code`. Handlers throw HttpProblem; engine
 * refusals (EngineError, a RunResult's problems) and fastify's own 4xx are mapped here, so that
 * every error the API returns has the same shape.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Holder, ProblemDetails } from '../../contract/api';
import type { Problem } from '../../contract/pending';
import { EngineError } from '../engine/context';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: { problems?: Problem[]; holder?: Holder; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

/** Statuses of the engine's refusals; any other code is a request that cannot be carried out. */
const ENGINE_STATUS: Record<string, number> = {
  busy: 409,
  not_undoable: 409,
  unknown_run: 404,
};

/** Problem codes that say the dossier's state forbids the request, not that the request is wrong. */
const PROBLEM_STATUS: Record<string, number> = {
  backup_required: 409,
  changed_since_run: 409,
  flag_of_other_user: 403,
};

/** A refusal listing problems: 409 or 403 when they all say so, 422 otherwise. */
export function problemsRefusal(problems: Problem[], what: string): HttpProblem {
  const statuses = new Set(problems.map((p) => PROBLEM_STATUS[p.code] ?? 422));
  const codes = new Set(problems.map((p) => p.code));
  const status = statuses.size === 1 ? [...statuses][0] : 422;
  const code = codes.size === 1 ? [...codes][0] : 'validation_failed';
  return new HttpProblem(status, code, `${what}: ${problems.length} problem(s), listed with their row key and field.`, { problems });
}

/** Fastify's own client errors, by fastify error code. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
};

export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof EngineError) return new HttpProblem(ENGINE_STATUS[error.code] ?? 422, error.code, error.message);
  const e = error as Partial<FastifyError>;
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = (e.code && FASTIFY_CODES[e.code]) ?? (error instanceof SyntaxError ? 'malformed_json' : 'bad_request');
    return new HttpProblem(e.statusCode, code, e.message ?? 'The request is not valid.');
  }
  return new HttpProblem(500, 'internal_error', 'An internal error occurred: quote the request id to the administrator.');
}

export function problemDetails(req: FastifyRequest, p: HttpProblem): ProblemDetails {
  return {
    type: `urn:bobsync:problem:${p.code}`,
    title: STATUS_CODES[p.status] ?? 'Error',
    status: p.status,
    code: p.code,
    detail: p.message,
    instance: req.url,
    requestId: String(req.id),
    ...(p.extra.problems ? { problems: p.extra.problems } : {}),
    ...(p.extra.holder ? { holder: p.extra.holder } : {}),
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, p: HttpProblem): FastifyReply {
  return reply
    .code(p.status)
    .headers(p.extra.headers ?? {})
    .type('application/problem+json')
    .send(problemDetails(req, p));
}
