/**
 * Failures the simulator turns into HTTP answers. The store throws them too, so the in-process
 * API (sandbox generator, tests) refuses exactly what the REST API refuses.
 */

/** Input the simulated CRM refuses: answered as 400 with `$sdataCode` = `code`. */
export class SimInputError extends Error {
  override readonly name = 'SimInputError';
  constructor(
    message: string,
    readonly code: string = 'BadRequest',
  ) {
    super(message);
  }
}

/** A record that does not exist: answered as 404. */
export class SimNotFoundError extends Error {
  override readonly name = 'SimNotFoundError';
}
