import { TlsError } from '@tlsport/core/spi';
import type { Aead } from '../crypto/provider.js';
import { concat, uninitialized, zero } from '../codec/bytes.js';
import { ContentType, MAX_PLAINTEXT, RECORD_HEADER, type RecordProtection } from './types.js';

const TAG = 16;
const EXPLICIT_NONCE = 8;

/**
 * One direction's TLS 1.2 AEAD record protection (RFC 5246 §6.2.3.3). AES-GCM (RFC 5288 §3):
 * nonce = 4-byte salt || 8-byte explicit nonce sent in the record, here the sequence number.
 * ChaCha20-Poly1305 (RFC 7905 §2): nonce = 12-byte IV XOR the padded sequence number, nothing sent.
 * The additional data is seq_num || type || version || plaintext length.
 */
export class Tls12RecordCipher implements RecordProtection {
  readonly innerType = false;
  private seq = 0n;

  /** `iv`: the 4-byte GCM salt, or the 12-byte ChaCha20 IV (`explicitNonce` false). */
  constructor(private readonly aead: Aead, private readonly iv: Uint8Array, private readonly explicitNonce: boolean) {}

  private nextSeq(): Uint8Array {
    if (this.seq === 0xffffffffffffffffn) throw new TlsError('internal', 'record sequence number would wrap');
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, this.seq);
    this.seq++;
    return out;
  }

  private nonce(seqOrExplicit: Uint8Array): Uint8Array {
    if (this.explicitNonce) return concat(this.iv, seqOrExplicit);
    const nonce = Uint8Array.from(this.iv);
    for (let i = 0; i < 8; i++) nonce[4 + i]! ^= seqOrExplicit[i]!;
    return nonce;
  }

  private static aad(seq: Uint8Array, type: number, version: Uint8Array, length: number): Uint8Array {
    return concat(seq, Uint8Array.of(type, version[0]!, version[1]!, length >> 8, length & 0xff));
  }

  seal(type: ContentType, content: Uint8Array): Uint8Array {
    const seq = this.nextSeq();
    const explicit = this.explicitNonce ? EXPLICIT_NONCE : 0;
    const length = explicit + content.length + TAG;
    const record = uninitialized(RECORD_HEADER + length);
    record.set([type, 3, 3, length >> 8, length & 0xff]);
    if (this.explicitNonce) record.set(seq, RECORD_HEADER);
    const aad = Tls12RecordCipher.aad(seq, type, Uint8Array.of(3, 3), content.length);
    this.aead.sealInto(this.nonce(seq), [content], aad, record, RECORD_HEADER + explicit);
    return record;
  }

  open(header: Uint8Array, fragment: Uint8Array): { type: ContentType; content: Uint8Array } {
    const type = header[0] as ContentType;
    const overhead = TAG + (this.explicitNonce ? EXPLICIT_NONCE : 0);
    if (fragment.length < overhead) throw new TlsError('bad-mac', `protected record of ${fragment.length} bytes`);
    const plainLength = fragment.length - overhead;
    // RFC 5246 §6.2.3: TLSCompressed.length MUST NOT exceed 2^14.
    if (plainLength > MAX_PLAINTEXT) throw new TlsError('record-overflow', `protected record of ${plainLength} plaintext bytes exceeds 2^14`);
    const seq = this.nextSeq();
    const nonce = this.nonce(this.explicitNonce ? fragment.subarray(0, EXPLICIT_NONCE) : seq);
    const sealed = this.explicitNonce ? fragment.subarray(EXPLICIT_NONCE) : fragment;
    const content = this.aead.open(nonce, sealed, Tls12RecordCipher.aad(seq, type, header.subarray(1, 3), plainLength));
    if (content === null) throw new TlsError('bad-mac', 'record authentication failed');
    return { type, content };
  }

  destroy(): void {
    zero(this.iv);
  }
}
