/**
 * What a benchmark is: a named function that measures and returns its figures. `run.ts` prints
 * them and records them in RESULTS.md with the machine and the date. Figures are compared as
 * ratios within one run, never against a fixed time: tests carry no timed assertion.
 */
import { cpus, totalmem } from 'node:os';

export interface BenchFigures {
  /** Markdown lines (a table or a list) with the figures and the ratios that matter. */
  lines: string[];
  /** Goals stated by the issue, each with whether this run met it. */
  goals: Array<{ goal: string; met: boolean }>;
}

export interface Bench {
  /** Short id used on the command line: `npm run bench -- pull`. */
  id: string;
  title: string;
  run(): Promise<BenchFigures>;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

/** Samples the resident set size while `fn` runs; returns the peak above the start. */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; baseMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: (peak - base) / 2 ** 20, baseMb: base / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

export const fmt = (n: number, digits = 2): string => n.toFixed(digits);
