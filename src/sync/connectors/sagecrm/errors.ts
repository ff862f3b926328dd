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
  | 'protocol';

export class CrmError extends Error {
  override readonly name = 'CrmError';

  constructor(
    readonly kind: CrmErrorKind,
    /** HTTP status of the answer; 0 when there was none (network, timeout). */
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
