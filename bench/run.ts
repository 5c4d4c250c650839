import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import { lineup } from './contenders/installed.js';
import { machine } from './machine.js';
import { parseOptions } from './options.js';
import { BenchPki } from './pki.js';
import { runPortBench } from './port.js';
import { printResults } from './report/consoleReport.js';
import { LoadWorkers } from './servers/LoadWorkers.js';
import { writeReports } from './report/writeReports.js';
import type { BenchResults } from './results.js';
import { bulkSuite } from './suites/bulk.js';
import { cryptoSuite } from './suites/crypto.js';
import { eventLoopSuite } from './suites/eventLoop.js';
import { fleetSuite } from './suites/fleet.js';
import { handshakeSuite, resumeSuite } from './suites/handshakes.js';
import { httpsSuite } from './suites/https.js';
import { memorySuite } from './suites/memory.js';
import { serverSuite } from './suites/server.js';
import { progress, type SuiteContext, type SuiteOutput } from './suites/SuiteContext.js';

/**
 * `npm run bench [-- --quick] [-- --out DIR] [-- SUITE…]`: runs the named suites (default: all; a bare --quick leaves out fleet)
 * against plain node:tls and every installed backend. The table goes to stdout, progress to
 * stderr; results.json, chart.svg and RESULTS.md to bench/ (or DIR).
 */
const options = parseOptions(process.argv.slice(2), fileURLToPath(new URL('..', import.meta.url)));
const pki = BenchPki.create();
/** The load-generator processes, one per core, started when a suite first needs them. */
let workers: Promise<LoadWorkers> | undefined;
const load = (): Promise<LoadWorkers> => (workers ??= LoadWorkers.spawn(Math.max(1, cpus().length)));

const SUITES: Record<string, (context: SuiteContext) => Promise<SuiteOutput>> = {
  crypto: cryptoSuite,
  handshake: handshakeSuite,
  resume: resumeSuite,
  fleet: (context) => fleetSuite(context, pki),
  server: async (context) => serverSuite(context, await load()),
  eventloop: async (context) => eventLoopSuite(context, await load()),
  bulk: bulkSuite,
  https: httpsSuite,
  memory: (context) => memorySuite(context, pki),
  port: async (context) => ({ compared: [], single: await runPortBench(nodeTlsBackend, context.options) }),
};

/** Suites a bare --quick run leaves out: the fleet starts a dozen server processes and a redis-server (name it to run it). */
const QUICK_SKIPS = new Set(['fleet']);

const unknown = options.suites.filter((s) => !(s in SUITES));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')} (known: ${Object.keys(SUITES).join(', ')})`);
  process.exit(2);
}

try {
  const { contenders, missing } = await lineup(pki);
  for (const [name, why] of Object.entries(missing)) progress(`backend ${name} not measured: ${why}`);
  progress(`contenders: ${contenders.map((c) => c.name).join(', ')}${options.quick ? ' (quick)' : ''}`);
  const results: BenchResults = {
    schema: 'tlsport-bench/1',
    date: new Date().toISOString(),
    quick: options.quick,
    machine: machine(),
    missing,
    contenders: contenders.map((c) => c.name),
    compared: [],
    single: [],
  };
  const context: SuiteContext = { options, contenders };
  for (const [name, suite] of Object.entries(SUITES)) {
    if (options.suites.length > 0 ? !options.suites.includes(name) : options.quick && QUICK_SKIPS.has(name)) continue;
    const t0 = performance.now();
    const output = await suite(context);
    progress(`[${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s]`);
    results.compared.push(...output.compared);
    results.single.push(...output.single);
  }
  printResults(results);
  for (const file of writeReports(results, options.outDir)) progress(`wrote ${file}`);
} finally {
  (await workers)?.close();
  pki.dispose();
}
