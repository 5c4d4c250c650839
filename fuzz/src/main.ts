import { runCampaign } from './campaign.js';
import { numberArg, parseArgs } from './options.js';
import { saveRegression } from './regressions.js';
import { BACKENDS } from './targets.js';

/**
 * npm run fuzz -- --backend openssl --iterations 100000 [--seed 1] [--peer pure,openssl]
 *   [--cpu-bound-ms 5000] [--report-every 10000] [--max-rss-growth-mb 300]
 * Feeds the backend's engine mutated and generated records at every handshake state, both roles.
 * Exit code 1 when any input broke the contract; each such input is kept in fuzz/regressions.
 */
const args = parseArgs(process.argv.slice(2));
const target = args.get('backend') ?? 'pure';
if (BACKENDS[target] === undefined) throw new Error(`--backend: one of ${Object.keys(BACKENDS).join(', ')}`);
const options = {
  target,
  iterations: numberArg(args, 'iterations', 10_000),
  seed: numberArg(args, 'seed', 1),
  peers: (args.get('peer') ?? 'pure,openssl').split(','),
  cpuBoundMs: numberArg(args, 'cpu-bound-ms', 5000),
  reportEvery: numberArg(args, 'report-every', 10_000),
  maxRssGrowthMb: numberArg(args, 'max-rss-growth-mb', 300),
};

let kept = 0;
const result = await runCampaign(options, (p) => {
  console.log(`${target}: ${p.done} inputs, ${p.perSecond.toFixed(0)}/s, rss ${p.memory.rssMb.toFixed(0)} MB, heap ${p.memory.heapMb.toFixed(0)} MB, openssl ssl ${p.memory.ssl} ctx ${p.memory.ctx}, slowest ${p.slowestMs.toFixed(0)} ms, failing ${p.failures}`);
});
for (const failure of result.failures) {
  console.log(`FAIL input ${failure.found.iteration}: ${failure.problems.join('; ')} -> fuzz/regressions/${saveRegression(failure)}`);
  kept++;
}
for (const problem of result.memoryProblems) console.log(`FAIL memory: ${problem}`);
console.log(`\n${target}: ${result.inputs} inputs in ${result.seconds.toFixed(1)} s (${(result.inputs / result.seconds).toFixed(0)} inputs/s), seed ${options.seed}, slowest input ${result.slowestMs.toFixed(0)} ms`);
console.log(`  rss first sample ${result.baseline?.rssMb.toFixed(0)} MB, peak ${result.peak?.rssMb.toFixed(0)} MB`);
for (const [k, n] of [...result.ended].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(9)}  ${k}`);
if (result.internal.size > 0) console.log('  peer input reported as GSK_INTERNAL_ERROR, by detail:');
for (const [k, n] of [...result.internal].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(n).padStart(9)}  ${k}`);
console.log(`  ${kept} failing inputs kept`);
process.exitCode = kept + result.memoryProblems.length > 0 ? 1 : 0;
