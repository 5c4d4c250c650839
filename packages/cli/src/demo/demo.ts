import type { Writable } from 'node:stream';
import { CompletionPort, installedBackends, Listener, SecureEnvironment, type TlsBackend, type TlsVersion } from '@tlsport/core';
import { parseArgs } from '../args/parseArgs.js';
import { DEMO_OPTIONS } from './options.js';
import { backendByName } from '../backend.js';
import { failedThrown } from '../report.js';
import { reversingLines } from '../server/responders.js';
import { ServerLoop } from '../server/ServerLoop.js';
import { cancelDemo } from './cancelDemo.js';
import { demoPki, type DemoPki } from './demoPki.js';
import { roundTrip } from './roundTrip.js';
import { formatTable } from './table.js';

const VERSIONS: readonly TlsVersion[] = ['TLSv1.3', 'TLSv1.2'];

interface RunningServer {
  backend: TlsBackend;
  address: { host: string; port: number };
  stop(): Promise<void>;
}

/**
 * tlsport demo: a throwaway CA and leaf, one -rev server per installed backend on loopback, every
 * client backend against every server backend in TLS 1.3 and 1.2, and a cancelled handshake.
 * Prints a table, failures numbered below it; the exit code is 0 once the demo has run (the tests
 * hold the backends to the results).
 */
export async function demo(argv: readonly string[], out: Writable, err: Writable): Promise<number> {
  const o = parseArgs(argv, DEMO_OPTIONS);
  const only = o.backend?.split(',').filter((name) => name !== '');
  const say = (line = ''): void => {
    out.write(line + '\n');
  };
  const started = performance.now();
  let backends: TlsBackend[];
  try {
    backends = await availableBackends(say, only);
  } catch (error) {
    err.write(failedThrown(error) + '\n');
    return 1;
  }
  const pki = demoPki();
  const servers: RunningServer[] = [];
  try {
    say(`PKI: throwaway CA and ECDSA P-256 leaf for localhost in ${pki.dir}`);
    for (const backend of backends) servers.push(await startServer(backend, pki));
    say(`servers: ${servers.map((s) => `${s.backend.name} on ${s.address.host}:${s.address.port}`).join(', ')}`);
    say();

    const rows: string[][] = [];
    const notes: string[] = [];
    const note = (text: string): string => `FAILED [${notes.push(text)}]`;
    for (const client of backends) {
      for (const version of VERSIONS) {
        const env = await SecureEnvironment.open(client, { ca: pki.caCert, servername: 'localhost', minVersion: version, maxVersion: version });
        for (const server of servers) {
          const line = `hello from ${client.name} to ${server.backend.name}`;
          try {
            const { negotiated: n, reply } = await roundTrip(env, server.address, line);
            const echoed = reply === [...line].reverse().join('');
            rows.push([client.name, server.backend.name, n.version, n.cipherSuite, n.group ?? '-', n.handshakeMs.toFixed(1), echoed ? 'ok' : note(`wrong echo: ${reply}`)]);
          } catch (error) {
            rows.push([client.name, server.backend.name, version, '-', '-', '-', note(failedThrown(error))]);
          }
        }
        await env.close();
      }
    }
    say(formatTable(['client', 'server', 'version', 'suite', 'group', 'handshake ms', 'echo'], rows));
    notes.forEach((text, i) => say(`[${i + 1}] ${text}`));
    say();
    say('cancelling a handshake with a server that never answers:');
    for (const backend of backends) {
      try {
        say(`  ${await cancelDemo(backend, pki.caCert)}`);
      } catch (error) {
        say(`  ${backend.name}: ${note((error as Error).message)}`);
      }
    }
    say();
    say(`${rows.length} connections, ${notes.length} failures, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    pki.dispose();
  }
}

/**
 * The installed backends that load through DI (or the ones named by -backend, which must load);
 * the others are named with the reason.
 */
async function availableBackends(say: (line: string) => void, only: readonly string[] | undefined): Promise<TlsBackend[]> {
  const backends: TlsBackend[] = [];
  // A backend asked for by name must load: its failure is the command's error.
  for (const name of only ?? []) backends.push(await backendByName(name));
  for (const name of only === undefined ? await installedBackends() : []) {
    try {
      backends.push(await backendByName(name));
    } catch (error) {
      say(`backend ${name}: not usable here (${(error as Error).message})`);
    }
  }
  say(`backends: ${backends.map((b) => b.name).join(', ')}`);
  return backends;
}

/** A -rev server (each line comes back reversed) on an OS-chosen loopback port, run by ServerLoop. */
async function startServer(backend: TlsBackend, pki: DemoPki): Promise<RunningServer> {
  const env = await SecureEnvironment.open(backend, { role: 'server', cert: pki.chain, key: pki.key });
  const listener = await Listener.listen({ host: '127.0.0.1', port: 0 });
  const port = CompletionPort.create();
  // Each failure shows in its client's row, so the servers need not report.
  const running = new ServerLoop({ env, listener, port, backend: backend.name, respond: reversingLines, report: () => undefined }).run();
  return {
    backend,
    address: { host: listener.address, port: listener.port },
    async stop() {
      port.destroy();
      await running;
      await listener.close();
      await env.close();
    },
  };
}
