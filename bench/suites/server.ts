import { stat } from '../measure.js';
import type { ComparedMetric } from '../results.js';
import type { LoadWorkers } from '../servers/LoadWorkers.js';
import { interleaved, progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

/** Concurrent client connections the server is measured at. */
const CONCURRENCY = [1, 16, 128] as const;

/**
 * Metric 2: server handshakes/s over loopback TCP. The server runs in this process; plain
 * node:tls clients in separate processes keep k connections busy for a window, each connection
 * doing a full handshake, reading the server's one byte and hanging up. Rate: handshakes done over
 * the time from the start until the last connection finished.
 */
export async function serverSuite(context: SuiteContext, load: LoadWorkers): Promise<SuiteOutput> {
  const windowMs = context.options.serverWindowMs;
  const compared: ComparedMetric[] = [];
  for (const k of CONCURRENCY) {
    const title = `Server handshakes/s over loopback TCP, TLS 1.3 ECDSA, k=${k} concurrent clients`;
    progress(title);
    const notes: string[] = [];
    const results = await interleaved(context, async (contender) => {
      const server = await contender.server();
      const busy: number[] = [];
      return {
        sample: async () => {
          const cpu = process.cpuUsage();
          const report = await load.run({ mode: 'sustained', port: server.tcpPort, connections: k, windowMs });
          const used = process.cpuUsage(cpu);
          busy.push((used.user + used.system) / 1000 / report.ms);
          if (report.done === 0) throw new Error(`no handshake completed (${report.errors} client errors, ${server.failures} server failures)`);
          return report.done / (report.ms / 1000);
        },
        close: async () => {
          notes.push(`${contender.name}: the server process used ${(100 * stat(busy).median).toFixed(0)}% of one core (all threads; load clients and the rest of the machine had the remainder)`);
          await server.close();
        },
      };
    });
    compared.push({ id: `server-k${k}`, suite: 'server', title, unit: 'handshakes/s', better: 'higher', results, notes });
  }
  return { compared, single: [] };
}
