import { loadCorpus, loadCorpusPki } from './corpus.js';
import { generate } from './generate.js';
import { collect, sampleMemory, type MemorySample } from './memory.js';
import { numberArg, parseArgs } from './options.js';
import { runInput } from './pump.js';
import { regressionOf, saveRegression } from './regressions.js';
import { Rng } from './rng.js';
import { BACKENDS, Contexts } from './targets.js';

/**
 * npm run fuzz -- --backend openssl --iterations 100000 [--seed 1] [--peer pure] [--time-bound-ms 5000]
 *   [--report-every 10000] [--max-rss-growth-mb 300]
 * Feeds the backend's engine mutated and generated records at every handshake state, both roles.
 * Exit code 1 when any input broke the contract; each such input is kept in fuzz/regressions.
 */
const args = parseArgs(process.argv.slice(2));
const target = args.get('backend') ?? 'pure';
if (BACKENDS[target] === undefined) throw new Error(`--backend: one of ${Object.keys(BACKENDS).join(', ')}`);
const iterations = numberArg(args, 'iterations', 10_000);
const seed = numberArg(args, 'seed', 1);
const timeBoundMs = numberArg(args, 'time-bound-ms', 5000);
const reportEvery = numberArg(args, 'report-every', 10_000);
const maxRssGrowthMb = numberArg(args, 'max-rss-growth-mb', 300);
const peers = (args.get('peer') ?? 'pure,openssl').split(',');

const failures: string[] = [];
let current = 'startup';
process.on('uncaughtException', (error) => failures.push(`uncaught exception during ${current}: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => failures.push(`unhandled rejection during ${current}: ${String(error)}`));

const corpus = loadCorpus();
const donors = corpus.flatMap((t) => [...t.c2s, ...t.s2c]);
const contexts = Contexts.create(loadCorpusPki());
const ended = new Map<string, number>();
/** Peer input the backend reported as an internal error, by detail: candidates for its fault table. */
const internal = new Map<string, number>();
let slowest = 0;
let kept = 0;
const began = performance.now();
let baseline: MemorySample | undefined;
let peak: MemorySample | undefined;

for (let i = 0; i < iterations; i++) {
  const rng = Rng.forInput(seed, i);
  const { input, produce, recorded } = generate(target, peers, corpus, donors, rng);
  current = `input ${i} (${JSON.stringify(input)})`;
  const before = failures.length;
  const outcome = await runInput(contexts, input, produce, { timeBoundMs, ...(recorded === undefined ? {} : { recorded }) });
  const problems = [...outcome.problems, ...failures.slice(before)];
  if (target === 'openssl' || input.source === 'openssl') {
    const live = sampleMemory().ssl;
    if (live !== 0) problems.push(`openssl: ${live} SSL objects still live after both engines were destroyed`);
  }
  const key = outcome.ended === 'failed' ? `failed ${outcome.status}` : outcome.ended;
  ended.set(key, (ended.get(key) ?? 0) + 1);
  slowest = Math.max(slowest, outcome.elapsedMs);
  if (outcome.status === 'GSK_INTERNAL_ERROR') {
    const detail = (outcome.detail ?? '').replace(/[0-9a-f]{8,}|\d+/g, '#').slice(0, 120);
    internal.set(detail, (internal.get(detail) ?? 0) + 1);
  }
  if (problems.length > 0) {
    kept++;
    const name = saveRegression(regressionOf(input, { ...outcome, problems }, seed, i));
    console.log(`FAIL input ${i}: ${problems.join('; ')} -> fuzz/regressions/${name}`);
  }
  if ((i + 1) % reportEvery === 0 || i + 1 === iterations) {
    collect();
    const m = sampleMemory();
    if (baseline === undefined && i + 1 >= Math.min(reportEvery, iterations)) baseline = m;
    if (peak === undefined || m.rssMb > peak.rssMb) peak = m;
    const seconds = (performance.now() - began) / 1000;
    console.log(`${target}: ${i + 1} inputs, ${((i + 1) / seconds).toFixed(0)}/s, rss ${m.rssMb.toFixed(0)} MB, heap ${m.heapMb.toFixed(0)} MB, openssl ssl ${m.ssl} ctx ${m.ctx}, slowest ${slowest.toFixed(0)} ms, kept ${kept}`);
    if (baseline !== undefined && m.rssMb - baseline.rssMb > maxRssGrowthMb) {
      console.log(`FAIL memory: rss grew ${(m.rssMb - baseline.rssMb).toFixed(0)} MB since the first report (bound ${maxRssGrowthMb} MB)`);
      kept++;
    }
  }
}
await contexts.dispose();
const seconds = (performance.now() - began) / 1000;
console.log(`\n${target}: ${iterations} inputs in ${seconds.toFixed(1)} s (${(iterations / seconds).toFixed(0)} inputs/s), seed ${seed}, slowest input ${slowest.toFixed(0)} ms`);
console.log(`  baseline rss ${baseline?.rssMb.toFixed(0)} MB, peak rss ${peak?.rssMb.toFixed(0)} MB`);
for (const [k, n] of [...ended].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(9)}  ${k}`);
if (internal.size > 0) console.log('  internal errors by detail:');
for (const [k, n] of [...internal].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(n).padStart(9)}  ${k}`);
console.log(`  ${kept} failing inputs kept`);
process.exitCode = kept > 0 ? 1 : 0;
