import { request } from 'node:https';
import type { AgentOptions } from 'node:https';
import { ratePerSecond } from '../measure.js';
import type { ComparedMetric } from '../results.js';
import { interleaved, progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

const CASES: readonly { id: string; title: string; agent: AgentOptions }[] = [
  { id: 'https-new-connection', title: 'https requests/s, a new TLS connection per request (GET, 1 KiB body)', agent: { keepAlive: false } },
  { id: 'https-keep-alive', title: 'https requests/s, keep-alive, one connection (GET, 1 KiB body)', agent: { keepAlive: true, maxSockets: 1 } },
];

const BODY = Buffer.alloc(1024, 'x');

/**
 * node:https over each contender's TLS, client and server in this process over loopback:
 * node:http on TlsSocket servers with https.Agents whose connections are TlsSockets, against
 * node:https itself. One request at a time, so each number is the latency of the whole stack.
 */
export async function httpsSuite(context: SuiteContext): Promise<SuiteOutput> {
  const compared: ComparedMetric[] = [];
  for (const c of CASES) {
    progress(c.title);
    const results = await interleaved(context, async (contender) => {
      const side = contender.https();
      const server = await side.serve((_req, res) => res.end(BODY));
      const agent = side.agent(c.agent);
      const once = (): Promise<void> =>
        new Promise((resolve, reject) => {
          request({ host: '127.0.0.1', port: server.port, servername: 'localhost', agent }, (res) => {
            res.resume();
            res.once('end', resolve);
          })
            .once('error', reject)
            .end();
        });
      return {
        sample: () => ratePerSecond(context.options.windowMs, once),
        close: async () => {
          agent.destroy();
          await server.close();
        },
      };
    });
    compared.push({ id: c.id, suite: 'https', title: c.title, unit: 'requests/s', better: 'higher', results });
  }
  return { compared, single: [] };
}
