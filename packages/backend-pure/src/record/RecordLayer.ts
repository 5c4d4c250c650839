import { TlsError } from '@tlsport/core/spi';
import { concat } from '../codec/bytes.js';
import { unexpectedMessage } from '../codec/errors.js';
import { RecordDeframer } from './RecordDeframer.js';
import { ContentType, MAX_PLAINTEXT, type RecordProtection } from './types.js';

/** A record after decryption: its real content type and content. */
export interface PlainRecord {
  readonly type: ContentType;
  readonly content: Uint8Array;
  /** Whether it arrived protected (handshake or application keys). */
  readonly protected: boolean;
}

/**
 * The record layer of one connection (RFC 8446 §5): deframes and decrypts what arrives, and
 * turns outgoing content into records. Handshake messages are coalesced into as few records as
 * possible until `flush()` (a key change or the end of a flight); output collects until `drain()`.
 */
export class RecordLayer {
  private readonly deframer = new RecordDeframer();
  private reader: RecordProtection | undefined;
  private writer: RecordProtection | undefined;
  private pendingHandshake: Uint8Array[] = [];
  private output: Uint8Array[] = [];
  /** Version in plaintext record headers: 0x0301 for the first ClientHello, for middleboxes (§5.1). */
  plaintextVersion = 0x0303;

  /** Received bytes waiting to complete a record. */
  get bufferedInput(): number {
    return this.deframer.buffered;
  }

  setReader(cipher: RecordProtection): void {
    this.reader?.destroy();
    this.reader = cipher;
  }

  setWriter(cipher: RecordProtection): void {
    this.flush();
    this.writer?.destroy();
    this.writer = cipher;
  }

  /** Ciphertext to read records from; call `release()` before returning to the owner of `bytes`. */
  push(bytes: Uint8Array): void {
    this.deframer.push(bytes);
  }

  /** Stops borrowing the memory given to `push` (copies a partial record, if any). */
  release(): void {
    this.deframer.release();
  }

  /** The next record, decrypted; undefined until a whole one has arrived. */
  next(): PlainRecord | undefined {
    const raw = this.deframer.next();
    if (raw === undefined) return undefined;
    // change_cipher_spec is never protected; a TLS 1.3 alert may be plaintext, a TLS 1.2 alert after CCS is not.
    const reader = this.reader;
    if (reader === undefined || raw.type === ContentType.change_cipher_spec || (reader.innerType && raw.type === ContentType.alert)) {
      if (raw.type === ContentType.application_data) throw unexpectedMessage('application data before keys were established');
      if (raw.type === ContentType.handshake && this.reader !== undefined) throw unexpectedMessage('plaintext handshake record after keys were established');
      if (raw.fragment.length > MAX_PLAINTEXT) throw new TlsError('record-overflow', `plaintext record of ${raw.fragment.length} bytes`);
      return { type: raw.type, content: raw.fragment, protected: false };
    }
    if (reader.innerType && raw.type !== ContentType.application_data) throw unexpectedMessage(`protected record with outer type ${raw.type}`);
    const { type, content } = reader.open(raw.header, raw.fragment);
    return { type, content, protected: true };
  }

  /** Queues a handshake message; it goes out with the next flush, coalesced with its neighbours. */
  queueHandshake(raw: Uint8Array): void {
    this.pendingHandshake.push(raw);
  }

  /** Writes a non-handshake content type now, after any queued handshake messages. */
  write(type: ContentType, content: Uint8Array): void {
    this.flush();
    this.emit(type, content);
  }

  /** A change_cipher_spec record, always plaintext (middlebox compatibility, §D.4). */
  writeChangeCipherSpec(): void {
    this.flush();
    this.output.push(Uint8Array.of(ContentType.change_cipher_spec, 0x03, 0x03, 0x00, 0x01, 0x01));
  }

  flush(): void {
    if (this.pendingHandshake.length === 0) return;
    const all = concat(...this.pendingHandshake);
    this.pendingHandshake = [];
    this.emit(ContentType.handshake, all);
  }

  /** Everything written since the last drain, as one chunk for the transport. */
  drain(): Uint8Array | undefined {
    this.flush();
    if (this.output.length === 0) return undefined;
    const out = this.output.length === 1 ? this.output[0]! : concat(...this.output);
    this.output = [];
    return out;
  }

  /** Drops output not yet drained (a failure makes a half-built flight meaningless). */
  discardOutput(): void {
    this.pendingHandshake = [];
    this.output = [];
  }

  private emit(type: ContentType, content: Uint8Array): void {
    let at = 0;
    do {
      const chunk = content.subarray(at, Math.min(at + MAX_PLAINTEXT, content.length));
      at += chunk.length;
      if (this.writer !== undefined) {
        this.output.push(this.writer.seal(type, chunk));
      } else {
        const header = Uint8Array.of(type, this.plaintextVersion >> 8, this.plaintextVersion & 0xff, chunk.length >> 8, chunk.length & 0xff);
        this.output.push(concat(header, chunk));
      }
    } while (at < content.length);
  }

  destroy(): void {
    this.reader?.destroy();
    this.writer?.destroy();
    this.reader = undefined;
    this.writer = undefined;
    this.discardOutput();
  }
}
