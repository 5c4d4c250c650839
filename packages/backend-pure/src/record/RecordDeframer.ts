import { TlsError } from '@tlsport/core';
import { concat } from '../codec/bytes.js';
import { unexpectedMessage } from '../codec/errors.js';
import { ContentType, MAX_CIPHERTEXT, RECORD_HEADER, type RawRecord } from './types.js';

const KNOWN_TYPES = new Set<number>([ContentType.change_cipher_spec, ContentType.alert, ContentType.handshake, ContentType.application_data]);

/** Splits the ciphertext stream into records, whatever the transport's chunking (RFC 8446 §5.1). */
export class RecordDeframer {
  private buffer: Uint8Array = new Uint8Array(0);
  /** Whether `buffer` is still the caller's memory (see `release`). */
  private borrowed = false;

  /**
   * Takes `bytes` without copying when nothing is pending: the caller's memory is only read until
   * `release()`, which the caller invokes before it returns to whoever owns `bytes`.
   */
  push(bytes: Uint8Array): void {
    if (this.buffer.length === 0) {
      this.buffer = bytes;
      this.borrowed = true;
    } else {
      this.buffer = concat(this.buffer, bytes);
      this.borrowed = false;
    }
  }

  /** Copies what is left of a borrowed buffer (a partial record) so the caller may reuse its memory. */
  release(): void {
    if (this.borrowed) this.buffer = this.buffer.slice();
    this.borrowed = false;
  }

  /** The next complete record, or undefined until more bytes arrive. */
  next(): RawRecord | undefined {
    if (this.buffer.length < RECORD_HEADER) return undefined;
    const type = this.buffer[0]!;
    if (!KNOWN_TYPES.has(type)) throw unexpectedMessage(`record of unknown content type ${type}`);
    if (this.buffer[1] !== 0x03) throw new TlsError('protocol-version', `record version ${this.buffer[1]}.${this.buffer[2]}`);
    const length = (this.buffer[3]! << 8) | this.buffer[4]!;
    if (length > MAX_CIPHERTEXT) throw new TlsError('record-overflow', `record of ${length} bytes exceeds 2^14+256`);
    if (this.buffer.length < RECORD_HEADER + length) return undefined;
    const header = this.buffer.slice(0, RECORD_HEADER);
    // The buffer is never written in place, so a view is safe; protected records are only read
    // once (decrypted into fresh memory), so only plaintext ones, which may be kept, are copied.
    const fragment = type === ContentType.application_data
      ? this.buffer.subarray(RECORD_HEADER, RECORD_HEADER + length)
      : this.buffer.slice(RECORD_HEADER, RECORD_HEADER + length);
    this.buffer = this.buffer.subarray(RECORD_HEADER + length);
    return { type: type as ContentType, header, fragment };
  }
}
