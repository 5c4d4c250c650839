import { Reader } from '../codec/Reader.js';
import { illegalParameter } from '../codec/errors.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** KeyUpdate, RFC 8446 §4.6.3: true when the sender asks the receiver to update too. */
export function parseKeyUpdate(body: Uint8Array): boolean {
  const r = new Reader(body, 'KeyUpdate');
  const request = r.u8();
  r.expectEnd();
  if (request > 1) throw illegalParameter(`KeyUpdate: request_update ${request}`);
  return request === 1;
}

export function serializeKeyUpdate(updateRequested: boolean): HandshakeMessage {
  return frameHandshake(HandshakeType.key_update, Uint8Array.of(updateRequested ? 1 : 0));
}
