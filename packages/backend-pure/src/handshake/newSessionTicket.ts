import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError } from '../codec/errors.js';
import { parseExtensions, writeExtensions } from './extensions.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** NewSessionTicket, RFC 8446 §4.6.1. Extensions (early_data and unknown ones) are read and ignored. */
export interface NewSessionTicket {
  readonly lifetime: number;
  readonly ageAdd: number;
  readonly nonce: Uint8Array;
  readonly ticket: Uint8Array;
}

/** §4.6.1: servers MUST NOT use any value greater than 604800 seconds (7 days). */
export const MAX_TICKET_LIFETIME = 604_800;

export function parseNewSessionTicket(body: Uint8Array): NewSessionTicket {
  const r = new Reader(body, 'NewSessionTicket');
  const lifetime = r.u32();
  const ageAdd = r.u32();
  const nonce = r.bytes8();
  const ticket = r.bytes16();
  if (ticket.length === 0) throw decodeError('NewSessionTicket: empty ticket');
  parseExtensions(r, 'NewSessionTicket');
  r.expectEnd();
  return { lifetime, ageAdd, nonce, ticket };
}

export function serializeNewSessionTicket(t: NewSessionTicket): HandshakeMessage {
  const w = new Writer().u32(t.lifetime).u32(t.ageAdd).bytes8(t.nonce).bytes16(t.ticket);
  writeExtensions(w, new Map());
  return frameHandshake(HandshakeType.new_session_ticket, w.finish());
}
