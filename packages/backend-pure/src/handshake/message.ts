import { Writer } from '../codec/Writer.js';
import type { HandshakeType } from './types.js';

/** One handshake message as it crossed the wire: its type, body, and the exact bytes (header included). */
export interface HandshakeMessage {
  readonly type: HandshakeType;
  readonly body: Uint8Array;
  readonly raw: Uint8Array;
}

/** Frames a body with the 4-byte handshake header (RFC 8446 §4). */
export function frameHandshake(type: HandshakeType, body: Uint8Array): HandshakeMessage {
  const raw = new Writer().u8(type).bytes24(body).finish();
  return { type, body: raw.subarray(4), raw };
}
