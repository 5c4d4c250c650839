import { TlsError } from '@tlsport/core/spi';
import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { readOptionalString, readPeer, readTime, writeOptionalString, writePeer, writeTime } from '../common/sessionFields.js';

/**
 * What resumes a session: kept by the client beside its ticket (the `session` event's bytes) and
 * sealed by the server inside the ticket itself. Self-contained, versioned, no references.
 */
export interface SessionState {
  /** Cipher suite code; the PSK may only be used with a suite of the same hash (§4.2.11). */
  readonly suite: number;
  readonly psk: Uint8Array;
  readonly ageAdd: number;
  /** Seconds. */
  readonly lifetime: number;
  /** Server: when the ticket was issued; client: when it arrived (ms since the epoch). */
  readonly time: number;
  readonly servername: string | undefined;
  readonly alpn: string | undefined;
  readonly peerVerified: boolean;
  readonly peerCertificates: readonly Uint8Array[];
  /** Client only: the ticket to present; empty inside a ticket. */
  readonly ticket: Uint8Array;
}

const FORMAT = 0x7031; // "p1": pure-backend session format 1

/** What every session state of one connection shares: names and the peer's chain. */
export type SessionPeer = Pick<SessionState, 'servername' | 'alpn' | 'peerVerified' | 'peerCertificates'>;

/** Encodes the shared part once, so a client given many tickets does not re-encode the chain for each. */
export function encodeSessionPeer(s: SessionPeer): Uint8Array {
  const w = new Writer();
  writeOptionalString(w, s.servername);
  writeOptionalString(w, s.alpn);
  writePeer(w, s.peerVerified, s.peerCertificates);
  return w.finish();
}

/** `peer`: `encodeSessionPeer(s)`, when the caller already has it. */
export function serializeSessionState(s: SessionState, peer = encodeSessionPeer(s)): Uint8Array {
  const w = new Writer().u16(FORMAT).u16(s.suite).bytes8(s.psk).u32(s.ageAdd).u32(s.lifetime);
  writeTime(w, s.time);
  return w.bytes(peer).bytes16(s.ticket).finish();
}

/** Throws a TlsError naming `what` when the bytes are not a session state of this format. */
export function parseSessionState(bytes: Uint8Array, what: string): SessionState {
  try {
    const r = new Reader(bytes, what);
    if (r.u16() !== FORMAT) throw new Error('unknown format');
    const suite = r.u16();
    const psk = Uint8Array.from(r.bytes8());
    const ageAdd = r.u32();
    const lifetime = r.u32();
    const time = readTime(r);
    const servername = readOptionalString(r);
    const alpn = readOptionalString(r);
    const { peerVerified, peerCertificates } = readPeer(r);
    const ticket = Uint8Array.from(r.bytes16());
    r.expectEnd();
    return { suite, psk, ageAdd, lifetime, time, servername, alpn, peerVerified, peerCertificates, ticket };
  } catch (cause) {
    throw new TlsError('bad-message', `${what} is not a pure-backend session state`, { cause, alert: undefined });
  }
}
