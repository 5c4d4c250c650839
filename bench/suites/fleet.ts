import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectOnce, Fleet, otherServer, RedisServer } from '@tlsport/testkit';
import type { BenchPki } from '../pki.js';
import { ratePerSecond } from '../measure.js';
import { notAvailable, type ComparedMetric, type Outcome } from '../results.js';
import { interleaved, progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

const BIN = fileURLToPath(new URL('../../../packages/cli/dist/src/bin.js', import.meta.url));
/** Client connections in flight at once, so the servers, not one client's round trips, set the pace. */
const CONCURRENCY = 8;

/** `size` tlsport s_server processes sharing keys through `redis`; each client resumes on a server other than the last one. */
async function fleetSampler(windowMs: number, backend: string, size: number, redisUrl: string, files: { ca: string; cert: string; key: string }) {
  const fleet = await Fleet.start(BIN, size, backend, ['-cert', files.cert, '-key', files.key, '-ticket_store', redisUrl]);
  try {
    const clients = await Promise.all(Array.from({ length: CONCURRENCY }, async () => ({ issuer: 0, session: (await connectOnce(fleet.servers[0]!.port, files.ca, 'TLSv1.3', undefined)).session })));
    let offered = 0;
    let resumed = 0;
    const resumeOnce = async (client: (typeof clients)[number]): Promise<void> => {
      const next = size === 1 ? 0 : otherServer(size, client.issuer);
      const c = await connectOnce(fleet.servers[next]!.port, files.ca, 'TLSv1.3', client.session);
      offered++;
      if (c.resumed) resumed++;
      client.issuer = next;
      client.session = c.session;
    };
    return {
      sample: async () => (await ratePerSecond(windowMs, async () => void (await Promise.all(clients.map(resumeOnce))))) * CONCURRENCY,
      close: async () => {
        await fleet.stop();
        if (resumed < offered * 0.99) progress(`  ${backend} × ${size}: only ${resumed} of ${offered} resumed`);
      },
    };
  } catch (error) {
    await fleet.stop();
    throw error;
  }
}

/**
 * Resumed TLS 1.3 handshakes per second across a fleet of three tlsport s_server processes that
 * share ticket keys through a local redis-server, against one such server alone; the load comes
 * from node:tls clients in this process. Each backend is measured; plain node:tls has no fleet.
 */
export async function fleetSuite(context: SuiteContext, pki: BenchPki): Promise<SuiteOutput> {
  const sizes = [3, 1] as const;
  const metric = (size: number, results: Record<string, Outcome>): ComparedMetric => ({
    id: `fleet-resume-${size}`,
    suite: 'fleet',
    title: size === 1 ? 'Resumed TLS 1.3 handshakes/s, one tlsport s_server (keys from Redis)' : `Resumed TLS 1.3 handshakes/s, ${size} tlsport s_server processes sharing keys through Redis, each client on another server every time`,
    unit: 'handshakes/s',
    better: 'higher',
    results,
  });
  let redis: RedisServer;
  try {
    redis = await RedisServer.start();
  } catch (error) {
    const na = notAvailable(new Error(`no redis-server: ${(error as Error).message}`));
    return { compared: sizes.map((size) => metric(size, Object.fromEntries(context.contenders.map((c) => [c.name, na])))), single: [] };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tlsport-bench-fleet-'));
  const files = { ca: pki.ca('ecdsa'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
  writeFileSync(files.cert, pki.pems.server.ecdsa.cert);
  writeFileSync(files.key, pki.pems.server.ecdsa.key, { mode: 0o600 });
  try {
    const compared: ComparedMetric[] = [];
    for (const size of sizes) {
      progress(metric(size, {}).title);
      const results = await interleaved(context, async (contender) => {
        if (contender.name === 'node:tls') throw new Error('plain node:tls has no shared ticket store');
        return fleetSampler(context.options.windowMs, contender.name, size, redis.url, files);
      });
      compared.push(metric(size, results));
    }
    return { compared, single: [] };
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
