import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isStat, type ComparedMetric, type Outcome } from '../results.js';
import type { LoadWorkers } from '../servers/LoadWorkers.js';
import { mainThreadCpuMs } from '../servers/mainThreadCpu.js';
import { interleavedSeries, progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

/** Concurrent client connections the server is measured at. */
const CONCURRENCY = [1, 16, 128] as const;

/** What one window says about the server; `capacity` follows from the rest (see `capacityOf`). */
interface ServerSample {
  /** Handshakes per second of wall time (command sent to last connection closed): what this machine, load generator included, managed. */
  readonly rate: number;
  readonly capacity: number;
  /** CPU time of the whole server process (all threads) over the window, in cores. */
  readonly cores: number;
  /** Share of the window the server's main thread was busy. */
  readonly mainBusy: number;
  /** Share of the window the event loop was active (ELU): busy, or runnable but preempted. */
  readonly loopActive: number;
}

/** Where the server process's CPU went over one window, in ms. */
interface Usage {
  /** All threads of the process. */
  readonly processMs: number;
  /** The event loop's active time (performance.eventLoopUtilization). */
  readonly loopActiveMs: number;
  /** The main thread's own CPU time, where the OS tells it (Linux). */
  readonly mainThreadMs: number | undefined;
}

/**
 * Metric 2: server handshakes/s over loopback TCP. The server runs in this process; plain
 * node:tls clients in separate, lowest-priority processes keep k connections busy for a window,
 * each connection doing a full handshake, reading the server's one byte and hanging up.
 *
 * Two rows per k. The raw rate (handshakes over the time until the last connection finished)
 * depends on how much CPU the load generator and the rest of the machine left the server. The
 * capacity divides the handshakes by the CPU the server actually used, then scales to this
 * machine's cores as far as the server's threading allows; the targets are judged on it.
 */
export async function serverSuite(context: SuiteContext, load: LoadWorkers): Promise<SuiteOutput> {
  const windowMs = context.options.serverWindowMs;
  const cores = cpus().length;
  const compared: ComparedMetric[] = [];
  for (const k of CONCURRENCY) {
    const title = `Server handshakes/s over loopback TCP, TLS 1.3 ECDSA, k=${k} concurrent clients`;
    progress(title);
    const [rate, capacity, cpu, main, loop] = await interleavedSeries(context, 5, async (contender) => {
      const server = await contender.server();
      return {
        sample: async () => {
          const cpu0 = process.cpuUsage();
          const elu0 = performance.eventLoopUtilization();
          const main0 = mainThreadCpuMs();
          const t0 = performance.now();
          const report = await load.run({ mode: 'sustained', port: server.tcpPort, connections: k, windowMs });
          // One interval for everything: wall time, process CPU, loop activity, main-thread CPU.
          const wallMs = performance.now() - t0;
          const cpuUsed = process.cpuUsage(cpu0);
          const loopActiveMs = performance.eventLoopUtilization(elu0).active;
          const main1 = mainThreadCpuMs();
          if (report.done === 0) throw new Error(`no handshake completed (${report.errors} client errors, ${server.failures} server failures)`);
          const usage: Usage = { processMs: (cpuUsed.user + cpuUsed.system) / 1000, loopActiveMs, mainThreadMs: main0 === undefined || main1 === undefined ? undefined : main1 - main0 };
          const s = measured(report.done, wallMs, usage, cores);
          return [s.rate, s.capacity, s.cores, s.mainBusy, s.loopActive];
        },
        close: () => server.close(),
      };
    });
    const notes = Object.keys(rate!).flatMap((name) => usageNote(name, cpu![name], main![name], loop![name]));
    compared.push(
      { id: `server-k${k}`, suite: 'server', title, unit: 'handshakes/s', better: 'higher', results: rate!, notes },
      {
        id: `server-capacity-k${k}`,
        suite: 'server',
        title: `Server handshake capacity on ${cores} cores, from the server's CPU time, TLS 1.3 ECDSA, k=${k}`,
        unit: 'handshakes/s',
        better: 'higher',
        results: capacity!,
      },
    );
  }
  return { compared, single: [] };
}

/**
 * Handshakes per CPU-second of the whole server process (all its threads, the libuv pool
 * included) say what it does with `cores` fully used; handshakes per busy second of its main
 * thread say what it does when that thread is the bottleneck. The capacity is the smaller of
 * the two, so a server whose crypto runs on the main thread (node:tls, node-tls, pure) is held to
 * one core, and one that hands its handshake steps to the pool (openssl) gets `cores` of them
 * unless its main thread runs out first. The main thread's busy time is its own CPU time where
 * Linux reports it, else the event loop's active time; never more than the process's CPU time
 * (ELU also counts time the thread was runnable but preempted, which on a loaded machine is a lot).
 */
function measured(done: number, wallMs: number, usage: Usage, cores: number): ServerSample {
  const mainMs = Math.min(usage.loopActiveMs, usage.processMs, usage.mainThreadMs ?? Infinity);
  if (mainMs <= 0) throw new Error(`the server's main thread used no measurable CPU for ${done} handshakes`);
  const allThreads = (cores * done) / (usage.processMs / 1000);
  const mainThread = done / (mainMs / 1000);
  return {
    rate: done / (wallMs / 1000),
    capacity: Math.min(allThreads, mainThread),
    cores: usage.processMs / wallMs,
    mainBusy: mainMs / wallMs,
    loopActive: usage.loopActiveMs / wallMs,
  };
}

function usageNote(name: string, cpu: Outcome | undefined, main: Outcome | undefined, loop: Outcome | undefined): string[] {
  if (!isStat(cpu) || !isStat(main) || !isStat(loop)) return [];
  const percent = (x: number): string => `${(100 * x).toFixed(0)}%`;
  return [
    `${name}: the server process used ${percent(cpu.median)} of one core (all threads), its main thread ${percent(main.median)}; the event loop was active ${percent(loop.median)} of the time (medians)`,
  ];
}
