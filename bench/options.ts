import { join } from 'node:path';

/** What `npm run bench` was asked to do: `[--quick] [--out DIR] [SUITE…]`. */
export interface BenchOptions {
  /** A short run (under a minute): smaller windows, fewer sessions. */
  readonly quick: boolean;
  /**
   * Where results.json, chart.svg and RESULTS.md go: bench/ for a full run of every suite (the
   * committed results), bench/out/ (not committed) for --quick or a subset, unless --out says.
   */
  readonly outDir: string;
  /** Suites to run; empty: all. */
  readonly suites: readonly string[];
  /** Samples per metric (each metric reports the median of these). */
  readonly runs: number;
  /** Take one unrecorded sample of each contender first (JIT, caches, connection pools). */
  readonly warmup: boolean;
  /** Length of one in-memory rate sample, ms. */
  readonly windowMs: number;
  /** Length of one sustained-load window against a TCP server, ms. */
  readonly serverWindowMs: number;
  /** Concurrent connections in one event-loop-delay burst. */
  readonly burst: number;
  /** Bytes in one bulk-throughput sample. */
  readonly bulkBytes: number;
  /** Established idle sessions for the memory suite. */
  readonly idleSessions: number;
  /** Completions posted per completion-port sample. */
  readonly completions: number;
}

const FULL = { warmup: true, windowMs: 400, serverWindowMs: 1000, burst: 1000, bulkBytes: 32 << 20, idleSessions: 10_000, completions: 2_000_000 };
const QUICK = { warmup: false, windowMs: 25, serverWindowMs: 30, burst: 50, bulkBytes: 1 << 20, idleSessions: 1_000, completions: 100_000 };

export function parseOptions(argv: readonly string[], defaultOutDir: string): BenchOptions {
  const suites: string[] = [];
  let quick = false;
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--out') {
      const dir = argv[++i];
      if (dir === undefined) throw new Error('--out needs a directory');
      outDir = dir;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg} (known: --quick, --out DIR)`);
    else suites.push(arg);
  }
  const partial = quick || suites.length > 0;
  return { quick, outDir: outDir ?? (partial ? join(defaultOutDir, 'out') : defaultOutDir), suites, runs: 5, ...(quick ? QUICK : FULL) };
}
