import { readFileSync } from 'node:fs';

/**
 * CPU time this process's main thread has run, in ms, from Linux's per-thread scheduler
 * statistics (/proc/self/task/PID/schedstat: nanoseconds on the CPU, then nanoseconds waiting
 * to run, then time slices); undefined where there are none. Unlike the event loop's active
 * time, it leaves out the time the thread was runnable but another process had the core.
 */
export function mainThreadCpuMs(): number | undefined {
  try {
    const [onCpuNs] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    const ns = Number(onCpuNs);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
