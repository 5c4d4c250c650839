import { readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc/PID/stat times (USER_HZ, 100 on every x86-64 kernel). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) that process `pid` and its live child processes (a
 * cluster's workers) have used so far, in ms, from /proc; undefined where /proc does not say.
 */
export function processTreeCpuMs(pid: number): number | undefined {
  try {
    let ticks = 0;
    for (const id of [pid, ...childrenOf(pid)]) {
      // Fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th.
      const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter((s) => s !== '').map(Number);
}
