import { TlsError } from '@tlsport/core/spi';
import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { readOptionalString, readPeer, readTime, writeOptionalString, writePeer, writeTime } from '../common/sessionFields.js';

/**
 * A TLS 1.2 session (RFC 5246 §7.4.1.2, RFC 5077 §4): what the client stores (the `session` event's
 * bytes) and what the server seals into a ticket or keeps in its session-id cache.
 */
export interface Tls12Session {
  readonly suite: number;
  readonly masterSecret: Uint8Array;
  /** RFC 7627 §5.3: a session made with EMS may only resume with EMS. */
  readonly extendedMasterSecret: boolean;
  /** Client: the session id to offer (empty: resume by ticket only). Empty inside a ticket. */
  readonly sessionId: Uint8Array;
  /** Client: the ticket to offer; empty when the server issued none, and inside a ticket. */
  readonly ticket: Uint8Array;
  /** Seconds. */
  readonly lifetime: number;
  /** When the session was made (ms since the epoch). */
  readonly time: number;
  readonly servername: string | undefined;
  readonly peerVerified: boolean;
  readonly peerCertificates: readonly Uint8Array[];
}

/** "p2": pure-backend TLS 1.2 session format 1, distinct from the TLS 1.3 format ("p1"). */
export const TLS12_SESSION_FORMAT = 0x7032;

export function serializeTls12Session(s: Tls12Session): Uint8Array {
  const w = new Writer().u16(TLS12_SESSION_FORMAT).u16(s.suite).bytes8(s.masterSecret).u8(s.extendedMasterSecret ? 1 : 0);
  w.bytes8(s.sessionId).bytes16(s.ticket).u32(s.lifetime);
  writeTime(w, s.time);
  writeOptionalString(w, s.servername);
  writePeer(w, s.peerVerified, s.peerCertificates);
  return w.finish();
}

/** Throws a TlsError naming `what` when the bytes are not a TLS 1.2 session of this format. */
export function parseTls12Session(bytes: Uint8Array, what: string): Tls12Session {
  try {
    const r = new Reader(bytes, what);
    if (r.u16() !== TLS12_SESSION_FORMAT) throw new Error('unknown format');
    const suite = r.u16();
    const masterSecret = Uint8Array.from(r.bytes8());
    if (masterSecret.length !== 48) throw new Error('master secret is not 48 bytes');
    const extendedMasterSecret = r.u8() === 1;
    const sessionId = Uint8Array.from(r.bytes8());
    const ticket = Uint8Array.from(r.bytes16());
    const lifetime = r.u32();
    const time = readTime(r);
    const servername = readOptionalString(r);
    const { peerVerified, peerCertificates } = readPeer(r);
    r.expectEnd();
    return { suite, masterSecret, extendedMasterSecret, sessionId, ticket, lifetime, time, servername, peerVerified, peerCertificates };
  } catch (cause) {
    throw new TlsError('bad-message', `${what} is not a pure-backend TLS 1.2 session`, { cause, alert: undefined });
  }
}

/** Whether a session made at `time` with `lifetime` seconds is still alive at `now`. */
export function sessionAlive(s: Pick<Tls12Session, 'time' | 'lifetime'>, now: number): boolean {
  const age = now - s.time;
  return age >= 0 && age <= s.lifetime * 1000;
}
