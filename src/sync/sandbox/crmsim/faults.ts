/**
 * The simulator's fault mode: what a CRM behind a busy IIS and a flaky network does to a
 * client. Each request draws its fate from a seeded generator, so a failing run can be replayed
 * with the same seed (up to the order in which concurrent requests arrive).
 */

export interface CrmSimFaults {
  /** Delay before every answer, in milliseconds. */
  latencyMs: number;
  /** Share of requests answered 500, 503 or 429 without being carried out (0 to 1). */
  errorRate: number;
  /**
   * Share of requests whose connection is dropped without an answer (0 to 1): half of them
   * before the request is carried out, half after, which is the case that tempts a client to
   * create a record twice.
   */
  dropRate: number;
  /** Largest page a list returns, whatever `count` asks. */
  maxPageSize: number;
}

export type Fate =
  | { kind: 'serve' }
  | { kind: 'error'; status: 500 | 503 | 429 }
  | { kind: 'drop'; after: boolean };

export interface FaultCounts {
  errors: number;
  dropsBefore: number;
  dropsAfter: number;
}

const ERROR_STATUSES = [500, 503, 429] as const;

export class FaultInjector {
  private faults: CrmSimFaults;
  private readonly random: () => number;
  private readonly counted: FaultCounts = { errors: 0, dropsBefore: 0, dropsAfter: 0 };

  constructor(faults: CrmSimFaults, seed: number) {
    this.faults = checkFaults(faults);
    this.random = mulberry32(seed);
  }

  get current(): Readonly<CrmSimFaults> {
    return this.faults;
  }

  set(changes: Partial<CrmSimFaults>): void {
    this.faults = checkFaults({ ...this.faults, ...changes });
  }

  counts(): FaultCounts {
    return { ...this.counted };
  }

  /** What happens to the next request. */
  draw(): Fate {
    const roll = this.random();
    if (roll < this.faults.errorRate) {
      this.counted.errors++;
      return { kind: 'error', status: ERROR_STATUSES[Math.floor(this.random() * ERROR_STATUSES.length)] };
    }
    if (roll < this.faults.errorRate + this.faults.dropRate) {
      const after = this.random() < 0.5;
      if (after) this.counted.dropsAfter++;
      else this.counted.dropsBefore++;
      return { kind: 'drop', after };
    }
    return { kind: 'serve' };
  }
}

function checkFaults(f: CrmSimFaults): CrmSimFaults {
  if (!Number.isFinite(f.latencyMs) || f.latencyMs < 0) {
    throw new Error(`latencyMs must be a number of milliseconds >= 0; got ${f.latencyMs}`);
  }
  for (const key of ['errorRate', 'dropRate'] as const) {
    if (!(f[key] >= 0 && f[key] <= 1)) throw new Error(`${key} must be between 0 and 1; got ${f[key]}`);
  }
  if (f.errorRate + f.dropRate > 1) throw new Error('errorRate and dropRate together must not exceed 1');
  if (!Number.isInteger(f.maxPageSize) || f.maxPageSize < 1) {
    throw new Error(`maxPageSize must be a positive whole number; got ${f.maxPageSize}`);
  }
  return f;
}

/** A small, fast, seedable generator; quality far beyond what fault draws need. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
