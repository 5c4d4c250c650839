import type { CertificateKeyPair } from '../engine/config.js';
import type { SessionCache } from '../stores/SessionCache.js';
import type { TicketKeyRing } from '../stores/TicketKeyRing.js';

/** PEM text, as a string or its bytes. */
export type Pem = string | Uint8Array;

/** A PKCS#12 (PFX) file's DER bytes (a string is taken as its UTF-8 bytes, as node:tls does). */
export type Pfx = string | Uint8Array;

/**
 * Attributes of an environment or session, in Node `tls` vocabulary, with GSKit attribute ids
 * accepted beside them for code ported from IBM i. Where both name the same setting, the GSK id wins.
 */
export interface SecureAttributes {
  /** Default 'client'. GSK_SESSION_TYPE sets it too. */
  role?: 'client' | 'server';
  /** Trust anchors (PEM; one string may hold several). Default: Node's bundled roots plus NODE_EXTRA_CA_CERTS. */
  ca?: Pem | readonly Pem[];
  /** This side's certificate chain, PEM, leaf first. */
  cert?: Pem;
  /** The private key for `cert`, PEM (PKCS#8, PKCS#1 or SEC1; encrypted keys need `passphrase`). */
  key?: Pem;
  /**
   * This side's certificate, its key and chain as one PKCS#12 (PFX) file, instead of `cert`/`key`,
   * as node:tls: the bytes, or a one-element list of them or of `{ buf, passphrase? }`. The file's
   * certificates without a key are trusted as CAs beside `ca`, as node:tls trusts them.
   */
  pfx?: Pfx | readonly (Pfx | { buf: Pfx; passphrase?: string })[];
  /** Decrypts an encrypted `key`, opens `pfx` (and `sniCertificates` keys without a passphrase of their own), as Node's tls. */
  passphrase?: string;
  /** Server: certificates by SNI host name ("api.example.com" or "*.example.com"). */
  sniCertificates?: Readonly<Record<string, { cert: Pem; key: Pem; passphrase?: string }>>;
  /** Client: SNI name and the name to verify; an IP literal is verified against IP SANs and not sent. */
  servername?: string;
  ALPNProtocols?: readonly string[];
  minVersion?: 'TLSv1.2' | 'TLSv1.3';
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** TLS 1.3 suites, colon-separated, IANA names (as Node's `ciphersuites`). */
  cipherSuites?: string;
  /** TLS 1.2 suites, colon-separated, OpenSSL or IANA names (as Node's `ciphers`). */
  ciphers?: string;
  /**
   * Key exchange groups in preference order: "X25519MLKEM768", "x25519", "P-256"/"secp256r1",
   * "P-384"/"secp384r1", "SecP256r1MLKEM768". Default: all, in that order.
   */
  groups?: string | readonly string[];
  requestCert?: boolean;
  rejectUnauthorized?: boolean;
  /** Handshake deadline in ms (0 = none). Default 30000. */
  handshakeTimeoutMs?: number;
  /** Server: issue session tickets. Default true. */
  sessionTickets?: boolean;
  /**
   * Server: the rotating session-ticket keys (TicketKeyRing.open), to share keys between
   * environments, processes or machines. Default: each environment opens its own ring.
   */
  ticketKeys?: TicketKeyRing;
  /** Server: the TLS 1.2 session-id cache (pure backend). Default: a bounded in-memory cache per environment. */
  sessionCache?: SessionCache;
  /**
   * TLS 1.2: end the handshake with handshake_failure unless the peer does extended master secret
   * (RFC 7627). Unset: the backend's policy (pure requires it; openssl and node-tls follow OpenSSL,
   * which uses it when offered and accepts legacy peers). false accepts legacy peers on every
   * backend; true is refused by openssl and node-tls, which cannot enforce it.
   */
  requireExtendedMasterSecret?: boolean;
  /** Client: resumption state from an earlier session's `session` value. */
  session?: Uint8Array;
  /** Receives NSS key log lines (without newline), as Node's 'keylog' event. */
  keylog?: (line: string) => void;
  /** Client: called with each new resumption state (as Node's 'session' event); also kept in resumptionState. */
  onSession?: (state: Uint8Array) => void;
  /**
   * Memory bound per session in bytes (default 1 MiB, at least 64 KiB): ciphertext waiting for the
   * transport plus plaintext waiting for the application plus what the engine holds. Half is for
   * each direction; above it the session stops reading its transport and sends stay pending.
   */
  maxBufferedBytes?: number;
  /** Close a session that has seen no traffic for this long after its handshake (ms; 0 = never, the default). */
  idleTimeoutMs?: number;

  GSK_SESSION_TYPE?:
    | 'GSK_CLIENT_SESSION'
    | 'GSK_SERVER_SESSION'
    | 'GSK_SERVER_SESSION_WITH_CL_AUTH'
    | 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL';
  GSK_PROTOCOL_TLSV13?: 'GSK_PROTOCOL_TLSV13_ON' | 'GSK_PROTOCOL_TLSV13_OFF' | boolean;
  GSK_PROTOCOL_TLSV12?: 'GSK_PROTOCOL_TLSV12_ON' | 'GSK_PROTOCOL_TLSV12_OFF' | boolean;
  /** Comma- or colon-separated IANA names, e.g. "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384". */
  GSK_TLSV13_CIPHER_SPECS_EX?: string;
  GSK_TLSV12_CIPHER_SPECS_EX?: string;
  /** Comma-separated group names, IBM i's GSK_TLS_ECDHE_CURVES-style list. */
  GSK_ECDHE_CURVES?: string;
  /** Seconds, as GSKit counts it. */
  GSK_HANDSHAKE_TIMEOUT?: number;
  GSK_SSL_EXTN_SERVERNAME_REQUEST?: string;
  /** Comma-separated ALPN protocol ids. */
  GSK_ALPN_PROTOCOLS?: string;
}

export type { CertificateKeyPair };
