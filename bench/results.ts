import type { Stat } from './measure.js';

/** A measurement, or why there is none ("n/a (reason)"): a backend that cannot do it never stops the run. */
export type Outcome = Stat | { readonly na: string };

export function isStat(o: Outcome | undefined): o is Stat {
  return o !== undefined && 'median' in o;
}

/** A metric measured on every contender; reported as ratios to node:tls. */
export interface ComparedMetric {
  readonly id: string;
  readonly suite: string;
  readonly title: string;
  readonly unit: string;
  /** Whether a bigger number is the better one (throughput) or the worse one (memory, delay). */
  readonly better: 'higher' | 'lower';
  /** Contender name -> outcome. */
  readonly results: Record<string, Outcome>;
  /** Extra facts worth printing beside the numbers (e.g. native objects alive). */
  readonly notes?: readonly string[];
}

/** A metric with one value for the machine or for tlsport's core (completion port, crypto limit). */
export interface SingleMetric {
  readonly id: string;
  readonly suite: string;
  readonly title: string;
  readonly unit: string;
  readonly outcome: Outcome;
}

export interface BenchResults {
  readonly schema: 'tlsport-bench/1';
  readonly date: string;
  readonly quick: boolean;
  readonly machine: Record<string, string | number>;
  /** Backends that did not load here, with why. */
  readonly missing: Record<string, string>;
  /** Column order; the first is the baseline, "node:tls". */
  readonly contenders: readonly string[];
  readonly compared: ComparedMetric[];
  readonly single: SingleMetric[];
}

/** The reason a measurement failed, short enough for a table cell. */
export function notAvailable(error: unknown): { na: string } {
  const text = error instanceof Error ? error.message : String(error);
  return { na: text.split('\n')[0]!.slice(0, 200) };
}

/** Runs `measure`, turning a failure into n/a so one broken backend leaves the others' numbers. */
export async function outcomeOf(measure: () => Promise<Stat>): Promise<Outcome> {
  try {
    return await measure();
  } catch (error) {
    process.stderr.write(`\n  n/a: ${notAvailable(error).na}\n`);
    return notAvailable(error);
  }
}
