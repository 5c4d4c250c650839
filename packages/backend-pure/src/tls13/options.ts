import type { GroupName } from '@tlsport/core/spi';
import type { PrivateKey } from '../crypto/provider.js';
import type { TrustStore } from './certificates.js';
import type { SessionState } from './sessionState.js';
import type { Suite } from './suite.js';
import type { TicketSealer } from './tickets.js';
import type { SessionCache } from '../tls12/SessionCache.js';
import type { Tls12Session } from '../tls12/sessionState.js';
import type { Tls12Suite } from '../tls12/suite.js';

/** A certificate chain (DER, leaf first) with its loaded private key. */
export interface LocalCertificate {
  readonly chain: readonly Uint8Array[];
  readonly key: PrivateKey;
}

/** Which versions this side may negotiate (from TlsConfig min/max). */
export interface VersionRange {
  readonly tls12: boolean;
  readonly tls13: boolean;
}

/** The client's view of its configuration, resolved once per engine. */
export interface ClientOptions {
  readonly versions: VersionRange;
  /** TLS 1.3 suites, preference order. */
  readonly suites: readonly Suite[];
  /** TLS 1.2 suites offered alongside, preference order (empty when 1.2 is off). */
  readonly tls12Suites: readonly Tls12Suite[];
  readonly groups: readonly GroupName[];
  readonly alpn: readonly string[];
  /** The SNI name to send: undefined for IP literals (RFC 6066 §3). */
  readonly sni: string | undefined;
  /** The name or IP the server certificate must match. */
  readonly verifyHost: string | undefined;
  /** Trust anchors, built on first use (parsing a root bundle is not free). */
  trust(): TrustStore;
  readonly rejectUnauthorized: boolean;
  readonly certificate: LocalCertificate | undefined;
  readonly session: SessionState | undefined;
  /** A stored TLS 1.2 session to offer (by ticket or session id). */
  readonly session12: Tls12Session | undefined;
  /** TLS 1.2: abort unless the server does extended master secret (RFC 7627). */
  readonly requireExtendedMasterSecret: boolean;
}

export interface ServerOptions {
  readonly versions: VersionRange;
  readonly suites: readonly Suite[];
  /** TLS 1.2 suites, preference order (empty when 1.2 is off). */
  readonly tls12Suites: readonly Tls12Suite[];
  readonly groups: readonly GroupName[];
  readonly alpn: readonly string[];
  /** The certificate for a client's SNI name (core's selectCertificate). */
  certificateFor(servername: string | undefined): LocalCertificate | undefined;
  readonly requestCert: boolean;
  readonly rejectUnauthorized: boolean;
  /** Trust anchors, built on first use (parsing a root bundle is not free). */
  trust(): TrustStore;
  /** Set when the server issues and accepts tickets. */
  readonly tickets: TicketSealer | undefined;
  /** TLS 1.2 session-id resumption: the context's cache. */
  readonly sessionCache: SessionCache;
  /** Seconds a TLS 1.2 session made now stays resumable (ticket or cache entry). */
  sessionLifetime(): number;
  /** TLS 1.2: abort unless the client does extended master secret (RFC 7627). */
  readonly requireExtendedMasterSecret: boolean;
}
