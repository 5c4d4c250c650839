import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, recordsFor } from './corpus.js';
import type { FuzzInput, Outcome } from './input.js';
import { runInput } from './pump.js';
import { fromHex, toHex } from './records.js';
import type { Contexts } from './targets.js';

/** A kept failing input: replayed by test/reliability until the bug stays fixed. */
export interface Regression {
  input: FuzzInput;
  /** The injected bytes, hex. */
  injected: string;
  /** What went wrong when it was found. */
  problems: string[];
  found: { seed: number; iteration: number };
  /** For a kept mis-mapping: the GSK status name the target must fail with. */
  expectedStatus?: string;
  /** What was wrong, for a case kept by hand. */
  why?: string;
}

export const REGRESSIONS_DIR = new URL('../regressions/', import.meta.url).pathname;

export function saveRegression(r: Regression, dir = REGRESSIONS_DIR): string {
  const name = `${r.input.target}-${r.input.role}-${r.found.seed}-${r.found.iteration}.json`;
  writeFileSync(join(dir, name), JSON.stringify(r, null, 1) + '\n');
  return name;
}

export function loadRegressions(dir = REGRESSIONS_DIR): { name: string; regression: Regression }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, regression: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Regression }));
}

export function regressionOf(input: FuzzInput, outcome: Outcome, seed: number, iteration: number): Regression {
  return { input, injected: toHex(outcome.injected ?? new Uint8Array(0)), problems: outcome.problems, found: { seed, iteration } };
}

/** Replays a kept input: the same state, the same injected bytes. */
export function replay(contexts: Contexts, r: Regression, cpuBoundMs: number): Promise<Outcome> {
  const bytes = fromHex(r.injected);
  const recorded = r.input.mode === 'corpus' ? recordsFor(loadCorpus().find((t) => t.name === r.input.source)!, r.input.role) : undefined;
  return runInput(contexts, r.input, () => bytes, { cpuBoundMs, ...(recorded === undefined ? {} : { recorded }) });
}
