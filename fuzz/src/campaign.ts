import { loadCorpus, loadCorpusPki } from './corpus.js';
import { generate } from './generate.js';
import { collect, sampleMemory, type MemorySample } from './memory.js';
import { runInput } from './pump.js';
import { regressionOf, type Regression } from './regressions.js';
import { Rng } from './rng.js';
import { Contexts } from './targets.js';

export interface CampaignOptions {
  target: string;
  iterations: number;
  seed: number;
  peers: readonly string[];
  cpuBoundMs: number;
  /** Inputs between memory samples (and progress reports). */
  reportEvery: number;
  /** RSS growth over the first sample that counts as unbounded memory. */
  maxRssGrowthMb: number;
}

export interface CampaignProgress {
  done: number;
  perSecond: number;
  memory: MemorySample;
  slowestMs: number;
  failures: number;
}

export interface CampaignResult {
  inputs: number;
  seconds: number;
  slowestMs: number;
  /** How the target ended, by "failed <status>", "complete", "waiting". */
  ended: Map<string, number>;
  /** Peer input reported as GSK_INTERNAL_ERROR, by detail (numbers masked): fault-table gaps. */
  internal: Map<string, number>;
  /** Inputs that broke the contract, ready to keep. */
  failures: Regression[];
  /** Memory problems (unbounded growth). */
  memoryProblems: string[];
  baseline: MemorySample | undefined;
  peak: MemorySample | undefined;
}

/**
 * Runs `iterations` inputs against one backend, checking each (no exception escapes, failures
 * are TlsErrors with a GSK status, the CPU-time and exchange bounds, no openssl SSL left after destroy, no uncaught
 * exception or unhandled rejection) and memory every `reportEvery` inputs.
 */
export async function runCampaign(options: CampaignOptions, onProgress: (p: CampaignProgress) => void = () => undefined): Promise<CampaignResult> {
  const escaped: string[] = [];
  const onUncaught = (error: unknown): void => void escaped.push(`uncaught exception: ${(error as Error)?.stack ?? String(error)}`);
  const onUnhandled = (error: unknown): void => void escaped.push(`unhandled rejection: ${String(error)}`);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);
  const corpus = loadCorpus();
  const donors = corpus.flatMap((t) => [...t.c2s, ...t.s2c]);
  const contexts = Contexts.create(loadCorpusPki());
  const result: CampaignResult = { inputs: 0, seconds: 0, slowestMs: 0, ended: new Map(), internal: new Map(), failures: [], memoryProblems: [], baseline: undefined, peak: undefined };
  const began = performance.now();
  try {
    for (let i = 0; i < options.iterations; i++) {
      const { input, produce, recorded } = generate(options.target, options.peers, corpus, donors, Rng.forInput(options.seed, i));
      const before = escaped.length;
      const outcome = await runInput(contexts, input, produce, { cpuBoundMs: options.cpuBoundMs, ...(recorded === undefined ? {} : { recorded }) });
      // An exception thrown on a later turn by this input's engines shows up after a turn.
      await new Promise((resolve) => setImmediate(resolve));
      const problems = [...outcome.problems, ...escaped.slice(before)];
      const live = sampleMemory().ssl;
      if (live !== 0) problems.push(`openssl: ${live} SSL objects still live after both engines were destroyed`);
      const key = outcome.ended === 'failed' ? `failed ${outcome.status}` : outcome.ended;
      result.ended.set(key, (result.ended.get(key) ?? 0) + 1);
      result.slowestMs = Math.max(result.slowestMs, outcome.elapsedMs);
      if (outcome.status === 'GSK_INTERNAL_ERROR') {
        const detail = (outcome.detail ?? '').replace(/[0-9A-Fa-f]{8,}|\d+/g, '#').slice(0, 120);
        result.internal.set(detail, (result.internal.get(detail) ?? 0) + 1);
      }
      if (problems.length > 0) result.failures.push(regressionOf(input, { ...outcome, problems }, options.seed, i));
      result.inputs++;
      if ((i + 1) % options.reportEvery === 0 || i + 1 === options.iterations) {
        collect();
        const memory = sampleMemory();
        result.baseline ??= memory;
        if (result.peak === undefined || memory.rssMb > result.peak.rssMb) result.peak = memory;
        if (memory.rssMb - result.baseline.rssMb > options.maxRssGrowthMb) {
          result.memoryProblems.push(`rss grew ${(memory.rssMb - result.baseline.rssMb).toFixed(0)} MB after ${i + 1} inputs (bound ${options.maxRssGrowthMb} MB)`);
        }
        const seconds = (performance.now() - began) / 1000;
        onProgress({ done: i + 1, perSecond: (i + 1) / seconds, memory, slowestMs: result.slowestMs, failures: result.failures.length });
      }
    }
  } finally {
    result.seconds = (performance.now() - began) / 1000;
    await contexts.dispose();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUnhandled);
  }
  return result;
}
