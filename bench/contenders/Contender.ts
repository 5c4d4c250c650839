import type { GroupName, TlsVersion } from '@tlsport/core';
import type { CertKind } from '../pki.js';

/** What one in-memory handshake benchmark does. */
export interface HandshakeProfile {
  readonly version: TlsVersion;
  readonly cert: CertKind;
  /** Resume with a ticket from an earlier full handshake (1.3 PSK, 1.2 RFC 5077 ticket). */
  readonly resumed: boolean;
  /** The key exchange group the client offers first (and shares); P-256 follows for TLS 1.2's ECDSA curve. */
  readonly group: GroupName;
}

/** A 1.3 suite for bulk transfers. */
export type BulkSuite = 'TLS_AES_128_GCM_SHA256' | 'TLS_CHACHA20_POLY1305_SHA256';

/** Client and server wired together, able to run one more handshake. */
export interface Handshaker {
  /** One complete handshake, both sides, then both torn down. */
  once(): Promise<void>;
  close(): Promise<void>;
}

/** An established connection for bulk data, client to server. */
export interface BulkLink {
  /** Sends `bytes` in 16 KiB writes; resolves once the server side has received them all. */
  transfer(bytes: number): Promise<void>;
  close(): Promise<void>;
}

/** A TLS server on 127.0.0.1 that answers each handshake with one byte and closes. */
export interface ServerUnderTest {
  readonly tcpPort: number;
  /** Handshakes that failed on the server side so far. */
  readonly failures: number;
  close(): Promise<void>;
}

/** A growing set of established, idle client+server session pairs in memory. */
export interface IdleSessions {
  /** Establishes `pairs` more pairs. */
  add(pairs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Something benchmarked: plain node:tls (the baseline) or a tlsport backend. Each contender does
 * the same work its own way, so the suites never branch on who is measured.
 */
export interface Contender {
  readonly name: string;
  handshaker(profile: HandshakeProfile): Promise<Handshaker>;
  bulk(suite: BulkSuite, over: 'memory' | 'loopback'): Promise<BulkLink>;
  server(): Promise<ServerUnderTest>;
  idleSessions(): Promise<IdleSessions>;
  /** Native objects alive in the backend (the openssl addon's SSL count), when it can tell. */
  readonly nativeObjects?: () => number;
}

/** The bulk record size: a full TLS record. */
export const RECORD_BYTES = 16 * 1024;
