import { concat } from '../codec/bytes.js';
import { decodeError } from '../codec/errors.js';
import type { HandshakeMessage } from './message.js';
import type { HandshakeType } from './types.js';

/** Largest handshake message accepted: long certificate chains fit, memory stays bounded. */
export const MAX_HANDSHAKE_MESSAGE = 0x20000;

/**
 * Reassembles handshake messages from handshake-record fragments: one message may span records
 * and one record may hold several messages (RFC 8446 §5.1).
 */
export class HandshakeDeframer {
  private buffer: Uint8Array = new Uint8Array(0);

  /** True when no partial message is waiting (key changes must fall on a record boundary, §5.1). */
  get empty(): boolean {
    return this.buffer.length === 0;
  }

  /** Bytes of a partial message held. */
  get length(): number {
    return this.buffer.length;
  }

  push(fragment: Uint8Array): void {
    this.buffer = this.buffer.length === 0 ? Uint8Array.from(fragment) : concat(this.buffer, fragment);
  }

  /** The next complete message, or undefined until more bytes arrive. */
  next(): HandshakeMessage | undefined {
    if (this.buffer.length < 4) return undefined;
    const length = (this.buffer[1]! << 16) | (this.buffer[2]! << 8) | this.buffer[3]!;
    if (length > MAX_HANDSHAKE_MESSAGE) throw decodeError(`handshake message of ${length} bytes exceeds ${MAX_HANDSHAKE_MESSAGE}`);
    if (this.buffer.length < 4 + length) return undefined;
    const raw = this.buffer.slice(0, 4 + length);
    this.buffer = this.buffer.subarray(4 + length);
    return { type: raw[0] as HandshakeType, body: raw.subarray(4), raw };
  }
}
