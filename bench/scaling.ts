import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BenchPki } from './pki.js';
import { LoadWorkers } from './servers/LoadWorkers.js';
import { processTreeCpuMs } from './servers/processTreeCpu.js';

/**
 * How the tlsport server scales with `Listener.listen({ workers })`: handshakes/s of the bench's
 * server (bench/servers/clusterServer.ts) with 1 process and with N, under the same load as the
 * server suite (lowest-priority node:tls clients, k connections, full TLS 1.3 ECDSA handshake,
 * one byte, hang up). Rounds are interleaved across configurations, so outside load falls on all.
 *
 *   node bench/dist/scaling.js [BACKEND…] [--workers N] [--rounds R] [--window MS] [--k K]
 */
const SERVER = fileURLToPath(new URL('./servers/clusterServer.js', import.meta.url));
/** bench/SCALING.md, which `npm run bench` appends to RESULTS.md. */
const SCALING_FILE = fileURLToPath(new URL('../SCALING.md', import.meta.url));

interface Options {
  backends: string[];
  workers: number;
  rounds: number;
  windowMs: number;
  connections: number;
}

function parse(argv: readonly string[]): Options {
  const options: Options = { backends: [], workers: cpus().length, rounds: 5, windowMs: 3000, connections: 128 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${arg} needs a positive integer`);
      return n;
    };
    if (arg === '--workers') options.workers = value();
    else if (arg === '--rounds') options.rounds = value();
    else if (arg === '--window') options.windowMs = value();
    else if (arg === '--k') options.connections = value();
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.backends.push(arg);
  }
  if (options.backends.length === 0) options.backends = ['openssl', 'pure', 'node-tls'];
  return options;
}

/** Starts clusterServer.js; resolves with its port, its pid and a stop function that waits for it to exit. */
async function startServer(backend: string, workers: number, pki: BenchPki): Promise<{ port: number; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [SERVER, backend, String(workers)], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, TLSPORT_BENCH_PKI: JSON.stringify(pki.pems) } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  const match = /^port (\d+)$/.exec(first.done === true ? '' : first.value);
  if (match === null) {
    child.kill();
    throw new Error(`${backend} server with ${workers} workers did not start`);
  }
  return {
    port: Number(match[1]),
    pid: child.pid!,
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const options = parse(process.argv.slice(2));
const pki = BenchPki.create();
const load = await LoadWorkers.spawn(Math.max(1, cpus().length));
const counts = [1, options.workers];
const rates = new Map<string, number[]>();
/** CPU ms per handshake of the server processes and of the load clients, per configuration. */
const serverCpu = new Map<string, number[]>();
const loadCpu = new Map<string, number[]>();
const push = (map: Map<string, number[]>, key: string, x: number | undefined): void => {
  if (x !== undefined && Number.isFinite(x)) map.set(key, [...(map.get(key) ?? []), x]);
};
const startLoad = loadavg()[0]!.toFixed(2);
console.log(`load average at start ${startLoad}, ${cpus().length} cores, k=${options.connections}, ${options.rounds} rounds of ${options.windowMs} ms`);
try {
  for (let round = 0; round < options.rounds; round++) {
    for (const backend of options.backends) {
      for (const workers of counts) {
        const server = await startServer(backend, workers, pki);
        try {
          const cpuBefore = processTreeCpuMs(server.pid);
          const report = await load.run({ mode: 'sustained', port: server.port, connections: options.connections, windowMs: options.windowMs });
          const cpuAfter = processTreeCpuMs(server.pid);
          if (report.done === 0) throw new Error(`${backend}/${workers}: no handshake completed (${report.errors} errors)`);
          const key = `${backend} ${workers}`;
          push(rates, key, report.done / (report.ms / 1000));
          push(serverCpu, key, cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / report.done);
          push(loadCpu, key, report.cpuMs / report.done);
        } finally {
          await server.stop();
        }
      }
    }
  }
  const lines = [
    '## Every core: `Listener.listen({ workers })`',
    '',
    `Run ${new Date().toISOString()}, ${cpus().length} cores, load average ${startLoad} at the start and ${loadavg()[0]!.toFixed(2)} at the end. ` +
      `Server handshakes/s over loopback (TLS 1.3 ECDSA, k=${options.connections}, the server suite's niced node:tls load clients), ` +
      `the bench's tlsport server in one process and in ${options.workers} worker processes; median of ${options.rounds} windows of ${options.windowMs} ms [min–max]. ` +
      '`node bench/dist/scaling.js` regenerates this section (bench/SCALING.md; `npm run bench` copies it here). ' +
      'The load generator runs on the same cores: when one server process and the load clients already keep every core busy, ' +
      'more server processes cannot add handshakes, and the cluster primary spends CPU handing each connection to a worker ' +
      '(NODE_CLUSTER_SCHED_POLICY=none lets the workers accept themselves). Scaling shows on a machine with cores to spare for the load. ' +
      `The ceiling column says how far this machine lets any server scale: with s ms of server CPU and c ms of load-client CPU per handshake (measured in the one-process runs, /proc and process.cpuUsage()), ` +
      `${cpus().length} cores make at most ${cpus().length} × 1000 / (s + c) handshakes/s, whatever the number of server processes; the ceiling is that rate over the one-process rate (and never more than ${options.workers}x).`,
    '',
    `| backend | workers: 1 | workers: ${options.workers} | ratio (target >= 1.7x) | server CPU per handshake (s) | load CPU per handshake (c) | ceiling on this machine |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const backend of options.backends) {
    const cell = (workers: number): string => {
      const xs = rates.get(`${backend} ${workers}`)!;
      return `${median(xs).toFixed(0)} [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;
    };
    const one = median(rates.get(`${backend} 1`)!);
    const ratio = median(rates.get(`${backend} ${options.workers}`)!) / one;
    const s = serverCpu.has(`${backend} 1`) ? median(serverCpu.get(`${backend} 1`)!) : undefined;
    const c = median(loadCpu.get(`${backend} 1`)!);
    const ceiling = s === undefined ? undefined : Math.min(options.workers, (cpus().length * 1000) / (s + c) / one);
    const ms = (x: number | undefined): string => (x === undefined ? 'n/a' : `${x.toFixed(2)} ms`);
    lines.push(`| ${backend} | ${cell(1)} | ${cell(options.workers)} | ${ratio.toFixed(2)}x | ${ms(s)} | ${ms(c)} | ${ceiling === undefined ? 'n/a' : `${ceiling.toFixed(2)}x`} |`);
  }
  const text = `${lines.join('\n')}\n`;
  console.log(text);
  writeFileSync(SCALING_FILE, text);
  console.log(`wrote ${SCALING_FILE}`);
} finally {
  load.close();
  pki.dispose();
}
