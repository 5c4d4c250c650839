import type { Duplex } from 'node:stream';
import type { PeerCertificate } from 'node:tls';
import { resolvePfx } from '../attributes/pfx.js';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import type { TlsBackend } from '../engine/spi.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { CIPHER_SUITES, suiteByName } from '../tls/suites.js';
import type { SessionCache } from '../stores/SessionCache.js';
import type { TicketKeyRing } from '../stores/TicketKeyRing.js';

type Pem = string | Uint8Array;

/** Which engine runs the connection: a backend package by name, or a TlsBackend object. */
export type BackendChoice = 'openssl' | 'node-tls' | 'pure' | TlsBackend;

/** The node:tls options tlsport understands, shared by clients and servers. */
export interface NodeTlsOptions {
  /** Default 'node-tls'. */
  backend?: BackendChoice;
  ca?: Pem | readonly Pem[];
  cert?: Pem | readonly Pem[];
  key?: Pem | readonly Pem[];
  /** Decrypts an encrypted PEM `key` and opens `pfx`. */
  passphrase?: string;
  /** PKCS#12 certificate, key and chain instead of `cert`/`key` (one file, or a one-element list of files or `{ buf, passphrase? }`). */
  pfx?: SecureAttributes['pfx'];
  ALPNProtocols?: readonly string[] | readonly Uint8Array[] | Uint8Array;
  minVersion?: string;
  maxVersion?: string;
  /** OpenSSL cipher list; names outside tlsport's suites are ignored as OpenSSL ignores unknown names. */
  ciphers?: string;
  /** TLS 1.3 suites, colon-separated. */
  ciphersuites?: string;
  /** Groups, colon-separated ("X25519:P-256"), or 'auto'. */
  ecdhCurve?: string;
  rejectUnauthorized?: boolean;
  requestCert?: boolean;
  /** Handshake deadline in ms (node:tls servers call it handshakeTimeout). */
  handshakeTimeout?: number;
  /** Aborting it cancels a pending handshake (cancelOperation) or destroys the socket. */
  signal?: AbortSignal;
  allowHalfOpen?: boolean;
}

export interface ConnectOptions extends NodeTlsOptions {
  host?: string;
  port?: number | string;
  /** A Unix socket path. */
  path?: string | null;
  /** Run TLS over this connected stream instead of opening a TCP connection. */
  socket?: Duplex;
  servername?: string;
  localAddress?: string;
  family?: number;
  timeout?: number;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  noDelay?: boolean;
  /** Resumption state from an earlier socket's 'session' event or getSession(). */
  session?: Uint8Array;
  /**
   * Called after the handshake with the name and the peer certificate (Node's shape); a returned
   * Error fails the connection. It runs in addition to the engine's own name check.
   */
  checkServerIdentity?: (hostname: string, cert: PeerCertificate) => Error | undefined;
}

export interface ServerOptions extends NodeTlsOptions {
  /** Certificates by SNI host name, as tlsport's sniCertificates attribute. */
  sniCertificates?: SecureAttributes['sniCertificates'];
  /** Issue session tickets (default true). */
  sessionTickets?: boolean;
  /**
   * The rotating ticket keys (TicketKeyRing.open, or RedisStores' for a fleet). Unlike node:tls's
   * 48-byte `ticketKeys` buffer, which is one fixed key, a ring rotates and keeps old keys for decryption.
   */
  ticketKeys?: TicketKeyRing;
  /** The TLS 1.2 session-id cache (pure backend), shared with other servers; default one in memory. */
  sessionCache?: SessionCache;
  allowHalfOpen?: boolean;
  pauseOnConnect?: boolean;
  /**
   * Serve from this many processes, one per core (node:cluster; default 1): in the primary,
   * `listen()` starts the program again in each worker (or `workerModule`), where the same
   * createServer(...).listen(...) shares the port. See Listener.listen({ workers }).
   */
  workers?: number;
  workerModule?: string;
  workerArgs?: readonly string[];
}

/** The first PEM of a value that Node allows to be a list (the chain may be in one string). */
function single(value: Pem | readonly Pem[] | undefined, name: string): Pem | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return value as Pem;
  if (value.length > 1) throw new TypeError(`${name}: tlsport takes one ${name} (a chain in one PEM string)`);
  return value[0] as Pem | undefined;
}

