import { decodeError } from '../codec/errors.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** Finished, RFC 8446 §4.4.4: verify_data is exactly Hash.length bytes. */
export function parseFinished(body: Uint8Array, hashLength: number): Uint8Array {
  if (body.length !== hashLength) throw decodeError(`Finished: verify_data is ${body.length} bytes, expected ${hashLength}`);
  return body;
}

export function serializeFinished(verifyData: Uint8Array): HandshakeMessage {
  return frameHandshake(HandshakeType.finished, verifyData);
}
