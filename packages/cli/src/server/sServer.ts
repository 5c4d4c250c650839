import type { Readable, Writable } from 'node:stream';
import { CompletionPort, Listener, SecureEnvironment, type SecureAttributes } from '@tlsport/core';
import { parseArgs, UsageError, type OptionValues } from '../args/parseArgs.js';
import { backendByName } from '../backend.js';
import { failedThrown } from '../report.js';
import { DEFAULT_BACKEND, hostPort, readPem, tlsAttributes } from '../tlsOptions.js';
import { servingFiles } from './fileResponder.js';
import { S_SERVER_OPTIONS } from './options.js';
import { answeringWww, printing, reversingLines, type ResponderFactory } from './responders.js';
import { ServerLoop } from './ServerLoop.js';
import { serverStores } from './ticketStore.js';


export interface ServerIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** tlsport s_server. Returns the exit code once -naccept connections are done, or on SIGINT/SIGTERM. */
export async function sServer(argv: readonly string[], io: ServerIo): Promise<number> {
  const o = parseArgs(argv, S_SERVER_OPTIONS);
  if (o.cert === undefined) throw new UsageError('s_server needs -cert and -key');
  const modes = (['www', 'WWW', 'HTTP', 'rev'] as const).filter((mode) => o[mode] === true);
  if (modes.length > 1) throw new UsageError(`-${modes[0]} and -${modes[1]} exclude each other`);
  const where = hostPort(o.accept ?? '4433', 'accept', '127.0.0.1');
  const clientAuth = o.Verify !== undefined ? { requestCert: true, rejectUnauthorized: true } : o.verify !== undefined ? { requestCert: true, rejectUnauthorized: false } : {};
  const attrs = { ...tlsAttributes(o), ...sniAttributes(o), ...clientAuth, ...(o.no_ticket === true && { sessionTickets: false }), role: 'server' as const };
  const backend = o.backend ?? DEFAULT_BACKEND;
  const stores = await serverStores(o, (line) => io.stderr.write(line + '\n'));

  let env: SecureEnvironment;
  let listener: Listener;
  try {
    env = await SecureEnvironment.open(await backendByName(backend), { ...attrs, ...stores.attributes });
  } catch (error) {
    io.stderr.write(failedThrown(error) + '\n');
    await stores.close();
    return 1;
  }
  try {
    listener = await Listener.listen(where);
  } catch (error) {
    io.stderr.write(`tlsport s_server: cannot listen on ${where.host}:${where.port}: ${(error as Error).message}\n`);
    await env.close();
    await stores.close();
    return 1;
  }
  const port = CompletionPort.create();
  const respond: ResponderFactory = o.www
    ? answeringWww
    : o.WWW || o.HTTP
      ? servingFiles(process.cwd(), o.HTTP ? 'HTTP' : 'WWW')
      : o.rev
        ? reversingLines
        : printing((data) => io.stdout.write(data));
  const loop = new ServerLoop({
    env,
    listener,
    port,
    backend,
    respond,
    naccept: o.naccept,
    report: (line) => io.stderr.write(line + '\n'),
    quiet: o.quiet,
  });
  const stop = (): void => port.destroy();
  const fromStdin = (data: Buffer): void => loop.broadcast(data);
  process.once('SIGINT', stop).once('SIGTERM', stop);
  if (modes.length === 0) io.stdin.on('data', fromStdin);
  io.stdout.write(`ACCEPT ${listener.address}:${listener.port}\n`);
  try {
    await loop.run();
    return 0;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    io.stdin.off('data', fromStdin).pause();
    port.destroy();
    await listener.close();
    await env.close();
    await stores.close();
  }
}

/** -servername/-cert2/-key2: a second certificate for clients that ask for that name (SNI). */
function sniAttributes(o: OptionValues<typeof S_SERVER_OPTIONS>): SecureAttributes {
  const given = [o.servername, o.cert2, o.key2].filter((v) => v !== undefined).length;
  if (given === 0) return {};
  if (given !== 3) throw new UsageError('-servername, -cert2 and -key2 go together');
  return { sniCertificates: { [o.servername!]: { cert: readPem(o.cert2!, 'cert2'), key: readPem(o.key2!, 'key2') } } };
}
