import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** TLS 1.2 NewSessionTicket (RFC 5077 §3.3). An empty ticket means "none this time". */
export interface NewSessionTicket12 {
  /** Seconds; 0 means unspecified. */
  readonly lifetimeHint: number;
  readonly ticket: Uint8Array;
}

export function parseNewSessionTicket12(body: Uint8Array): NewSessionTicket12 {
  const r = new Reader(body, 'NewSessionTicket');
  const lifetimeHint = r.u32();
  const ticket = r.bytes16();
  r.expectEnd();
  return { lifetimeHint, ticket };
}

export function serializeNewSessionTicket12(t: NewSessionTicket12): HandshakeMessage {
  return frameHandshake(HandshakeType.new_session_ticket, new Writer().u32(t.lifetimeHint).bytes16(t.ticket).finish());
}
