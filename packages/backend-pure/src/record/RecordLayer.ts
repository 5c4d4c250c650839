import { TlsError } from '@tlsport/core/spi';
import { concat } from '../codec/bytes.js';
import { unexpectedMessage } from '../codec/errors.js';
import { MAX_SKIPPED_EARLY_DATA } from '../common/limits.js';
import { RecordDeframer } from './RecordDeframer.js';
import { ContentType, MAX_PLAINTEXT, type RawRecord, type RecordProtection } from './types.js';

/** AEAD tag and inner content type: what a TLS 1.3 record adds to its content (RFC 8446 §5.2). */
const TLS13_RECORD_OVERHEAD = 17;

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
  /** Whether a record from the peer has authenticated: from then on a TLS 1.3 alert must be protected. */
  private peerProtects = false;
  /** Bytes of rejected 0-RTT data the server may still skip (RFC 8446 §4.2.10); 0: none. */
  private earlyDataBudget = 0;

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

  /**
   * Server that rejects 0-RTT (RFC 8446 §4.2.10): until a record authenticates, records that do not
   * (early data under keys this side never derived) or, after a HelloRetryRequest, plaintext-era
   * application_data records are skipped, up to MAX_SKIPPED_EARLY_DATA bytes. `false` stops it.
   */
  skipEarlyData(skip: boolean): void {
    this.earlyDataBudget = skip ? MAX_SKIPPED_EARLY_DATA : 0;
  }

  /** The next record, decrypted; undefined until a whole one has arrived. */
  next(): PlainRecord | undefined {
    for (let raw = this.deframer.next(); raw !== undefined; raw = this.deframer.next()) {
      const record = this.open(raw);
      if (record !== undefined) return record;
    }
    return undefined;
  }

  /** One record in clear; undefined when it is skipped early data. */
  private open(raw: RawRecord): PlainRecord | undefined {
    const reader = this.reader;
    // change_cipher_spec is never protected. A TLS 1.3 alert may be plaintext only until the peer's
    // records are protected (a peer that could not read our ServerHello); after that a plaintext
    // record is unexpected_message (§5), so no one on the path can end the stream early (§6.1).
    if (reader === undefined || raw.type === ContentType.change_cipher_spec || (reader.innerType && raw.type === ContentType.alert && !this.peerProtects)) {
      if (raw.type === ContentType.application_data && this.skipEarly(raw.fragment.length)) return undefined;
      if (raw.type === ContentType.application_data) throw unexpectedMessage('application data before keys were established');
      if (raw.type === ContentType.handshake && this.reader !== undefined) throw unexpectedMessage('plaintext handshake record after keys were established');
      if (raw.fragment.length > MAX_PLAINTEXT) throw new TlsError('record-overflow', `plaintext record of ${raw.fragment.length} bytes`);
      return { type: raw.type, content: raw.fragment, protected: false };
    }
    if (reader.innerType && raw.type !== ContentType.application_data) throw unexpectedMessage(`plaintext record of type ${raw.type} once the peer's records are protected`);
    let opened: { type: ContentType; content: Uint8Array };
    try {
      opened = reader.open(raw.header, raw.fragment);
    } catch (error) {
      if (error instanceof TlsError && error.fault === 'bad-mac' && reader.innerType && this.skipEarly(raw.fragment.length - TLS13_RECORD_OVERHEAD)) return undefined;
      throw error;
    }
    this.peerProtects = true;
    this.earlyDataBudget = 0;
    return { type: opened.type, content: opened.content, protected: true };
  }

  /** Whether a rejected 0-RTT record of `length` bytes fits what may still be skipped. */
  private skipEarly(length: number): boolean {
    if (this.earlyDataBudget === 0) return false;
    if (length > this.earlyDataBudget) throw unexpectedMessage(`more than ${MAX_SKIPPED_EARLY_DATA} bytes of rejected early data`);
    this.earlyDataBudget -= Math.max(length, 1);
    return true;
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

  /**
   * Drops handshake messages queued but not yet sealed (a failure makes a half-built flight
   * meaningless); records already sealed stay, so an alert written next follows what the peer
   * needs to read it (RFC 8446 §6).
   */
  discardPendingHandshake(): void {
    this.pendingHandshake = [];
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
    this.pendingHandshake = [];
    this.output = [];
  }
}
