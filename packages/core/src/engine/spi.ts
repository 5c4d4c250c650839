import type { ContextConfig, SessionConfig } from './config.js';
import type { TlsError } from '../tls/TlsError.js';
import type { GroupName, TlsVersion } from '../tls/suites.js';

/**
 * What an engine reports when its handshake completes. Peer certificates are DER; the core turns
 * them into the summary carried on the StartInit completion, the same way for every backend.
 */
export interface HandshakeResult {
  readonly version: TlsVersion;
  /** IANA name, e.g. "TLS_AES_128_GCM_SHA256". */
  readonly cipherSuite: string;
  /** Key-exchange group; undefined for a TLS 1.2 resumption that did no key exchange. */
  readonly group: GroupName | undefined;
  readonly alpnProtocol: string | undefined;
  /** Server: the SNI name the client sent. Client: the name it sent. */
  readonly servername: string | undefined;
  readonly resumed: boolean;
  /** The peer's chain as sent, leaf first, DER. Empty when the peer sent none. */
  readonly peerCertificates: readonly Uint8Array[];
  /** Whether the peer's chain was verified against the trust anchors (and name, on a client). */
  readonly peerVerified: boolean;
}

/**
 * The engine's outputs. An engine calls these from inside its own methods (synchronous engines)
 * or later from a callback (asynchronous engines); the session accepts both.
 */
export interface EngineSink {
  /** Ciphertext for the transport, in order. */
  transmit(ciphertext: Uint8Array): void;
  /** Decrypted application data, in order. */
  plaintext(data: Uint8Array): void;
  /** The handshake finished: what was negotiated. Called once, before any plaintext. */
  handshakeComplete(result: HandshakeResult): void;
  /** The peer sent close_notify: no more plaintext will arrive. */
  peerClosed(): void;
  /**
   * A fatal failure. The engine has already handed any alert it sends to `transmit`; whatever it
   * calls after this is ignored (core's guardSink).
   */
  failed(error: TlsError): void;
  /** One NSS key log line ("CLIENT_HANDSHAKE_TRAFFIC_SECRET <random> <secret>"), no newline. */
  keylog(line: string): void;
  /** Client: state that resumes this session later (pass back as SessionConfig.session). */
  session(state: Uint8Array): void;
}

/**
 * One connection's TLS state machine, sans-I/O: it never touches a socket. The session feeds it
 * ciphertext and plaintext and forwards what it emits. Calls are never concurrent: the session
 * makes one call at a time, and an asynchronous engine queues work internally.
 */
export interface TlsEngine {
  /** Begin: a client emits its ClientHello; a server waits for one. Called once. */
  start(): void;
  /** Ciphertext from the transport, any split or coalescing. */
  receive(ciphertext: Uint8Array): void;
  /**
   * The transport ended (TCP FIN). An engine that processes input asynchronously implements this,
   * resolving once every byte given to receive() before has been processed, so that an alert the
   * peer sent just before closing is reported as that alert and not as a bare close.
   * Engines that process input synchronously may omit it.
   */
  receiveEnd?(): Promise<void>;
  /**
   * Encrypt application data (only after handshakeComplete). `written` is called once the
   * ciphertext for all of `data` has gone to `transmit`, or with the error that prevented it.
   */
  send(data: Uint8Array, written: (error?: TlsError) => void): void;
  /** TLS 1.3 KeyUpdate; `requestPeer` sets update_requested. Rejected on 1.2 with 'unsupported'. */
  keyUpdate(requestPeer: boolean): void;
  /**
   * Keying material exported from the connection (RFC 5705; RFC 8446 §7.5), once the handshake is
   * complete; `context` undefined means none. Engines that cannot omit it (the session says so).
   */
  exportKeyingMaterial?(length: number, label: string, context: Uint8Array | undefined): Uint8Array;
  /**
   * Bytes the engine holds that the session has not yet seen come out: ciphertext received and
   * not yet processed (a partial record, input queued behind an asynchronous step) and output not
   * yet handed to `transmit`. The session counts them against its memory bound (docs/design.md rule 11).
   */
  bufferedBytes(): number;
  /** Emit close_notify. Further send() calls fail. */
  closeNotify(): void;
  /**
   * Tear down and release every resource (native memory, worker results). Safe at any point,
   * including while an asynchronous step runs: resolves once nothing can touch the engine.
   * The session stops listening to the sink when it destroys an engine (core's guardSink), so
   * a late callback of an asynchronous engine is harmless.
   */
  destroy(): Promise<void>;
}

/**
 * Per-environment state a backend keeps (an SSL_CTX, a parsed trust store, a SecureContext), built
 * from one ContextConfig. The core builds another context when a session overrides a
 * context-level attribute, so a context never compares configurations itself.
 */
export interface EngineContext {
  /** A new engine for one session: the context's own settings plus this session's. */
  createEngine(config: SessionConfig, sink: EngineSink): TlsEngine;
  /** Release the context's resources; engines already created stay valid until destroyed. */
  dispose(): Promise<void>;
}

/** A TLS implementation tlsport can run on. Bound in DI under TLS_BACKEND. */
export interface TlsBackend {
  /** "node-tls", "openssl" or "pure". */
  readonly name: string;
  /**
   * Build the per-environment context. Fails with a TlsError (bad key, unreadable certificate,
   * unsupported option) before any session exists.
   */
  createContext(config: ContextConfig): Promise<EngineContext>;
}
