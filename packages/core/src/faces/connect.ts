import { connect as netConnect, type NetConnectOpts } from 'node:net';
import { checkServerIdentity as nodeCheckServerIdentity, type PeerCertificate } from 'node:tls';
import { resolveTlsConfig } from '../attributes/resolveTlsConfig.js';
import { environmentFor } from './environments.js';
import { attributesFromNode, clientSessionAttributes, ownCertificateOf, type ConnectOptions } from './nodeOptions.js';
import { TlsSocket } from './TlsSocket.js';

/** The trust anchors a client verifies with (its `ca`, else the defaults), for getPeerCertificate(true). */
function anchorsOf(options: ConnectOptions): () => readonly string[] {
  let anchors: readonly string[] | undefined;
  return () => (anchors ??= resolveTlsConfig({ ca: options.ca }).ca);
}

function normalize(args: unknown[]): [ConnectOptions, (() => void) | undefined] {
  const callback = typeof args[args.length - 1] === 'function' ? (args.pop() as () => void) : undefined;
  const [first, second, third] = args;
  if (typeof first === 'object' && first !== null) return [first as ConnectOptions, callback];
  const options: ConnectOptions = { ...((typeof second === 'object' ? second : third) as ConnectOptions | undefined) };
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    options.port = Number(first);
    if (typeof second === 'string') options.host = second;
  } else if (typeof first === 'string') options.path = first;
  return [options, callback];
}

/**
 * node:tls's connect() over tlsport: returns the TlsSocket at once (so it can serve as
 * `createConnection` for http, https, http2 and undici) and emits 'secureConnect' after the
 * handshake. Takes node:tls's options plus `backend`.
 *
 *   const socket = connect({ host, port, ca, servername: 'example.com', backend: 'pure' }, () => socket.write(...));
 */
export function connect(options: ConnectOptions, callback?: () => void): TlsSocket;
export function connect(port: number, host?: string, options?: ConnectOptions, callback?: () => void): TlsSocket;
export function connect(port: number, options?: ConnectOptions, callback?: () => void): TlsSocket;
export function connect(path: string, options?: ConnectOptions, callback?: () => void): TlsSocket;
export function connect(...args: unknown[]): TlsSocket {
  const [options, callback] = normalize(args);
  // The environment is shared by connections with the same options; the name and resumption
  // state are the connection's own.
  const attributes = attributesFromNode(options, 'client');
  const environment = environmentFor(options.backend, attributes);
  const session = clientSessionAttributes(options);
  const transport =
    options.socket ??
    netConnect({
      ...(options.path ? { path: options.path } : { host: options.host ?? 'localhost', port: Number(options.port ?? 443), localAddress: options.localAddress, family: options.family }),
      noDelay: options.noDelay ?? true,
      keepAlive: options.keepAlive,
      keepAliveInitialDelay: options.keepAliveInitialDelay,
    } as NetConnectOpts);
  const check = options.checkServerIdentity;
  const socket = new TlsSocket(transport, {
    role: 'client',
    environment,
    attributes: session,
    ownsTransport: options.socket === undefined,
    anchors: anchorsOf(options),
    certificate: ownCertificateOf(attributes),
    hostname: session.servername,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    checkIdentity: check === undefined || check === nodeCheckServerIdentity ? undefined : (s) => check(session.servername!, s.getPeerCertificate(true) as PeerCertificate),
    signal: options.signal,
    allowHalfOpen: options.allowHalfOpen,
  });
  if (options.timeout !== undefined && options.timeout > 0) socket.setTimeout(options.timeout);
  if (callback !== undefined) socket.once('secureConnect', callback);
  return socket;
}
