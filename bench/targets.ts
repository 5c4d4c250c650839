import { isStat, type BenchResults, type ComparedMetric, type SingleMetric } from './results.js';

/** A goal stated as a ratio to node:tls for one backend on metrics whose id starts with `prefix`. */
interface RatioTarget {
  readonly contender: string;
  readonly prefix: string;
  readonly op: '>=' | '<=';
  readonly ratio: number;
}

/** A goal for a single (absolute) metric. */
interface AbsoluteTarget {
  readonly prefix: string;
  readonly op: '>=' | '<=';
  readonly value: number;
}

/** The same goal for several backends. */
function each(contenders: readonly string[], prefix: string, op: '>=' | '<=', ratio: number): RatioTarget[] {
  return contenders.map((contender) => ({ contender, prefix, op, ratio }));
}

const BACKENDS = ['node-tls', 'openssl', 'pure'] as const;

/**
 * The project's stated targets: issue #14 (speed over real sockets, in memory, memory per idle
 * session, event-loop delay) and what remains of issue #6 (bulk in memory). "On 2 cores" is this
 * machine when it has 2. The server's raw rate (wall time, k concurrent clients) and its capacity
 * (handshakes per server CPU time, scaled to the cores) each have their own goal.
 */
const RATIO_TARGETS: readonly RatioTarget[] = [
  ...each(BACKENDS, 'server-k', '>=', 1.0),
  { contender: 'openssl', prefix: 'server-capacity-', op: '>=', ratio: 2.0 },
  ...each(['node-tls', 'pure'], 'server-capacity-', '>=', 1.0),
  { contender: 'openssl', prefix: 'bulk-loopback-', op: '>=', ratio: 1.2 },
  ...each(['node-tls', 'pure'], 'bulk-loopback-', '>=', 0.8),
  { contender: 'openssl', prefix: 'bulk-memory-', op: '>=', ratio: 1.2 },
  { contender: 'pure', prefix: 'bulk-memory-', op: '>=', ratio: 0.8 },
  ...each(['openssl', 'pure'], 'hs-', '>=', 2.0),
  ...each(['openssl', 'pure'], 'resume-', '>=', 1.5),
  { contender: 'pure', prefix: 'eventloop-p99', op: '<=', ratio: 1.5 },
  { contender: 'openssl', prefix: 'memory-rss', op: '<=', ratio: 0.5 },
  { contender: 'pure', prefix: 'memory-rss', op: '<=', ratio: 0.5 },
];

const ABSOLUTE_TARGETS: readonly AbsoluteTarget[] = [
  { prefix: 'port-post-wait', op: '>=', value: 2e6 },
  { prefix: 'port-burst-wait', op: '>=', value: 2e6 },
  { prefix: 'port-stream', op: '>=', value: 2e6 },
  // "Flat" from 1k to 100k pending: at most twice the cost for a hundred times the operations.
  { prefix: 'port-cancel-growth', op: '<=', value: 2 },
  { prefix: 'port-ispending-growth', op: '<=', value: 2 },
];

/** One target's verdict on one metric. */
export interface Verdict {
  readonly metric: string;
  readonly contender: string | undefined;
  /** "openssl >= 2.0x" or ">= 2.00M". */
  readonly goal: string;
  /** The measured ratio or value; undefined when n/a. */
  readonly actual: number | undefined;
  readonly met: boolean;
}

export const BASELINE = 'node:tls';

/** A contender's median over node:tls's; undefined when either is n/a. */
export function ratioOf(metric: ComparedMetric, contender: string): number | undefined {
  const base = metric.results[BASELINE];
  const mine = metric.results[contender];
  return isStat(base) && isStat(mine) && base.median !== 0 ? mine.median / base.median : undefined;
}

export function comparedVerdicts(metric: ComparedMetric): Verdict[] {
  return RATIO_TARGETS.filter((t) => metric.id.startsWith(t.prefix) && t.contender in metric.results).map((t) => {
    const actual = ratioOf(metric, t.contender);
    return { metric: metric.id, contender: t.contender, goal: `${t.contender} ${t.op} ${t.ratio.toFixed(1)}x`, actual, met: holds(actual, t.op, t.ratio) };
  });
}

export function singleVerdicts(metric: SingleMetric): Verdict[] {
  return ABSOLUTE_TARGETS.filter((t) => metric.id.startsWith(t.prefix)).map((t) => {
    const actual = isStat(metric.outcome) ? metric.outcome.median : undefined;
    return { metric: metric.id, contender: undefined, goal: `${t.op} ${t.value}`, actual, met: holds(actual, t.op, t.value) };
  });
}

export function allVerdicts(results: BenchResults): Verdict[] {
  return [...results.compared.flatMap(comparedVerdicts), ...results.single.flatMap(singleVerdicts)];
}

function holds(actual: number | undefined, op: '>=' | '<=', goal: number): boolean {
  if (actual === undefined) return false;
  return op === '>=' ? actual >= goal : actual <= goal;
}
