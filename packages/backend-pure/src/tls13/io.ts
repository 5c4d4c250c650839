import type { HandshakeResult } from '@tlsport/core/spi';
import type { CryptoProvider } from '../crypto/provider.js';
import { toHex, zero } from '../codec/bytes.js';
import type { HandshakeMessage } from '../handshake/message.js';
import type { Transcript } from '../handshake/transcript.js';
import { RecordCipher } from '../record/RecordCipher.js';
import type { RecordLayer } from '../record/RecordLayer.js';
import type { RecordProtection } from '../record/types.js';
import { trafficKeys } from './keySchedule.js';
import type { Clock, RandomSource } from './sources.js';
import type { Suite } from './suite.js';

/** What a handshake reports outward; the engine forwards these to its sink. */
export interface HandshakeEvents {
  keylog(line: string): void;
  complete(result: HandshakeResult): void;
  session(state: Uint8Array): void;
}

/**
 * Everything a handshake state touches: crypto, time and randomness, the transcript and the
 * record layer. Sending a handshake message goes through `send`, which feeds the transcript.
 */
export class HandshakeIo {
  /** Bumped on every read-key change, so the engine can check the change fell on a record boundary. */
  readEpoch = 0;

  constructor(
    readonly provider: CryptoProvider,
    readonly clock: Clock,
    readonly random: RandomSource,
    readonly transcript: Transcript,
    readonly records: RecordLayer,
    private readonly events: HandshakeEvents,
    private readonly keylogEnabled: boolean,
  ) {}

  /** Sends a message that is part of the transcript. */
  send(msg: HandshakeMessage): void {
    this.transcript.add(msg.raw);
    this.records.queueHandshake(msg.raw);
  }

  /** Sends a post-handshake message (NewSessionTicket, KeyUpdate), outside the transcript. */
  sendPostHandshake(msg: HandshakeMessage): void {
    this.records.queueHandshake(msg.raw);
  }

  setReadSecret(suite: Suite, secret: Uint8Array): void {
    this.setReader(this.cipher(suite, secret));
  }

  setWriteSecret(suite: Suite, secret: Uint8Array): void {
    this.records.setWriter(this.cipher(suite, secret));
  }

  /** Installs new read protection (TLS 1.2: on ChangeCipherSpec). */
  setReader(protection: RecordProtection): void {
    this.records.setReader(protection);
    this.readEpoch++;
  }

  private cipher(suite: Suite, secret: Uint8Array): RecordCipher {
    const { key, iv } = trafficKeys(this.provider, suite, secret);
    const aead = this.provider.aead(suite.aead, key);
    zero(key);
    return new RecordCipher(aead, iv);
  }

  /** One NSS key log line, when the application asked for them. */
  keylog(label: string, clientRandom: Uint8Array, secret: Uint8Array): void {
    if (this.keylogEnabled) this.events.keylog(`${label} ${toHex(clientRandom)} ${toHex(secret)}`);
  }

  complete(result: HandshakeResult): void {
    this.events.complete(result);
  }

  session(state: Uint8Array): void {
    this.events.session(state);
  }
}

/** One state of a handshake: it accepts the message it expects and returns the next state. */
export interface HandshakeState {
  handle(msg: HandshakeMessage): HandshakeState;
  /** True once the handshake is complete (application data may flow in both directions). */
  readonly connected: boolean;
  /**
   * TLS 1.2 states only: ChangeCipherSpec is a protocol message that switches the read keys
   * (RFC 5246 §7.1). Absent in TLS 1.3, whose engine drops one CCS during the handshake (§5).
   */
  changeCipherSpec?(): HandshakeState;
  /** Zeroes the secrets the state holds; called once when the engine is torn down. */
  destroy?(): void;
  /** Connected states: keying material exported from the connection (RFC 5705; RFC 8446 §7.5). */
  exportKeyingMaterial?(length: number, label: string, context: Uint8Array | undefined): Uint8Array;
}
