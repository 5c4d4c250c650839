import { TlsError } from '@tlsport/core/spi';
import { concat } from '../codec/bytes.js';
import { unexpectedMessage } from '../codec/errors.js';
import { ContentType, MAX_CIPHERTEXT, RECORD_HEADER, type RawRecord } from './types.js';

const KNOWN_TYPES = new Set<number>([ContentType.change_cipher_spec, ContentType.alert, ContentType.handshake, ContentType.application_data]);

/** Splits the ciphertext stream into records, whatever the transport's chunking (RFC 8446 §5.1). */
export class RecordDeframer {
  private buffer: Uint8Array = new Uint8Array(0);
  /** Whether `buffer` is still the caller's memory (see `release`). */
  private borrowed = false;
  /** A record completed from the previous chunk's tail and the new chunk's head; it comes first. */
  private carried: Uint8Array | undefined;

  /**
   * Takes `bytes` without copying them: the caller's memory is only read until `release()`, which
   * the caller invokes before it returns to whoever owns `bytes`. A record left incomplete by the
   * previous chunk is completed by copying just its missing bytes, not the whole new chunk.
   */
  push(bytes: Uint8Array): void {
    if (this.buffer.length === 0) {
      this.buffer = bytes;
      this.borrowed = true;
      return;
    }
    // A kept tail of RECORD_HEADER bytes or more had its header checked when next() stopped there.
    const missing = this.buffer.length >= RECORD_HEADER ? RECORD_HEADER + recordLength(this.buffer) - this.buffer.length : -1;
    if (this.carried === undefined && missing >= 0 && bytes.length >= missing) {
      this.carried = concat(this.buffer, bytes.subarray(0, missing));
      this.buffer = bytes.subarray(missing);
      this.borrowed = true;
      return;
    }
    this.buffer = concat(this.buffer, bytes);
    this.borrowed = false;
  }

  /** Bytes held towards the next records. */
  get buffered(): number {
    return this.buffer.length + (this.carried?.length ?? 0);
  }

  /** Copies what is left of a borrowed buffer (a partial record) so the caller may reuse its memory. */
  release(): void {
    if (this.borrowed) this.buffer = this.buffer.slice();
    this.borrowed = false;
  }

  /** The next complete record, or undefined until more bytes arrive. */
  next(): RawRecord | undefined {
    const carried = this.carried;
    if (carried !== undefined) {
      this.carried = undefined;
      return frame(carried)!;
    }
    const record = frame(this.buffer);
    if (record === undefined) return undefined;
    this.buffer = this.buffer.subarray(RECORD_HEADER + record.fragment.length);
    return record;
  }
}

function recordLength(bytes: Uint8Array): number {
  return (bytes[3]! << 8) | bytes[4]!;
}

/** The record at the start of `bytes` once its header checks out, or undefined while incomplete. */
function frame(bytes: Uint8Array): RawRecord | undefined {
  if (bytes.length < RECORD_HEADER) return undefined;
  const type = bytes[0]!;
  if (!KNOWN_TYPES.has(type)) throw unexpectedMessage(`record of unknown content type ${type}`);
  if (bytes[1] !== 0x03) throw new TlsError('protocol-version', `record version ${bytes[1]}.${bytes[2]}`);
  const length = recordLength(bytes);
  if (length > MAX_CIPHERTEXT) throw new TlsError('record-overflow', `record of ${length} bytes exceeds 2^14+256`);
  if (bytes.length < RECORD_HEADER + length) return undefined;
  const header = bytes.slice(0, RECORD_HEADER);
  // The buffer is never written in place, so a view is safe; protected records are only read
  // once (decrypted into fresh memory), so only plaintext ones, which may be kept, are copied.
  const fragment = type === ContentType.application_data
    ? bytes.subarray(RECORD_HEADER, RECORD_HEADER + length)
    : bytes.slice(RECORD_HEADER, RECORD_HEADER + length);
  return { type: type as ContentType, header, fragment };
}
