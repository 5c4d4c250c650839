import { AlertDescription, AlertLevel, TlsError, type EngineSink, type HandshakeResult, type TlsConfig, type TlsEngine } from '@tlsport/core/spi';
import type { CryptoProvider } from '../crypto/provider.js';
import { decodeError, unexpectedMessage } from '../codec/errors.js';
import { HandshakeDeframer } from '../handshake/deframer.js';
import { Transcript } from '../handshake/transcript.js';
import { RecordLayer, type PlainRecord } from '../record/RecordLayer.js';
import { ContentType } from '../record/types.js';
import { HandshakeType } from '../handshake/types.js';
import { HandshakeIo, type HandshakeState } from '../tls13/io.js';
import type { Clock, RandomSource } from '../tls13/sources.js';
import { Connected } from '../tls13/traffic.js';
import { FloodGuard } from './FloodGuard.js';
import { toTlsError } from './toTlsError.js';

type Phase = 'idle' | 'handshaking' | 'connected' | 'failed' | 'destroyed';

/**
 * One pure-TypeScript TLS connection behind the engine SPI; `opening` begins the handshake
 * (a client sends its ClientHello, a server waits). Synchronous: every sink call happens
 * inside start/receive/send/keyUpdate/closeNotify. Failures are caught here, once: what was already
 * sealed goes out, then the alert (under the current keys, which that output lets the peer derive),
 * then `sink.failed`. No-op records are counted by a FloodGuard.
 */
export class PureEngine implements TlsEngine {
  private readonly records = new RecordLayer();
  private readonly handshakeIn = new HandshakeDeframer();
  private readonly flood = new FloodGuard();
  private readonly io: HandshakeIo;
  private state: HandshakeState | undefined;
  private phase: Phase = 'idle';
  private closeSent = false;
  private peerClosed = false;
  private completed: HandshakeResult | undefined;
  private readonly sessions: Uint8Array[] = [];

  constructor(
    private readonly config: Pick<TlsConfig, 'role' | 'keylog'>,
    private readonly opening: (io: HandshakeIo) => HandshakeState,
    private readonly sink: EngineSink,
    provider: CryptoProvider,
    clock: Clock,
    random: RandomSource,
  ) {
    this.io = new HandshakeIo(provider, clock, random, new Transcript(provider), this.records, {
      keylog: (line) => this.sink.keylog(line),
      complete: (result) => {
        this.completed = result;
      },
      session: (state) => this.sessions.push(state),
    }, config.keylog);
  }

  start(): void {
    if (this.phase !== 'idle') return;
    this.phase = 'handshaking';
    this.guard(() => {
      // §5.1: the first ClientHello's record may say 0x0301, for middleboxes; everything after says 0x0303.
      if (this.config.role === 'client') this.records.plaintextVersion = 0x0301;
      this.state = this.opening(this.io);
      this.records.flush();
      this.records.plaintextVersion = 0x0303;
    });
  }

  receive(ciphertext: Uint8Array): void {
    if (this.phase === 'failed' || this.phase === 'destroyed' || this.peerClosed) return;
    this.guard(() => {
      if (this.phase === 'idle') throw unexpectedMessage('data before the engine was started');
      this.records.push(ciphertext);
      try {
        for (let record = this.records.next(); record !== undefined; record = this.records.next()) {
          this.dispatch(record);
          if (this.peerClosed || this.isStopped()) break;
        }
        this.answerKeyUpdate();
      } finally {
        this.records.release();
      }
    });
  }

  private isStopped(): boolean {
    return this.phase === 'failed' || this.phase === 'destroyed';
  }

  private dispatch(record: PlainRecord): void {
    // RFC 8446 §5.1, RFC 5246 §6.2.1: nothing may come between the fragments of a handshake message.
    if (record.type !== ContentType.handshake && !this.handshakeIn.empty) throw unexpectedMessage(`record of content type ${record.type} inside a fragmented handshake message`);
    switch (record.type) {
      case ContentType.handshake:
        return this.handshakeRecord(record.content);
      case ContentType.alert:
        return this.alert(record.content);
      case ContentType.change_cipher_spec:
        return this.changeCipherSpec(record);
      case ContentType.application_data:
        if (this.phase !== 'connected' || !this.state?.connected) throw unexpectedMessage('application data before the handshake completed');
        // RFC 8446 §5.4 allows empty application data; a run of them is a flood.
        if (record.content.length === 0) return this.flood.empty('empty application data');
        this.flood.data();
        // Protected content is fresh memory from the AEAD, the sink's to keep: no copy.
        this.sink.plaintext(record.content);
        return;
      default:
        throw unexpectedMessage(`record of content type ${record.type as number}`);
    }
  }

  private handshakeRecord(fragment: Uint8Array): void {
    if (fragment.length === 0) throw unexpectedMessage('empty handshake record');
    this.handshakeIn.push(fragment);
    for (let msg = this.handshakeIn.next(); msg !== undefined; msg = this.handshakeIn.next()) {
      const epoch = this.io.readEpoch;
      this.flood.handshake(this.phase === 'connected' && msg.type === HandshakeType.key_update);
      this.state = this.state!.handle(msg);
      // What the message produced is complete: seal it now, so a later failure in the same call keeps it (§6).
      this.records.flush();
      // §5.1: a key change must fall on a record boundary.
      if (this.io.readEpoch !== epoch && !this.handshakeIn.empty) throw unexpectedMessage('handshake data after a key change in the same record');
      this.announce();
    }
  }

