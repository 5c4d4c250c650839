import { unexpectedMessage } from '../codec/errors.js';
import type { HandshakeMessage } from '../handshake/message.js';
import type { Tls12RecordCipher } from '../record/Tls12RecordCipher.js';
import type { HandshakeIo, HandshakeState } from '../tls13/io.js';
import { Tls12State, type SecretHolder } from './state.js';

/** Either side, before the peer's Finished: its ChangeCipherSpec switches the read keys (RFC 5246 §7.1). */
export class ExpectChangeCipherSpec extends Tls12State {
  private installed = false;

  constructor(private readonly io: HandshakeIo, private readonly reader: Tls12RecordCipher, private readonly next: () => HandshakeState, secrets: SecretHolder) {
    super(secrets);
  }

  handle(msg: HandshakeMessage): HandshakeState {
    throw unexpectedMessage(`expected ChangeCipherSpec, got handshake type ${msg.type}`);
  }

  override changeCipherSpec(): HandshakeState {
    this.installed = true;
    this.io.setReader(this.reader);
    return this.next();
  }

  override destroy(): void {
    if (!this.installed) this.reader.destroy();
    super.destroy();
  }
}
