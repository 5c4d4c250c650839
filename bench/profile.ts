import { cpus } from 'node:os';
import { lineup } from './contenders/installed.js';
import type { Contender } from './contenders/Contender.js';
import { BenchPki } from './pki.js';
import { LoadWorkers } from './servers/LoadWorkers.js';

/**
 * Runs one workload on one contender for a while, for `node --cpu-prof`:
 *
 *   node --cpu-prof --cpu-prof-dir=DIR bench/dist/profile.js CONTENDER WORKLOAD [SECONDS]
 *   node bench/dist/profileSummary.js DIR/*.cpuprofile
 *
 * WORKLOAD: handshake (full TLS 1.3 ECDSA in memory), resume (1.3 PSK in memory),
 * bulk (AES-128-GCM in memory), bulk-tcp (AES-128-GCM over loopback through the session layer),
 * server (this process serves 128 concurrent connections from the load-client processes).
 */
const WORKLOADS: Record<string, (c: Contender, until: number) => Promise<number>> = {
  handshake: (c, until) => handshakes(c, false, until),
  resume: (c, until) => handshakes(c, true, until),
  bulk: (c, until) => bulk(c, 'memory', until),
  'bulk-tcp': (c, until) => bulk(c, 'loopback', until),
  server: (c, until) => serve(c, until),
};

async function serve(contender: Contender, until: number): Promise<number> {
  const server = await contender.server();
  const load = await LoadWorkers.spawn(Math.max(1, cpus().length));
  try {
    const report = await load.run({ mode: 'sustained', port: server.tcpPort, connections: 128, windowMs: until - performance.now() });
    return report.done;
  } finally {
    load.close();
    await server.close();
  }
}

async function handshakes(contender: Contender, resumed: boolean, until: number): Promise<number> {
  const h = await contender.handshaker({ version: 'TLSv1.3', cert: 'ecdsa', resumed, group: 'x25519' });
  let n = 0;
  while (performance.now() < until) {
    await h.once();
    n++;
  }
  await h.close();
  return n;
}

async function bulk(contender: Contender, over: 'memory' | 'loopback', until: number): Promise<number> {
  const link = await contender.bulk('TLS_AES_128_GCM_SHA256', over);
  let n = 0;
  while (performance.now() < until) {
    await link.transfer(1 << 20);
    n++;
  }
  await link.close();
  return n;
}

const [name, workload, seconds = '5'] = process.argv.slice(2);
const run = WORKLOADS[workload ?? ''];
if (name === undefined || run === undefined) {
  console.error(`usage: profile.js CONTENDER ${Object.keys(WORKLOADS).join('|')} [SECONDS]`);
  process.exit(2);
}
const pki = BenchPki.create();
try {
  const contender = (await lineup(pki)).contenders.find((c) => c.name === name);
  if (contender === undefined) throw new Error(`no contender ${name}`);
  const count = await run(contender, performance.now() + Number(seconds) * 1000);
  console.log(`${name} ${workload}: ${count} iterations in ${seconds} s`);
} finally {
  pki.dispose();
}
