import cluster from 'node:cluster';
import { Container } from 'inversify';
import { TLS_BACKEND, useBackend, type TlsBackend } from '@tlsport/core';
import { BenchPki, type BenchPems } from '../pki.js';
import { TlsportServer } from './TlsportServer.js';

/**
 * The bench's tlsport server (TlsportServer) in a process of its own, on `workers` processes:
 *
 *   TLSPORT_BENCH_PKI='<BenchPems JSON>' node bench/dist/servers/clusterServer.js BACKEND WORKERS
 *
 * The primary prints `port N` once the server listens and closes it when its stdin ends. With
 * WORKERS > 1 the program runs again in each worker (Listener.listen({ workers })), where the
 * same start call serves the shared port; with 1 the primary serves it itself.
 */
const [name = '', count = '1'] = process.argv.slice(2);
const pems = process.env.TLSPORT_BENCH_PKI;
if (pems === undefined) throw new Error('TLSPORT_BENCH_PKI is not set');
const container = new Container();
await useBackend(container, name);
const backend = container.get<TlsBackend>(TLS_BACKEND);
const server = await TlsportServer.start(backend, BenchPki.from(JSON.parse(pems) as BenchPems).server('ecdsa'), { workers: Number(count) });
if (cluster.isPrimary) {
  console.log(`port ${server.tcpPort}`);
  process.stdin.resume();
  process.stdin.once('end', () => void server.close());
}