  private changeCipherSpec(record: PlainRecord): void {
    const state = this.state!;
    if (state.changeCipherSpec !== undefined) {
      // TLS 1.2 (RFC 5246 §7.1): a message of its own that switches the read keys, so no handshake message may straddle it.
      if (record.content.length !== 1 || record.content[0] !== 1) throw decodeError('malformed change_cipher_spec');
      if (!this.handshakeIn.empty) throw unexpectedMessage('change_cipher_spec inside a handshake message');
      this.state = state.changeCipherSpec();
      return;
    }
    // RFC 8446 §5: one plaintext CCS of value 1 may arrive during the handshake and is dropped.
    if (this.phase !== 'handshaking' || record.protected || record.content.length !== 1 || record.content[0] !== 1) {
      throw unexpectedMessage('change_cipher_spec outside the handshake or malformed');
    }
    this.flood.empty('TLS 1.3 change_cipher_spec');
  }

  /** Hands out what the last message produced: the flight first, then handshake completion and tickets. */
  private announce(): void {
    if (this.completed !== undefined) {
      const result = this.completed;
      this.completed = undefined;
      this.phase = 'connected';
      this.transmit();
      this.sink.handshakeComplete(result);
    }
    while (this.sessions.length > 0) this.sink.session(this.sessions.shift()!);
  }

  private alert(content: Uint8Array): void {
    if (content.length !== 2) throw decodeError(`alert of ${content.length} bytes`);
    const description = content[1]!;
    if (description === AlertDescription.close_notify) {
      this.peerClosed = true;
      this.sink.peerClosed();
      return;
    }
    // RFC 8446 §6: user_canceled is a warning; every other alert in TLS 1.3 is fatal, whatever its level says.
    // RFC 5246 §7.2: in TLS 1.2 a warning (e.g. no_renegotiation) leaves the connection up.
    const warning = description === AlertDescription.user_canceled || (this.state?.changeCipherSpec !== undefined && content[0] === AlertLevel.warning);
    if (!warning) throw TlsError.fromPeerAlert(description);
    this.flood.warning(description);
  }

  send(data: Uint8Array, written: (error?: TlsError) => void): void {
    if (this.phase !== 'connected' || this.closeSent) {
      written(new TlsError(this.closeSent || this.isStopped() ? 'peer-closed' : 'internal', this.closeSent ? 'close_notify already sent' : `cannot send in phase ${this.phase}`, { alert: undefined }));
      return;
    }
    this.guard(() => {
      this.answerKeyUpdate();
      this.records.write(ContentType.application_data, data);
    });
    written(this.isStopped() ? new TlsError('internal', 'engine failed while sending', { alert: undefined }) : undefined);
  }

  keyUpdate(requestPeer: boolean): void {
    if (this.phase === 'connected' && this.state?.changeCipherSpec !== undefined) {
      throw new TlsError('unsupported', 'KeyUpdate does not exist in TLS 1.2', { alert: undefined });
    }
    if (!(this.state instanceof Connected) || this.phase !== 'connected' || this.closeSent) {
      throw new TlsError('internal', 'KeyUpdate needs a completed TLS 1.3 handshake', { alert: undefined });
    }
    const connected = this.state;
    this.guard(() => connected.sendKeyUpdate(requestPeer));
  }

  exportKeyingMaterial(length: number, label: string, context: Uint8Array | undefined): Uint8Array {
    const state = this.state;
    if (this.phase !== 'connected' || state?.exportKeyingMaterial === undefined) {
      throw new TlsError('internal', 'keying material needs a completed handshake', { alert: undefined });
    }
    return state.exportKeyingMaterial(length, label, context);
  }

  /** RFC 8446 §4.6.3: one reply answers every KeyUpdate request received since the last one. */
  private answerKeyUpdate(): void {
    if (this.state instanceof Connected && !this.closeSent) this.state.answerKeyUpdate();
  }

  /** Partial records and a partial handshake message; output is transmitted as it is made. */
  bufferedBytes(): number {
    return this.records.bufferedInput + this.handshakeIn.length;
  }

  closeNotify(): void {
    if (this.closeSent || this.isStopped() || this.phase === 'idle') return;
    this.closeSent = true;
    this.guard(() => this.records.write(ContentType.alert, Uint8Array.of(AlertLevel.warning, AlertDescription.close_notify)));
  }

  async destroy(): Promise<void> {
    if (this.phase === 'destroyed') return;
    this.phase = 'destroyed';
    this.teardown();
  }

  private teardown(): void {
    this.state?.destroy?.();
    this.state = undefined;
    this.records.destroy();
  }

  /** The engine boundary: runs `work`, transmits its output, and turns any throw into one alert and one `failed`. */
  private guard(work: () => void): void {
    try {
      work();
      this.transmit();
    } catch (thrown) {
      if (this.isStopped()) return;
      const error = toTlsError(thrown);
      // Records already sealed go first (a ServerHello the peer needs to read the alert, §6);
      // a half-built flight does not.
      this.records.discardPendingHandshake();
      if (error.origin === 'local' && error.alert !== undefined) {
        try {
          this.records.write(ContentType.alert, Uint8Array.of(AlertLevel.fatal, error.alert));
          this.transmit();
        } catch {
          // The alert could not be protected; the failure itself is still reported.
        }
      }
      this.phase = 'failed';
      this.teardown();
      this.sink.failed(error);
    }
  }

  private transmit(): void {
    const out = this.records.drain();
    if (out !== undefined) this.sink.transmit(out);
  }
}
