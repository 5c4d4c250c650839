import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoadWorkers } from '../servers/LoadWorkers.js';
import { interleaved, progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

/**
 * Metric 7: how long the server's event loop is blocked while a burst of concurrent handshakes
 * arrives (p99 of perf_hooks' event-loop delay, sampled every millisecond, over the burst).
 */
export async function eventLoopSuite(context: SuiteContext, load: LoadWorkers): Promise<SuiteOutput> {
  const burst = context.options.burst;
  const title = `Event-loop delay p99 during a burst of ${burst} concurrent server handshakes`;
  progress(title);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const notes: string[] = [];
  const results = await interleaved(context, async (contender) => {
    const server = await contender.server();
    let failed = 0;
    let bursts = 0;
    return {
      sample: async () => {
        histogram.reset();
        histogram.enable();
        const report = await load.run({ mode: 'burst', port: server.tcpPort, connections: burst, windowMs: 0 });
        histogram.disable();
        // A connection that timed out under load still loaded the server: count it, keep the sample.
        if (report.done === 0) throw new Error(`every handshake of the burst failed (${server.failures} on the server)`);
        failed += report.errors;
        bursts++;
        return histogram.percentile(99) / 1e6;
      },
      close: async () => {
        if (failed > 0) notes.push(`${contender.name}: ${failed} of ${bursts * burst} client connections failed or timed out (15 s)`);
        await server.close();
      },
    };
  });
  return { compared: [{ id: 'eventloop-p99', suite: 'eventloop', title, unit: 'ms', better: 'lower', results, notes }], single: [] };
}
