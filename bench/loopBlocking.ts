import { CompletionPort } from '@tlsport/core';
import { connection, sessionEnvironments } from './links/sessionConnection.js';
import { BenchPki } from './pki.js';
import { mainThreadCpuMs } from './servers/mainThreadCpu.js';

/**
 * How long the event loop is held during a burst, in the main thread's own CPU time, so that it
 * reads the same on a loaded machine (the wall-clock event-loop delay of the bench's eventloop
 * suite also counts the time other processes had the core):
 *
 *   node bench/dist/loopBlocking.js BACKEND [CONNECTIONS]
 *
 * CONNECTIONS connections (bench/links/sessionConnection.ts, client and server in this process)
 * start at once; a 1 ms interval timer notes the main thread's CPU time between its ticks. A
 * tick that comes late after much CPU means the loop was busy that long without a turn.
 */
const [name, count = '300'] = process.argv.slice(2);
const pki = BenchPki.create();
try {
  const [clientEnv, serverEnv] = await sessionEnvironments(pki, name, 'loopBlocking.js BACKEND [CONNECTIONS]');
  const burst = async (): Promise<number[]> => {
    const between: number[] = [];
    let last = mainThreadCpuMs()!;
    const timer = setInterval(() => {
      const now = mainThreadCpuMs()!;
      between.push(now - last);
      last = now;
    }, 1);
    const ports = Array.from({ length: Number(count) }, () => CompletionPort.create());
    await Promise.all(ports.map((port) => connection(clientEnv, serverEnv, port)));
    clearInterval(timer);
    for (const port of ports) port.destroy();
    // What ran after the last tick (all of it, when the timer never fired) held the loop too.
    between.push(mainThreadCpuMs()! - last);
    return between.sort((a, b) => a - b);
  };
  await burst(); // warm-up
  const between = await burst();
  const at = (q: number): string => between[Math.min(between.length - 1, Math.floor(q * between.length))]!.toFixed(2);
  console.log(`${name}: ${count} connections at once; main-thread CPU between 1 ms timer ticks: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (${between.length - 1} ticks)`);
  await Promise.all([clientEnv.close(), serverEnv.close()]);
} finally {
  pki.dispose();
}
