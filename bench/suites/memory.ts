import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Gauge, ProbeReport } from '../memoryProbe.js';
import { stat } from '../measure.js';
import type { BenchPki } from '../pki.js';
import { outcomeOf, type ComparedMetric, type Outcome } from '../results.js';
import { progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

const PROBE = fileURLToPath(new URL('../memoryProbe.js', import.meta.url));

/** The sessions are added in this many steps; each step's growth per session is one sample. */
const STEPS = 5;

const GAUGES: readonly { gauge: Gauge; title: string }[] = [
  { gauge: 'rss', title: 'RSS (JS + native)' },
  { gauge: 'heap', title: 'JS heap' },
  { gauge: 'external', title: 'external (incl. ArrayBuffers)' },
];

/**
 * Metric 5: memory per established idle session. Each contender is measured in a fresh process
 * (bench/dist/memoryProbe.js): client+server pairs over in-memory pipes are added in steps up to
 * the target count; after each step and a full GC, each gauge's growth per session is one sample.
 */
export async function memorySuite(context: SuiteContext, pki: BenchPki): Promise<SuiteOutput> {
  const sessions = context.options.idleSessions;
  const byGauge: Record<Gauge, Record<string, Outcome>> = { heap: {}, external: {}, rss: {} };
  const notes: string[] = [];
  progress(`Memory per idle session at ${sessions} sessions (one process per contender)`);
  for (const contender of context.contenders) {
    let report: ProbeReport | undefined;
    const outcome = await outcomeOf(async () => {
      report = await probe({ contender: contender.name, sessions, steps: STEPS, pems: pki.pems });
      return stat(report.samples.rss);
    });
    for (const { gauge } of GAUGES) byGauge[gauge][contender.name] = report === undefined ? outcome : stat(report.samples[gauge]);
    if (report?.nativeObjects !== undefined) notes.push(`${contender.name}: ${report.nativeObjects} native SSL objects alive at ${sessions} sessions (liveObjects())`);
  }
  const compared: ComparedMetric[] = GAUGES.map(({ gauge, title }) => ({
    id: `memory-${gauge}`,
    suite: 'memory',
    title: `Memory per idle session at ${sessions} sessions, ${title}`,
    unit: 'KiB',
    better: 'lower',
    results: byGauge[gauge],
    ...(gauge === 'rss' && notes.length > 0 ? { notes } : {}),
  }));
  return { compared, single: [] };
}

function probe(request: object): Promise<ProbeReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', PROBE], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      process.stderr.write(s);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as ProbeReport);
      else reject(new Error(`memory probe exited ${code}: ${stderr.split('\n').find((line) => /Error|error:/.test(line)) ?? stderr.trim().slice(-200)}`));
    });
    child.stdin.end(JSON.stringify(request));
  });
}
