/**
 * =BOBSYNC.STATUT(code_bob): where one customer stands. A sheet may hold this function in
 * thousands of cells, so lookups are shared (one request per customer at a time), remembered
 * for a while, and at most a few are in flight: the service's per-user rate limit must not be
 * spent by a column of formulas.
 */
import type { CustomerStatus } from '../contract/api';
import { blockedWords, type Locale, stringsFor } from '../sheets';

/**
 * `pulledAt` is when the latest pull was made: a customer synchronised since then is up to date,
 * although that pull still lists it.
 */
export const statusText = (status: CustomerStatus, locale: Locale, pulledAt: string | null): string => {
  const f = stringsFor(locale).addin.functions;
  const s = stringsFor(locale);
  if (!status.association && !status.pending) return f.unknownCustomer({ id: status.id });
  if (status.never) return f.never({ reason: status.never.reason });
  const pair = status.association?.crmId ? f.associated({ crmId: status.association.crmId }) : f.notAssociated;
  const syncedSince = pulledAt !== null && (status.association?.lastSyncAt ?? '') > pulledAt;
  const pending = syncedSince ? null : status.pending;
  if (!pending) return `${pair} · ${f.upToDate}`;
  if (pending.blockedReason !== '') return `${pair} · ${f.blocked({ reason: blockedWords(pending, locale) })}`;
  return `${pair} · ${f.pending({ kind: s.kinds[pending.kind], fields: pending.fields.length, conflicts: pending.conflicts })}`;
};

export interface LookupOptions {
  /** How long an answer is kept. */
  keepMs: number;
  /** Requests in flight at most. */
  concurrency: number;
  now: () => number;
}

/** Remembers answers per key, shares requests in flight, and queues beyond the concurrency. */
export class SharedLookup<T> {
  private readonly kept = new Map<string, { at: number; value: Promise<T> }>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly o: LookupOptions) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const known = this.kept.get(key);
    if (known && this.o.now() - known.at < this.o.keepMs) return known.value;
    const value = this.limited(load);
    this.kept.set(key, { at: this.o.now(), value });
    // A failure is not remembered: the next recalculation asks again.
    value.catch(() => this.kept.get(key)?.value === value && this.kept.delete(key));
    return value;
  }

  /** After a pull or a run every answer may have changed. */
  forget(): void {
    this.kept.clear();
  }

  private async limited(load: () => Promise<T>): Promise<T> {
    if (this.active >= this.o.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await load();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
