import { connect, createSecureContext } from 'node:tls';
import { createInterface } from 'node:readline';

/**
 * A load-generator process: plain node:tls clients against a server under test, the same for
 * every server. Each connection does a full handshake, waits for the server's one byte, and hangs
 * up. Takes one JSON command per stdin line, answers each with one JSON line on stdout:
 *
 * - sustained: keeps `connections` connections going, starting new ones for `windowMs`.
 * - burst: opens `connections` connections at once.
 *
 * Either way it answers {"done","errors","ms","cpuMs"} once the last connection has finished (ms:
 * from the command to then; cpuMs: the CPU time this process spent meanwhile). Exits when stdin
 * ends. LoadWorkers runs these processes at the lowest CPU priority, so the server under test gets
 * whatever CPU it can use.
 */
export interface LoadCommand {
  mode: 'sustained' | 'burst';
  port: number;
  connections: number;
  windowMs: number;
}

const TIMEOUT_MS = 15_000;

/**
 * The cheapest node:tls client per handshake (measured: ~0.7 ms of CPU, against ~1.3 ms with a
 * `ca` option per connection and ~0.75 ms for `openssl s_time -new`): one SecureContext for all
 * connections, and no trust anchor, so chain verification stops at once at "unable to get issuer"
 * (ignored: rejectUnauthorized false) and node skips checkServerIdentity and the peer-certificate
 * object it builds for it. The client still checks the server's CertificateVerify signature, as
 * TLS requires; the server's work is the same either way.
 */
const context = createSecureContext({});

/** One connection: resolves true when the server's byte arrived after a completed handshake. */
function visit(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, secureContext: context, servername: 'localhost', rejectUnauthorized: false });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(TIMEOUT_MS, () => finish(false));
    socket.once('data', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('end', () => finish(false));
  });
}

async function load(command: LoadCommand): Promise<void> {
  let done = 0;
  let errors = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const connection = async (): Promise<void> => {
    do {
      if (await visit(command.port)) done++;
      else errors++;
    } while (command.mode === 'sustained' && performance.now() - t0 < command.windowMs);
  };
  await Promise.all(Array.from({ length: command.connections }, connection));
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${JSON.stringify({ done, errors, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
}

const lines = createInterface({ input: process.stdin });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of lines) await load(JSON.parse(line) as LoadCommand);
