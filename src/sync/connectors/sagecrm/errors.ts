/** Failures of the Sage CRM client, each with what to do about it in the message. */

export type CrmErrorKind =
  | 'credentials'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'server'
  | 'network'
  | 'timeout'
  | 'protocol'
  | 'setup';

export class CrmError extends Error {
  override readonly name = 'CrmError';
  /**
   * The server may have carried the request out although no success came back (the connection
   * dropped after sending, a 500): a creation must be looked for before it is sent again.
   */
  readonly maybeApplied: boolean;

  constructor(
    readonly kind: CrmErrorKind,
    /** HTTP status of the answer; 0 when there was none (network, timeout). */
    readonly status: number,
    message: string,
    options?: { cause?: unknown; maybeApplied?: boolean },
  ) {
    super(message, options);
    this.maybeApplied = options?.maybeApplied ?? false;
  }
}
