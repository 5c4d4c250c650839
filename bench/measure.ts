/** Small measuring kit for the benchmarks: repeated runs, median/min/max, progress on stderr. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function stat(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Runs `once` `runs` times (after one warm-up) and returns the statistics of what it returns. */
export async function repeat(label: string, runs: number, once: () => Promise<number> | number): Promise<Stat> {
  await once();
  const samples: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    // Start each sample from a collected heap so one run's garbage is not billed to the next.
    gc?.();
    samples.push(await once());
    process.stderr.write(`\r${label}: run ${i + 1}/${runs}   `);
  }
  process.stderr.write('\n');
  return stat(samples);
}

export function format(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  if (n >= 10) return n.toFixed(0);
  return n.toPrecision(3);
}

/** Prints an aligned table to stdout. */
export function table(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Calls `once` back to back for `windowMs` and returns calls per second. */
export async function ratePerSecond(windowMs: number, once: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  let elapsed = 0;
  do {
    await once();
    n++;
    elapsed = performance.now() - t0;
  } while (elapsed < windowMs);
  return n / (elapsed / 1000);
}
