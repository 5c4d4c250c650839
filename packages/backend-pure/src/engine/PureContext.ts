import { isIP } from 'node:net';
import { TlsError, selectCertificate, type CertificateKeyPair, type EngineContext, type EngineSink, type TlsConfig, type TlsEngine } from '@tlsport/core/spi';
import type { CryptoProvider } from '../crypto/provider.js';
import { chainFromPem, TrustStore } from '../tls13/certificates.js';
import type { ClientOptions, LocalCertificate, ServerOptions, VersionRange } from '../tls13/options.js';
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
function resumable(config: TlsConfig): { session: SessionState | undefined; session12: Tls12Session | undefined } {
  const bytes = config.session;
  if (bytes === undefined) return { session: undefined, session12: undefined };
  if (bytes.length >= 2 && ((bytes[0]! << 8) | bytes[1]!) === TLS12_SESSION_FORMAT) {
    const session12 = parseTls12Session(bytes, 'config.session');
    return { session: undefined, session12: session12.servername === config.servername ? session12 : undefined };
  }
  const session = parseSessionState(bytes, 'config.session');
  return { session: session.servername === config.servername ? session : undefined, session12: undefined };
}

/**
 * Per-environment state of the pure backend: loaded certificates and keys, trust anchors, and
 * the ticket key. Engines created from it share these; each resolves its own options.
 */
export class PureContext implements EngineContext {
  private readonly loaded = new Map<CertificateKeyPair, LocalCertificate>();
  /** Trust stores by their PEM text: resolved configs carry fresh arrays of the same anchors. */
  private readonly trustByCa = new Map<string, TrustStore>();
  private readonly tickets: TicketSealer;
  private readonly sessionCache = new SessionCache();
  private disposed = false;

  constructor(
    config: TlsConfig,
    private readonly provider: CryptoProvider,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly requireExtendedMasterSecret: boolean,
  ) {
    this.tickets = new TicketSealer(provider);
    if (config.role === 'server' && config.certificate === undefined && config.sniCertificates.size === 0) {
      throw new TlsError('no-certificate', 'a server needs a certificate', { alert: undefined });
    }
    if (config.certificate !== undefined) this.load(config.certificate);
    for (const pair of config.sniCertificates.values()) this.load(pair);
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

  private trust(ca: readonly string[]): TrustStore {
    const key = ca.join('\n');
    let anchors = this.trustByCa.get(key);
    if (anchors === undefined) {
      anchors = new TrustStore(ca);
      this.trustByCa.set(key, anchors);
    }
    return anchors;
  }

  createEngine(config: TlsConfig, sink: EngineSink): TlsEngine {
    if (this.disposed) throw new TlsError('internal', 'engine context already disposed', { alert: undefined });
    let opening: (io: HandshakeIo) => HandshakeState;
    if (config.role === 'client') {
      const options = this.clientOptions(config);
      // Parsed at start, so a bad `session` fails through the engine (sink.failed), not here.
      opening = (io) => startClient(io, { ...options, ...resumable(config) });
    } else {
      const options = this.serverOptions(config);
      opening = (io) => startServer(io, options);
    }
    return new PureEngine(config, opening, sink, this.provider, this.clock, this.random);
  }

  private versions(config: TlsConfig): VersionRange {
    return { tls13: config.maxVersion === 'TLSv1.3', tls12: config.minVersion === 'TLSv1.2' };
  }

  /** What client and server options share: versions, suites of each version, groups, ALPN. */
  private negotiationOptions(config: TlsConfig): Pick<ClientOptions & ServerOptions, 'versions' | 'suites' | 'tls12Suites' | 'groups' | 'alpn'> {
    const versions = this.versions(config);
    return {
      versions,
      suites: config.cipherSuites.filter((s) => s.version === 'TLSv1.3').map(tls13Suite),
      tls12Suites: versions.tls12 ? config.cipherSuites.filter((s) => s.version === 'TLSv1.2').map(tls12Suite) : [],
      groups: config.groups,
      alpn: config.alpnProtocols,
    };
  }

  private clientOptions(config: TlsConfig): ClientOptions {
    return {
      ...this.negotiationOptions(config),
      sni: config.servername !== undefined && isIP(config.servername) === 0 ? config.servername : undefined,
      verifyHost: config.servername,
      trust: () => this.trust(config.ca),
      rejectUnauthorized: config.rejectUnauthorized,
      certificate: config.certificate === undefined ? undefined : this.load(config.certificate),
      session: undefined,
      session12: undefined,
      requireExtendedMasterSecret: this.requireExtendedMasterSecret,
    };
  }

  private serverOptions(config: TlsConfig): ServerOptions {
    return {
      ...this.negotiationOptions(config),
      certificateFor: (servername) => {
        const pair = selectCertificate(config, servername);
        return pair === undefined ? undefined : this.load(pair);
      },
      requestCert: config.requestCert,
      rejectUnauthorized: config.rejectUnauthorized,
      trust: () => this.trust(config.ca),
      tickets: config.sessionTickets ? this.tickets : undefined,
      sessionCache: this.sessionCache,
      requireExtendedMasterSecret: this.requireExtendedMasterSecret,
    };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.tickets.destroy();
    this.sessionCache.destroy();
  }
}
