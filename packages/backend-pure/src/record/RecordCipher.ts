import { TlsError } from '@tlsport/core/spi';
import type { Aead } from '../crypto/provider.js';
import { uninitialized, zero } from '../codec/bytes.js';
import { unexpectedMessage } from '../codec/errors.js';
import { ContentType, MAX_CIPHERTEXT, MAX_PLAINTEXT, RECORD_HEADER, type RecordProtection } from './types.js';

const TAG = 16;

/**
 * One direction's record protection (RFC 8446 §5.2/§5.3): an AEAD, its static IV and the
 * 64-bit sequence number, XORed into the IV for each record's nonce.
 */
export class RecordCipher implements RecordProtection {
  readonly innerType = true;
  /** The 64-bit sequence number as two 32-bit halves (BigInt arithmetic per record cost more). */
  private seqHigh = 0;
  private seqLow = 0;

  constructor(private readonly aead: Aead, private readonly iv: Uint8Array) {}

  /** The current sequence number's nonce; `advance()` moves on once the record is sealed or opened. */
  private nonce(): Uint8Array {
    if (this.seqHigh === 0xffffffff && this.seqLow === 0xffffffff) throw new TlsError('internal', 'record sequence number would wrap');
    const nonce = Uint8Array.from(this.iv);
    const end = nonce.length;
    for (let i = 0; i < 4; i++) {
      nonce[end - 8 + i]! ^= (this.seqHigh >>> (24 - 8 * i)) & 0xff;
      nonce[end - 4 + i]! ^= (this.seqLow >>> (24 - 8 * i)) & 0xff;
    }
    return nonce;
  }

  private advance(): void {
    if (this.seqLow === 0xffffffff) {
      this.seqLow = 0;
      this.seqHigh++;
    } else {
      this.seqLow++;
    }
  }

  /** A complete protected record: TLSInnerPlaintext = content || type || zeros (padding). */
  seal(type: ContentType, content: Uint8Array, padding = 0): Uint8Array {
    const trailer = new Uint8Array(1 + padding);
    trailer[0] = type;
    const length = content.length + trailer.length + TAG;
    const record = uninitialized(RECORD_HEADER + length);
    record.set([ContentType.application_data, 0x03, 0x03, length >> 8, length & 0xff]);
    this.aead.sealInto(this.nonce(), [content, trailer], record.subarray(0, RECORD_HEADER), record, RECORD_HEADER);
    this.advance();
    return record;
  }

  /**
   * Decrypts one application_data record; the real type comes from the inner plaintext. A record
   * that does not authenticate leaves the sequence number where it was, so a server skipping
   * rejected 0-RTT records (RFC 8446 §4.2.10) still opens the next real one.
   */
  open(header: Uint8Array, fragment: Uint8Array): { type: ContentType; content: Uint8Array } {
    if (fragment.length < TAG + 1 || fragment.length > MAX_CIPHERTEXT) {
      throw new TlsError(fragment.length > MAX_CIPHERTEXT ? 'record-overflow' : 'bad-mac', `protected record of ${fragment.length} bytes`);
    }
    const inner = this.aead.open(this.nonce(), fragment, header);
    if (inner === null) throw new TlsError('bad-mac', 'record authentication failed');
    this.advance();
    if (inner.length > MAX_PLAINTEXT + 1) throw new TlsError('record-overflow', `inner plaintext of ${inner.length} bytes exceeds 2^14+1`);
    let end = inner.length - 1;
    while (end >= 0 && inner[end] === 0) end--;
    if (end < 0) throw unexpectedMessage('protected record without a content type');
    return { type: inner[end] as ContentType, content: inner.subarray(0, end) };
  }

  destroy(): void {
    zero(this.iv);
  }
}
