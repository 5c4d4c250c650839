import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** The facts about this machine a reader needs to place the numbers. */
export function machine(): Record<string, string | number> {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
    node: process.versions.node,
    openssl: process.versions.openssl ?? 'unknown',
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
    loadAverageAtStart: loadavg()[0]!.toFixed(2),
  };
}
