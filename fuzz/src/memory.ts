import { liveObjects } from '@tlsport/backend-openssl';

/** One sample of the process's memory and the openssl backend's native object counts. */
export interface MemorySample {
  rssMb: number;
  heapMb: number;
  ssl: number;
  ctx: number;
}

export function sampleMemory(): MemorySample {
  const m = process.memoryUsage();
  const live = liveObjects();
  return { rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20, ssl: live.ssl, ctx: live.ctx };
}

/** Runs a full collection when node was started with --expose-gc (numbers are then comparable). */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
