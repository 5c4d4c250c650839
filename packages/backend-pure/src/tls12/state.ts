import { unexpectedMessage } from '../codec/errors.js';
import { parseEmptyMessage } from '../handshake/emptyMessage.js';
import type { HandshakeMessage } from '../handshake/message.js';
import { HandshakeType } from '../handshake/types.js';
import type { HandshakeState } from '../tls13/io.js';

/** What holds a handshake's secrets (its context): zeroed when the engine is torn down mid-handshake. */
export interface SecretHolder {
  destroy(): void;
}

/** Every TLS 1.2 state: a ChangeCipherSpec is out of order unless the state expects one (RFC 5246 §7.1). */
export abstract class Tls12State implements HandshakeState {
  readonly connected: boolean = false;

  constructor(private readonly secrets?: SecretHolder) {}

  abstract handle(msg: HandshakeMessage): HandshakeState;

  destroy(): void {
    this.secrets?.destroy();
  }

  changeCipherSpec(): HandshakeState {
    throw unexpectedMessage(`ChangeCipherSpec while ${this.constructor.name}`);
  }
}

/** A client state: HelloRequest is ignored while a handshake is under way (RFC 5246 §7.4.1.1). */
export abstract class Tls12ClientState extends Tls12State {
  handle(msg: HandshakeMessage): HandshakeState {
    if (msg.type === HandshakeType.hello_request) {
      parseEmptyMessage(msg.body, 'HelloRequest');
      return this;
    }
    return this.expect(msg);
  }

  protected abstract expect(msg: HandshakeMessage): HandshakeState;
}