/** Node's wire-format ALPN buffer (length-prefixed names) or a list of names or buffers -> names. */
function alpnNames(value: NodeTlsOptions['ALPNProtocols']): string[] | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Uint8Array) {
    const names: string[] = [];
    for (let at = 0; at < value.length; at += 1 + value[at]!) names.push(Buffer.from(value.subarray(at + 1, at + 1 + value[at]!)).toString('latin1'));
    return names;
  }
  return (value as readonly (string | Uint8Array)[]).map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1')));
}

/** Node's `ciphers` mixes both versions and OpenSSL keywords; tlsport keeps the suites it knows. */
function splitCiphers(ciphers: string | undefined): { tls13?: string; tls12?: string } {
  if (ciphers === undefined) return {};
  const known = ciphers.split(':').map((n) => suiteByName(n)).filter((s) => s !== undefined);
  if (known.length === 0) throw new GskError(GskStatus.GSK_ERROR_NO_CIPHERS, `ciphers: "${ciphers}" names none of ${CIPHER_SUITES.map((s) => s.openssl).join(', ')}`);
  const of = (v: string): string | undefined => {
    const names = known.filter((s) => s.version === v).map((s) => s.name);
    return names.length === 0 ? undefined : names.join(':');
  };
  return { tls13: of('TLSv1.3'), tls12: of('TLSv1.2') };
}

function version(value: string | undefined, name: string): 'TLSv1.2' | 'TLSv1.3' | undefined {
  if (value === undefined || value === 'TLSv1.2' || value === 'TLSv1.3') return value;
  throw new GskError(GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION, `${name}: ${value} (tlsport speaks TLSv1.2 and TLSv1.3)`);
}

/**
 * node:tls options -> tlsport attributes: the one place Node's option names are translated.
 * Options tlsport cannot honour are refused with an error naming them.
 */
export function attributesFromNode(options: NodeTlsOptions & Partial<ConnectOptions & ServerOptions>, role: 'client' | 'server'): SecureAttributes {
  if (options.ticketKeys instanceof Uint8Array) {
    throw new GskError(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, 'ticketKeys: tlsport takes a TicketKeyRing (TicketKeyRing.open()), which rotates keys, not a 48-byte key');
  }
  const { tls13, tls12 } = splitCiphers(options.ciphers);
  const attrs: SecureAttributes = {
    role,
    ca: options.ca,
    cert: single(options.cert, 'cert'),
    key: single(options.key, 'key'),
    pfx: options.pfx,
    passphrase: options.passphrase,
    ALPNProtocols: alpnNames(options.ALPNProtocols),
    minVersion: version(options.minVersion, 'minVersion'),
    maxVersion: version(options.maxVersion, 'maxVersion'),
    cipherSuites: options.ciphersuites ?? tls13,
    ciphers: tls12,
    groups: options.ecdhCurve === undefined || options.ecdhCurve === 'auto' ? undefined : options.ecdhCurve,
    rejectUnauthorized: options.rejectUnauthorized,
    requestCert: options.requestCert,
    handshakeTimeoutMs: options.handshakeTimeout,
    sniCertificates: options.sniCertificates,
    sessionTickets: options.sessionTickets,
    ticketKeys: options.ticketKeys,
    sessionCache: options.sessionCache,
  };
  // Node lets a client set ciphers that leave one version without suites; so does tlsport, by
  // narrowing the versions instead of failing on an empty list.
  if (options.ciphers !== undefined && options.ciphersuites === undefined && tls13 === undefined) attrs.maxVersion = 'TLSv1.2';
  if (options.ciphers !== undefined && tls12 === undefined) attrs.minVersion = 'TLSv1.3';
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as SecureAttributes;
}

/** This side's certificate chain for getCertificate(): `cert`, or the one in `pfx`, read only when asked. */
export function ownCertificateOf(attrs: SecureAttributes): () => Pem | undefined {
  let pem: Pem | undefined;
  return () => (pem ??= attrs.cert ?? resolvePfx(attrs).certificate?.cert);
}

/** What differs per connection of one client environment: the name and the resumption state. */
export function clientSessionAttributes(options: ConnectOptions): SecureAttributes {
  const servername = options.servername || options.host || 'localhost';
  return { servername, ...(options.session === undefined ? {} : { session: new Uint8Array(options.session) }) };
}
