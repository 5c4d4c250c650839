import { decodeError, unexpectedMessage } from '../codec/errors.js';
import { MAX_HANDSHAKE_MESSAGE, MAX_HANDSHAKE_MESSAGE_RECORDS } from '../common/limits.js';
import type { HandshakeMessage } from './message.js';
import type { HandshakeType } from './types.js';

const HEADER = 4;

/**
 * Reassembles handshake messages from handshake-record fragments: one message may span records
 * and one record may hold several messages (RFC 8446 §5.1). Linear in the bytes received: a
 * message's buffer is allocated once, when its 4-byte header gives the length, and each fragment
 * is copied into it once; the records one message may span are counted and bounded.
 */
export class HandshakeDeframer {
  private readonly header = new Uint8Array(HEADER);
  private headerFill = 0;
  /** The message being assembled (header included), once its length is known. */
  private message: Uint8Array | undefined;
  private messageFill = 0;
  /** Records the message being assembled has drawn from so far. */
  private records = 0;
  private input: Uint8Array = new Uint8Array(0);
  private at = 0;

  /** True when no partial message is waiting (key changes must fall on a record boundary, §5.1). */
  get empty(): boolean {
    return this.headerFill === 0 && this.message === undefined;
  }

  /** Bytes of a partial message received so far. */
  get length(): number {
    return this.message === undefined ? this.headerFill : this.messageFill;
  }

  /** One record's fragment; the previous one must have been drained with `next()` first. */
  push(fragment: Uint8Array): void {
    this.input = fragment;
    this.at = 0;
    if (!this.empty && ++this.records > MAX_HANDSHAKE_MESSAGE_RECORDS) {
      throw unexpectedMessage(`handshake message spans more than ${MAX_HANDSHAKE_MESSAGE_RECORDS} records`);
    }
  }

  /** The next complete message, or undefined until more bytes arrive. */
  next(): HandshakeMessage | undefined {
    const remaining = this.input.length - this.at;
    if (remaining === 0) return undefined;
    if (this.message === undefined) {
      if (this.headerFill === 0) this.records = 1;
      const take = Math.min(HEADER - this.headerFill, remaining);
      this.header.set(this.input.subarray(this.at, this.at + take), this.headerFill);
      this.headerFill += take;
      this.at += take;
      if (this.headerFill < HEADER) return undefined;
      const length = (this.header[1]! << 16) | (this.header[2]! << 8) | this.header[3]!;
      if (length > MAX_HANDSHAKE_MESSAGE) throw decodeError(`handshake message of ${length} bytes exceeds ${MAX_HANDSHAKE_MESSAGE}`);
      this.message = new Uint8Array(HEADER + length);
      this.message.set(this.header);
      this.messageFill = HEADER;
    }
    const message = this.message;
    const take = Math.min(message.length - this.messageFill, this.input.length - this.at);
    message.set(this.input.subarray(this.at, this.at + take), this.messageFill);
    this.messageFill += take;
    this.at += take;
    if (this.messageFill < message.length) return undefined;
    this.message = undefined;
    this.headerFill = 0;
    return { type: message[0] as HandshakeType, body: message.subarray(HEADER), raw: message };
  }
}
