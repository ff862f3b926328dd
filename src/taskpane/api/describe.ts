/** Any failure the pane or the functions meet, in the reviewer's words. */
import { type Locale, problemText, stringsFor } from '../../sheets';
import { formatDate } from '../format';
import { ApiError } from './client';

/** The origin the reviewer knows the service by: the address without the API path. */
const where = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

export const describeError = (error: unknown, locale: Locale): string => {
  const s = stringsFor(locale);
  const e = s.addin.errors;
  if (error instanceof ApiError) {
    if (error.kind === 'unreachable') return e.unreachable({ url: where(error.url) });
    const problem = error.problem;
    if (error.status === 401) return e.unauthorized;
    if (error.status === 403) return e.forbidden({ detail: problem?.detail ?? error.message });
    if (problem?.holder) return e.busy({ user: problem.holder.user, since: formatDate(problem.holder.since, locale) });
    if (problem?.problems && problem.problems.length > 0) return problem.problems.map((p) => problemText(p, locale)).join(' ');
    return e.server({ status: error.status ?? 0, detail: problem?.detail ?? error.message, requestId: problem?.requestId ?? '—' });
  }
  // Office.js rejects with errors that carry a code (OfficeExtension.Error).
  if (error instanceof Error && 'code' in error && typeof (error as { code: unknown }).code === 'string' && error.name !== 'FormulaWrittenError') {
    return e.excel({ message: error.message });
  }
  return error instanceof Error ? error.message : String(error);
};
