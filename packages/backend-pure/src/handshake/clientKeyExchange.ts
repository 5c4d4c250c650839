import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError } from '../codec/errors.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** ECDHE ClientKeyExchange (RFC 8422 §5.7): the client's ephemeral public key, ECPoint<1..255>. */
export function parseClientKeyExchange(body: Uint8Array): Uint8Array {
  const r = new Reader(body, 'ClientKeyExchange');
  const publicKey = r.bytes8();
  r.expectEnd();
  if (publicKey.length === 0) throw decodeError('ClientKeyExchange: empty public key');
  return publicKey;
}

export function serializeClientKeyExchange(publicKey: Uint8Array): HandshakeMessage {
  return frameHandshake(HandshakeType.client_key_exchange, new Writer().bytes8(publicKey).finish());
}
