import { lineup } from './contenders/installed.js';
import { BenchPki, type BenchPems } from './pki.js';

/**
 * Child process of the memory suite: measures one contender in a fresh process, so the RSS it
 * reports is not blurred by pages another contender freed. Input (stdin, JSON): the contender's
 * name, the session count, the steps and the PEMs. Output (stdout, JSON): per-session growth of
 * each gauge for each step, and the native objects alive at the end when the backend counts them.
 */
interface ProbeRequest {
  contender: string;
  sessions: number;
  steps: number;
  pems: BenchPems;
}

export type Gauge = 'heap' | 'external' | 'rss';

export interface ProbeReport {
  samples: Record<Gauge, number[]>;
  nativeObjects?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('memoryProbe needs node --expose-gc');

let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const request = JSON.parse(input) as ProbeRequest;
const { contenders } = await lineup(BenchPki.from(request.pems));
const contender = contenders.find((c) => c.name === request.contender);
if (contender === undefined) throw new Error(`no contender ${request.contender} here`);

const pairsPerStep = request.sessions / 2 / request.steps;
const samples: Record<Gauge, number[]> = { heap: [], external: [], rss: [] };
const idle = await contender.idleSessions();
let before = usage();
for (let step = 0; step < request.steps; step++) {
  await idle.add(pairsPerStep);
  const now = usage();
  for (const gauge of ['heap', 'external', 'rss'] as const) samples[gauge].push((now[gauge] - before[gauge]) / 1024 / (2 * pairsPerStep));
  before = now;
}
process.stderr.write(`  ${contender.name}: ${request.sessions} sessions measured\n`);
const report: ProbeReport = { samples, ...(contender.nativeObjects === undefined ? {} : { nativeObjects: contender.nativeObjects() }) };
await idle.close();
process.stdout.write(JSON.stringify(report));

function usage(): Record<Gauge, number> {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external, rss: m.rss };
}
