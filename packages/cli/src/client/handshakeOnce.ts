import { connect as netConnect } from 'node:net';
import { CompletionPort, GskStatus, type SecureEnvironment, type SecureSession } from '@tlsport/core';
import { connectedLine, failedCompletion, failedThrown } from '../report.js';
import type { ClientIo } from './exchange.js';
import { briefLines, certificateChain } from './printing.js';
import { msgLine, RecordTracer, stateLines, type TracedRecord } from './recordTrace.js';

/** How s_client reports one connection. */
export interface ReportOptions {
  readonly quiet?: boolean;
  readonly brief?: boolean;
  readonly showcerts?: boolean;
  readonly msg?: boolean;
  readonly state?: boolean;
}

/** An established connection, its port, and how to tell the trace that the handshake is over. */
export interface Established {
  readonly session: SecureSession;
  readonly port: CompletionPort;
}

/**
 * Connects, runs the handshake and reports it (CONNECTED or -brief, -showcerts, -msg/-state
 * traces). Undefined when it failed, after the FAILED line; the session is then closed.
 */
export async function handshakeOnce(
  env: SecureEnvironment,
  target: { host: string; port: number },
  resume: Uint8Array | undefined,
  o: ReportOptions,
  io: ClientIo,
): Promise<Established | undefined> {
  const report = (line: string): void => void io.stderr.write(line + '\n');
  const attrs = resume === undefined ? {} : { session: resume };
  let handshaking = true;
  let session: SecureSession;
  try {
    if (o.msg === true || o.state === true) {
      if (o.state === true) report('SSL_connect:before SSL initialization');
      const trace = (r: TracedRecord): void => {
        if (o.msg === true) report(msgLine(r));
        if (o.state === true) stateLines(r, handshaking).forEach(report);
      };
      session = env.openSession(tracedSocket(target, trace), attrs, { ownsSocket: true });
    } else {
      session = await env.connect(target, attrs);
    }
  } catch (error) {
    report(failedThrown(error));
    return undefined;
  }
  const port = CompletionPort.create();
  session.startInit(port, { descriptorHandle: 'init' });
  const init = (await port.wait())!;
  handshaking = false;
  if (init.returnValue !== GskStatus.GSK_OK) {
    report(failedCompletion(init));
    await session.close();
    port.destroy();
    return undefined;
  }
  const n = init.negotiated!;
  if (o.state === true) report('SSL_connect:SSL negotiation finished successfully');
  if (o.brief === true) briefLines(n).forEach(report);
  else if (o.quiet !== true) report(connectedLine(n));
  if (o.showcerts === true) io.stdout.write(certificateChain(n.peerCertificates));
  return { session, port };
}

/**
 * A TCP socket whose bytes are traced both ways before the session sees them. The session owns
 * it (it closes it); a failed connect reaches the session as an I/O error on its first operation.
 */
function tracedSocket(target: { host: string; port: number }, trace: (r: TracedRecord) => void) {
  const socket = netConnect({ host: target.host, port: target.port, noDelay: true });
  const state = { tls13: false };
  const sent = new RecordTracer('>>>', state, trace);
  const received = new RecordTracer('<<<', state, trace);
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  // The session writes through socket.write: wrapping this one socket's method sees every byte.
  const write = socket.write.bind(socket) as (chunk: Uint8Array, callback?: (error?: Error | null) => void) => boolean;
  socket.write = ((chunk: Uint8Array, ...rest: [((error?: Error | null) => void)?]) => {
    sent.push(chunk);
    return write(chunk, ...rest);
  }) as typeof socket.write;
  return socket;
}
