import { decodeError } from '../codec/errors.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** ServerHelloDone and HelloRequest (RFC 5246 §7.4.5, §7.4.1.1) have empty bodies. */
export type EmptyMessageType = HandshakeType.server_hello_done | HandshakeType.hello_request;

export function parseEmptyMessage(body: Uint8Array, what: string): void {
  if (body.length !== 0) throw decodeError(`${what}: ${body.length} bytes in an empty message`);
}

export function serializeEmptyMessage(type: EmptyMessageType): HandshakeMessage {
  return frameHandshake(type, new Uint8Array(0));
}
