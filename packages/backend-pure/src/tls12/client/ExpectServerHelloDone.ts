import { unexpectedMessage } from '../../codec/errors.js';
import { parseCertificateRequest12 } from '../../handshake/certificateRequest12.js';
import { parseEmptyMessage } from '../../handshake/emptyMessage.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../../tls13/io.js';
import { Tls12ClientState } from '../state.js';
import { chooseClientCredential, sendClientFlight } from './clientFlight.js';
import type { Tls12ClientContext } from './ClientContext.js';

/** Client: an optional CertificateRequest (RFC 5246 §7.4.4), then ServerHelloDone (§7.4.5) and the client's flight. */
export class ExpectServerHelloDone extends Tls12ClientState {
  constructor(private readonly ctx: Tls12ClientContext) {
    super(ctx);
  }

  protected expect(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    if (msg.type === HandshakeType.certificate_request && !ctx.certificateRequested) {
      const request = readMessage(ctx.io.transcript, msg, parseCertificateRequest12);
      ctx.certificateRequested = true;
      ctx.credential = chooseClientCredential(ctx.options.certificate, request);
      return this;
    }
    if (msg.type !== HandshakeType.server_hello_done) throw unexpectedMessage(`expected ServerHelloDone, got handshake type ${msg.type}`);
    readMessage(ctx.io.transcript, msg, (body) => parseEmptyMessage(body, 'ServerHelloDone'));
    return sendClientFlight(ctx);
  }
}
