import { contextTicketKeys, MemorySessionCache, TlsError, type ContextTicketKeys, selectCertificate, type CertificateKeyPair, type ContextConfig, type EngineContext, type EngineSink, type SessionConfig, type TlsEngine } from '@tlsport/core/spi';
import type { CryptoProvider } from '../crypto/provider.js';
import { chainFromPem, TrustStore } from '../tls13/certificates.js';
import type { ClientOptions, LocalCertificate, ServerOptions } from '../tls13/options.js';
import { parseSessionState, type SessionState } from '../tls13/sessionState.js';
import type { Clock, RandomSource } from '../tls13/sources.js';
import { tls13Suite } from '../tls13/suite.js';
import { TicketSealer } from '../tls13/tickets.js';
import { SessionCache } from '../tls12/SessionCache.js';
import { parseTls12Session, TLS12_SESSION_FORMAT, type Tls12Session } from '../tls12/sessionState.js';
import { tls12Suite } from '../tls12/suite.js';
import { PureEngine } from './PureEngine.js';
import { startClient } from '../tls13/client/startClient.js';
import { startServer } from '../tls13/server/startServer.js';
import type { HandshakeIo, HandshakeState } from '../tls13/io.js';

/** The sessions to resume from config.session, by its format; one is only offered to the server it came from. */
function resumable(config: SessionConfig): { session: SessionState | undefined; session12: Tls12Session | undefined } {
  const bytes = config.session;
  if (bytes === undefined) return { session: undefined, session12: undefined };
  if (bytes.length >= 2 && ((bytes[0]! << 8) | bytes[1]!) === TLS12_SESSION_FORMAT) {
    const session12 = parseTls12Session(bytes, 'config.session');
    return { session: undefined, session12: session12.servername === config.verifyName ? session12 : undefined };
  }
  const session = parseSessionState(bytes, 'config.session');
  return { session: session.servername === config.verifyName ? session : undefined, session12: undefined };
}

/** A server context's ticket keys and session cache, and whether the context opened them itself (and so closes them). */
export interface ServerStores {
  readonly tickets: ContextTicketKeys;
  readonly cache: SessionCache;
  /** Releases both: closes what the context opened, leaves what the application gave. */
  release(): Promise<void>;
}

/** The stores config names, or the context's own: a ring with in-memory keys on `clock`, a bounded in-memory cache. */
export async function serverStores(config: ContextConfig, clock: Clock): Promise<ServerStores | undefined> {
  if (config.role !== 'server') return undefined;
  const tickets = (await contextTicketKeys(config, () => clock.now()))!;
  const own = config.sessionCache === undefined ? new MemorySessionCache() : undefined;
  return {
    tickets,
    cache: new SessionCache(config.sessionCache ?? own),
    release: async () => {
      await tickets.release();
      await own?.close();
    },
  };
}

/**
 * Per-environment state of the pure backend: loaded certificates and keys, trust anchors, the
 * ticket keys and the TLS 1.2 session cache, built from one context config and shared by its engines.
 */
export class PureContext implements EngineContext {
  private readonly loaded = new Map<CertificateKeyPair, LocalCertificate>();
  private trustStore: TrustStore | undefined;
  private readonly tickets: TicketSealer | undefined;
  /** What client and server options share: versions, suites of each version, groups. */
  private readonly negotiation: Pick<ClientOptions & ServerOptions, 'versions' | 'suites' | 'tls12Suites' | 'groups'>;
  private disposed = false;

  constructor(
    private readonly config: ContextConfig,
    private readonly provider: CryptoProvider,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly requireExtendedMasterSecret: boolean,
    private readonly stores: ServerStores | undefined,
  ) {
    this.tickets = stores === undefined ? undefined : new TicketSealer(provider, stores.tickets.ring);
    if (config.role === 'server' && config.certificate === undefined && config.sniCertificates.size === 0) {
      throw new TlsError('no-certificate', 'a server needs a certificate', { alert: undefined });
    }
    if (config.certificate !== undefined) this.load(config.certificate);
    for (const pair of config.sniCertificates.values()) this.load(pair);
    this.negotiation = {
      versions: { tls13: config.maxVersion === 'TLSv1.3', tls12: config.minVersion === 'TLSv1.2' },
      suites: config.tls13Suites.map(tls13Suite),
      tls12Suites: config.tls12Suites.map(tls12Suite),
      groups: config.groups,
    };
  }

  /** Loads a chain and key once; a bad one fails the context before any session exists. */
  private load(pair: CertificateKeyPair): LocalCertificate {
    let cert = this.loaded.get(pair);
    if (cert !== undefined) return cert;
    const chain = chainFromPem(pair.cert);
    if (chain.length === 0) throw new TlsError('bad-certificate', 'certificate PEM holds no certificate', { alert: undefined });
    try {
      cert = { chain, key: this.provider.importPrivateKey(pair.key) };
    } catch (cause) {
      throw new TlsError('no-certificate', `private key: ${(cause as Error).message}`, { alert: undefined, cause });
    }
    this.loaded.set(pair, cert);
    return cert;
  }

  /** Trust anchors, parsed on first use (a root bundle is not free to parse). */
  private trust(): TrustStore {
    this.trustStore ??= new TrustStore(this.config.ca);
    return this.trustStore;
  }

  createEngine(session: SessionConfig, sink: EngineSink): TlsEngine {
    if (this.disposed) throw new TlsError('internal', 'engine context already disposed', { alert: undefined });
    let opening: (io: HandshakeIo) => HandshakeState;
    if (this.config.role === 'client') {
      const options = this.clientOptions(session);
      // Parsed at start, so a bad `session` fails through the engine (sink.failed), not here.
      opening = (io) => startClient(io, { ...options, ...resumable(session) });
    } else {
      const options = this.serverOptions(session);
      opening = (io) => startServer(io, options);
    }
    return new PureEngine({ role: this.config.role, keylog: session.keylog }, opening, sink, this.provider, this.clock, this.random);
  }

  private clientOptions(session: SessionConfig): ClientOptions {
    return {
      ...this.negotiation,
      alpn: session.alpnProtocols,
      sni: session.sni,
      verifyHost: session.verifyName,
      trust: () => this.trust(),
      rejectUnauthorized: session.rejectUnauthorized,
      certificate: this.config.certificate === undefined ? undefined : this.load(this.config.certificate),
      session: undefined,
      session12: undefined,
      requireExtendedMasterSecret: this.config.requireExtendedMasterSecret ?? this.requireExtendedMasterSecret,
    };
  }

  private serverOptions(session: SessionConfig): ServerOptions {
    const stores = this.stores!;
    return {
      ...this.negotiation,
      alpn: session.alpnProtocols,
      certificateFor: (servername) => {
        const pair = selectCertificate(this.config, servername);
        return pair === undefined ? undefined : this.load(pair);
      },
      requestCert: session.requestCert,
      rejectUnauthorized: session.rejectUnauthorized,
      trust: () => this.trust(),
      tickets: this.config.sessionTickets ? this.tickets : undefined,
      sessionCache: stores.cache,
      sessionLifetime: () => stores.tickets.ring.ticketLifetimeSeconds(),
      requireExtendedMasterSecret: this.config.requireExtendedMasterSecret ?? this.requireExtendedMasterSecret,
    };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stores?.release();
  }
}
