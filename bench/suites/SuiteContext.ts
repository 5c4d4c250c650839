import type { Contender } from '../contenders/Contender.js';
import { stat } from '../measure.js';
import type { BenchOptions } from '../options.js';
import { notAvailable, type ComparedMetric, type Outcome, type SingleMetric } from '../results.js';

/** What every suite gets. */
export interface SuiteContext {
  readonly options: BenchOptions;
  /** node:tls first, then each installed backend. */
  readonly contenders: readonly Contender[];
}

/** What a suite adds to the results. */
export interface SuiteOutput {
  compared: ComparedMetric[];
  single: SingleMetric[];
}

/** A contender set up for one metric: each `sample()` is one run. */
export interface Sampler {
  sample(): Promise<number>;
  close(): Promise<void>;
}

/** Like Sampler, but each run measures several things at once (one value per series). */
export interface SeriesSampler {
  sample(): Promise<readonly number[]>;
  close(): Promise<void>;
}

/** One outcome per contender for a sampler that returns one value per run. */
export async function interleaved(context: SuiteContext, setup: (c: Contender) => Promise<Sampler>): Promise<Record<string, Outcome>> {
  const [results] = await interleavedSeries(context, 1, async (contender) => {
    const sampler = await setup(contender);
    return { sample: async () => [await sampler.sample()], close: () => sampler.close() };
  });
  return results!;
}

/**
 * Measures every contender: sets each up, warms each up once (unless --quick), then takes the runs round-robin
 * (run 1 of every contender, then run 2, …) so that load from elsewhere on the machine falls on
 * all of them alike. A contender that fails gets n/a and the others go on.
 */
export async function interleavedSeries(context: SuiteContext, series: number, setup: (c: Contender) => Promise<SeriesSampler>): Promise<Record<string, Outcome>[]> {
  const results: Record<string, Outcome> = {};
  const live = new Map<Contender, SeriesSampler>();
  const samples = new Map<Contender, number[][]>();
  const gc = (globalThis as { gc?: () => void }).gc;
  const attempt = async (contender: Contender, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      results[contender.name] = notAvailable(error);
      progress(`  ${contender.name}: n/a (${notAvailable(error).na})`);
      const sampler = live.get(contender);
      live.delete(contender);
      await sampler?.close().catch(() => undefined);
    }
  };
  for (const contender of context.contenders) {
    await attempt(contender, async () => {
      live.set(contender, await setup(contender));
      if (context.options.warmup) await live.get(contender)!.sample();
      samples.set(contender, Array.from({ length: series }, () => []));
    });
  }
  for (let run = 0; run < context.options.runs; run++) {
    for (const [contender, sampler] of [...live]) {
      gc?.();
      await attempt(contender, async () => {
        const values = await sampler.sample();
        samples.get(contender)!.forEach((s, i) => s.push(values[i]!));
      });
    }
    process.stderr.write(`\r  run ${run + 1}/${context.options.runs}   `);
  }
  process.stderr.write('\n');
  const stats = new Map<Contender, Outcome[]>();
  for (const [contender, sampler] of live) {
    stats.set(contender, samples.get(contender)!.map(stat));
    await sampler.close();
  }
  return Array.from({ length: series }, (_, i) =>
    Object.fromEntries(context.contenders.flatMap((c) => {
      const outcome = stats.get(c)?.[i] ?? results[c.name];
      return outcome === undefined ? [] : [[c.name, outcome]];
    })),
  );
}

/** A progress line on stderr. */
export function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}
