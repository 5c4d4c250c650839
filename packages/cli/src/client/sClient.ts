import { SecureEnvironment, type SecureAttributes } from '@tlsport/core';
import { parseArgs, UsageError, type OptionValues } from '../args/parseArgs.js';
import { backendByName } from '../backend.js';
import { failedThrown } from '../report.js';
import { DEFAULT_BACKEND, hostPort, tlsAttributes } from '../tlsOptions.js';
import { exchange, type ClientIo } from './exchange.js';
import { handshakeOnce, type Established } from './handshakeOnce.js';
import { S_CLIENT_OPTIONS } from './options.js';
import { readSessionFile, writeSessionFile } from './sessionFile.js';

export type { ClientIo } from './exchange.js';

/** openssl s_client -reconnect: five more connections after the first. */
const RECONNECTS = 5;
/** How long a -reconnect round waits for the server's close_notify (and the tickets before it). */
const ROUND_CLOSE_WAIT_MS = 2000;

type ClientOptions = OptionValues<typeof S_CLIENT_OPTIONS>;

/**
 * tlsport s_client: one handshake (or 1 + 5 with -reconnect, each resuming the last session),
 * then the data phase on the last connection. Returns the exit code.
 */
export async function sClient(argv: readonly string[], io: ClientIo): Promise<number> {
  const o = parseArgs(argv, S_CLIENT_OPTIONS);
  const target = hostPort(o.connect ?? '127.0.0.1:4433', 'connect', '127.0.0.1');
  const backend = o.backend ?? DEFAULT_BACKEND;
  const attrs = clientAttributes(o, target.host);
  let resume = o.sess_in === undefined ? undefined : readSessionFile(o.sess_in, backend);

  let env: SecureEnvironment;
  try {
    env = await SecureEnvironment.open(await backendByName(backend), attrs);
  } catch (error) {
    io.stderr.write(failedThrown(error) + '\n');
    return 1;
  }
  let last: Established | undefined;
  try {
    for (let round = 0; round <= (o.reconnect === true ? RECONNECTS : 0); round++) {
      if (last !== undefined) {
        resume = await closeRound(last, o.no_ticket === true) ?? resume;
        io.stderr.write(`RECONNECT ${round}${resume === undefined ? ' (no session to resume)' : ''}\n`);
      }
      last = await handshakeOnce(env, target, o.no_ticket === true ? undefined : resume, o, io);
      if (last === undefined) return 1;
    }
    return await exchange(last!.session, last!.port, io, (line) => void io.stderr.write(line + '\n'));
  } finally {
    if (last !== undefined) {
      const state = last.session.resumptionState;
      if (o.sess_out !== undefined && state !== undefined && o.no_ticket !== true) writeSessionFile(o.sess_out, backend, state);
      await last.session.close();
      last.port.destroy();
    }
    await env.close();
  }
}

/** The attributes of every connection: the shared TLS options, then the client's own. */
function clientAttributes(o: ClientOptions, connectHost: string): SecureAttributes {
  if (o.verify_hostname !== undefined && o.verify_ip !== undefined) throw new UsageError('-verify_hostname and -verify_ip exclude each other');
  const verifyName = o.verify_hostname ?? o.verify_ip;
  // Engines verify the name they send (an IP literal is verified and not sent), so the name to
  // check and the SNI name are one setting.
  if (verifyName !== undefined && o.servername !== undefined && o.servername !== verifyName) {
    throw new UsageError(`-servername ${o.servername} and -verify_${o.verify_ip !== undefined ? 'ip' : 'hostname'} ${verifyName} differ: tlsport verifies the name it sends`);
  }
  if (o.verify_ip !== undefined && !/^[\d.]+$|:/.test(o.verify_ip)) throw new UsageError(`-verify_ip needs an IPv4 or IPv6 address, got "${o.verify_ip}"`);
  return { ...tlsAttributes(o), role: 'client', servername: verifyName ?? o.servername ?? connectHost, rejectUnauthorized: o.noverify !== true };
}

/** Ends one -reconnect round; returns the resumption state the server gave, if any. */
async function closeRound({ session, port }: Established, noTicket: boolean): Promise<Uint8Array | undefined> {
  // 2-step: reading until the server's close_notify also takes in the TLS 1.3 tickets it sent.
  await session.shutdown({ twoStep: true, timeoutMs: ROUND_CLOSE_WAIT_MS }).catch(() => undefined);
  const state = session.resumptionState;
  await session.close();
  port.destroy();
  return noTicket ? undefined : state;
}
