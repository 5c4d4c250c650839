import { resolveTlsConfig, suiteByName, type EngineSink, type GroupName, type HandshakeResult, type TlsError } from '@tlsport/core';
import { defaultProvider } from '../../src/crypto/index.js';
import type { CryptoProvider, KeyShare } from '../../src/crypto/provider.js';
import { PureEngine } from '../../src/engine/PureEngine.js';
import { parseClientHello } from '../../src/handshake/clientHello.js';
import type { HandshakeMessage } from '../../src/handshake/message.js';
import { TrustStore } from '../../src/tls13/certificates.js';
import { ClientContext } from '../../src/tls13/client/ClientContext.js';
import { ExpectServerHello } from '../../src/tls13/client/ExpectServerHello.js';
import type { ClientOptions } from '../../src/tls13/options.js';
import type { Clock, RandomSource } from '../../src/tls13/sources.js';
import { tls13Suite } from '../../src/tls13/suite.js';

export const provider = defaultProvider();

/** Everything an engine handed its sink, in order. */
export class RecordingSink implements EngineSink {
  readonly transmitted: Uint8Array[] = [];
  readonly plaintexts: Uint8Array[] = [];
  readonly keylogs: string[] = [];
  readonly sessions: Uint8Array[] = [];
  result: HandshakeResult | undefined;
  error: TlsError | undefined;
  closed = false;

  transmit(c: Uint8Array): void {
    this.transmitted.push(Uint8Array.from(c));
  }
  plaintext(d: Uint8Array): void {
    this.plaintexts.push(d);
  }
  handshakeComplete(r: HandshakeResult): void {
    this.result = r;
  }
  peerClosed(): void {
    this.closed = true;
  }
  failed(e: TlsError): void {
    this.error = e;
  }
  keylog(l: string): void {
    this.keylogs.push(l);
  }
  session(s: Uint8Array): void {
    this.sessions.push(s);
  }

  /** Takes what was transmitted since the last call, as one buffer. */
  take(): Uint8Array {
    const out = Buffer.concat(this.transmitted.splice(0));
    return new Uint8Array(out);
  }
}

/** Randomness that hands out fixed values in order: the RFC's randoms and key shares. */
export class ScriptedRandom implements RandomSource {
  constructor(
    private readonly randoms: Uint8Array[],
    private readonly shares: Partial<Record<GroupName, Uint8Array>>,
    private readonly keys: CryptoProvider = provider,
  ) {}

  bytes(length: number): Uint8Array {
    const next = this.randoms.shift();
    if (next === undefined || next.length !== length) throw new Error(`ScriptedRandom: no ${length}-byte value left`);
    return next;
  }

  keyShare(group: GroupName): KeyShare {
    const priv = this.shares[group];
    if (priv === undefined) throw new Error(`ScriptedRandom: no ${group} key`);
    return this.keys.importKeyShare(group, priv);
  }
}

export const fixedClock = (ms: number): Clock => ({ now: () => ms });

/** The client options the RFC 8448 ClientHellos correspond to (suites, groups, SNI "server"). */
export function rfcClientOptions(): ClientOptions {
  return {
    versions: { tls13: true, tls12: false },
    suites: ['TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_256_GCM_SHA384'].map((n) => tls13Suite(suiteByName(n)!)),
    tls12Suites: [],
    groups: ['x25519', 'secp256r1', 'secp384r1'],
    alpn: [],
    sni: 'server',
    verifyHost: undefined,
    trust: () => new TrustStore([]),
    // The RFC's certificate is self-signed; the CertificateVerify is still verified with its key.
    rejectUnauthorized: false,
    certificate: undefined,
    session: undefined,
    session12: undefined,
    requireExtendedMasterSecret: true,
  };
}

export function message(raw: Uint8Array): HandshakeMessage {
  return { type: raw[0]!, body: raw.subarray(4), raw };
}

/**
 * A client engine that opens with the RFC's exact ClientHello (our own would carry different
 * extensions) and the RFC's X25519 key, then runs the real state machine on whatever arrives.
 */
export function replayClient(
  clientHello: Uint8Array,
  x25519Private: Uint8Array,
  random: RandomSource,
  clock: Clock,
  crypto: CryptoProvider = provider,
): { engine: PureEngine; sink: RecordingSink } {
  const sink = new RecordingSink();
  const config = resolveTlsConfig({ role: 'client', keylog: () => {} });
  const engine = new PureEngine(config, (io) => {
    const ctx = new ClientContext(io, rfcClientOptions());
    const hello = parseClientHello(clientHello.subarray(4));
    ctx.clientRandom = hello.random;
    ctx.sessionId = hello.sessionId;
    ctx.offeredExtensions = new Set(hello.extensions.keys());
    ctx.keyShares = [crypto.importKeyShare('x25519', x25519Private)];
    io.send(message(clientHello));
    return new ExpectServerHello(ctx);
  }, sink, crypto, clock, random);
  return { engine, sink };
}
