import { AlertDescription, AlertLevel } from '@tlsport/core/spi';
import { unexpectedMessage } from '../codec/errors.js';
import { parseClientHello } from '../handshake/clientHello.js';
import { parseEmptyMessage } from '../handshake/emptyMessage.js';
import type { HandshakeMessage } from '../handshake/message.js';
import { HandshakeType } from '../handshake/types.js';
import { MAX_RENEGOTIATION_REFUSALS } from '../common/limits.js';
import { ContentType } from '../record/types.js';
import type { HandshakeIo, HandshakeState } from '../tls13/io.js';
import type { Tls12Exporter } from './keySchedule.js';
import { Tls12State } from './state.js';

/**
 * A TLS 1.2 connection after its handshake. Renegotiation is refused (RFC 5746 §4.2, §4.4;
 * RFC 5246 §7.2.2): a client answers HelloRequest, a server answers ClientHello, with a
 * no_renegotiation warning, and the connection carries on under its keys, for a few attempts:
 * a peer that keeps asking gets unexpected_message (each attempt costs a parse and an answer).
 */
export class Connected12 extends Tls12State {
  override readonly connected = true;
  private refusals = 0;

  constructor(
    private readonly io: HandshakeIo,
    private readonly role: 'client' | 'server',
    private readonly exporter: Tls12Exporter,
  ) {
    super();
  }

  exportKeyingMaterial(length: number, label: string, context: Uint8Array | undefined): Uint8Array {
    return this.exporter.export(length, label, context);
  }

  override destroy(): void {
    this.exporter.destroy();
  }

  handle(msg: HandshakeMessage): HandshakeState {
    if (this.role === 'client' && msg.type === HandshakeType.hello_request) {
      parseEmptyMessage(msg.body, 'HelloRequest');
    } else if (this.role === 'server' && msg.type === HandshakeType.client_hello) {
      parseClientHello(msg.body);
    } else {
      throw unexpectedMessage(`handshake message ${msg.type} after the TLS 1.2 handshake`);
    }
    if (++this.refusals > MAX_RENEGOTIATION_REFUSALS) throw unexpectedMessage(`renegotiation asked for more than ${MAX_RENEGOTIATION_REFUSALS} times`);
    this.io.records.write(ContentType.alert, Uint8Array.of(AlertLevel.warning, AlertDescription.no_renegotiation));
    return this;
  }
}
