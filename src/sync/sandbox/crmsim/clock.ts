/**
 * Timestamps for `comp_updateddate`. Integrations poll with `comp_updateddate gt <last seen>`,
 * so two writes must never share a timestamp: when the wall clock has not moved past the last
 * stamp (same millisecond, or the clock stepped back), the next stamp is one millisecond later.
 */
export class MonotonicClock {
  private last: number;

  /** `floor`: the latest stamp already handed out (e.g. read back from the database). */
  constructor(floor?: string | null) {
    this.last = floor ? Date.parse(floor) : 0;
    if (Number.isNaN(this.last)) throw new Error(`Invalid timestamp floor '${floor}'`);
  }

  now(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }
}
