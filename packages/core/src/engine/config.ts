import { TlsError } from '../tls/TlsError.js';
import type { CipherSuiteInfo, GroupName, TlsVersion } from '../tls/suites.js';
import type { SessionCache } from '../stores/SessionCache.js';
import type { TicketKeyRing } from '../stores/TicketKeyRing.js';

/** A certificate chain (PEM, leaf first) and its private key (PEM, unencrypted, checked to match the leaf). */
export interface CertificateKeyPair {
  readonly cert: string;
  readonly key: string;
}

/**
 * What one engine context is built from (an SSL_CTX, a Node SecureContext, the pure backend's
 * loaded keys): settled once per environment. The core resolves it from the attributes and
 * builds another context only when a session overrides one of these settings.
 */
export interface ContextConfig {
  readonly role: 'client' | 'server';
  readonly minVersion: TlsVersion;
  readonly maxVersion: TlsVersion;
  /** TLS 1.3 suites in preference order; empty when TLS 1.3 is off. */
  readonly tls13Suites: readonly CipherSuiteInfo[];
  /** TLS 1.2 suites in preference order; empty when TLS 1.2 is off. */
  readonly tls12Suites: readonly CipherSuiteInfo[];
  /** Enabled key-exchange groups in preference order; never empty. */
  readonly groups: readonly GroupName[];
  /** Trust anchors, PEM. When the user gives none: Node's bundled roots (tls.rootCertificates) plus NODE_EXTRA_CA_CERTS, as node:tls. */
  readonly ca: readonly string[];
  /** Whether `ca` was given by the user (false: the default roots). */
  readonly caFromUser: boolean;
  /** This side's certificate: required for a server (unless every name is in sniCertificates). */
  readonly certificate: CertificateKeyPair | undefined;
  /**
   * Server: certificates chosen by the client's SNI name. Keys are host names, exact
   * ("api.example.com") or one-label wildcards ("*.example.com"); no match falls back to `certificate`.
   */
  readonly sniCertificates: ReadonlyMap<string, CertificateKeyPair>;
  /** Server: issue session tickets (1.3 NewSessionTicket, 1.2 RFC 5077). */
  readonly sessionTickets: boolean;
  /**
   * Server: the rotating ticket keys to seal and open tickets with, shared with other contexts or
   * servers. Undefined: the backend opens a ring of its own (in-memory keys, default rotation)
   * and closes it with the context.
   */
  readonly ticketKeys?: TicketKeyRing | undefined;
  /** Server: the TLS 1.2 session-id cache. Undefined: a bounded in-memory cache of the context's own. */
  readonly sessionCache?: SessionCache | undefined;
  /** TLS 1.2: require extended master secret (RFC 7627); undefined: the backend's own policy. */
  readonly requireExtendedMasterSecret?: boolean | undefined;
}

/** What may differ between the sessions of one engine context: settled once per session. */
export interface SessionConfig {
  /**
   * Client: the host name sent in server_name (RFC 6066 §3); undefined when no name was given
   * or the name is an IP literal, which SNI cannot carry.
   */
  readonly sni: string | undefined;
  /** Client: the DNS name or IP literal the server certificate must match; undefined: no name check. */
  readonly verifyName: string | undefined;
  /** ALPN protocols in preference order; empty: no ALPN. */
  readonly alpnProtocols: readonly string[];
  /** Server: ask the client for a certificate. */
  readonly requestCert: boolean;
  /**
   * Client: verify the server's chain and name (default true).
   * Server with requestCert: the client must present a certificate that verifies.
   */
  readonly rejectUnauthorized: boolean;
  /** Client: resumption state from an earlier session's `session` event, to resume. */
  readonly session: Uint8Array | undefined;
  /** Whether the app wants key log lines; engines may skip the work when false. */
  readonly keylog: boolean;
  /** Handshake deadline in ms, enforced by the core; 0 = none. */
  readonly handshakeTimeoutMs: number;
}

/** An environment's or a session's whole configuration: the context part and the session part. */
export interface TlsConfig extends ContextConfig, SessionConfig {}

/**
 * For backends over OpenSSL's policy (use extended master secret when offered, accept legacy
 * peers): `requireExtendedMasterSecret: true` is a setting they cannot honour, so it is refused
 * rather than ignored.
 */
export function refuseRequiredExtendedMasterSecret(config: ContextConfig, backend: string): void {
  if (config.requireExtendedMasterSecret === true) {
    throw new TlsError('unsupported', `requireExtendedMasterSecret: true is not available on the ${backend} backend (OpenSSL accepts peers without it); use the pure backend`, { alert: undefined });
  }
}
