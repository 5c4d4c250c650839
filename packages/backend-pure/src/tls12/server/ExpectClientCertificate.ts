import { unexpectedMessage } from '../../codec/errors.js';
import { parseCertificate12 } from '../../handshake/certificate12.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import { acceptPeerChain } from '../../common/acceptPeerChain.js';
import type { HandshakeState } from '../../tls13/io.js';
import { handshakeFailure } from '../errors.js';
import { Tls12State } from '../state.js';
import { ExpectClientKeyExchange } from './ExpectClientKeyExchange.js';
import type { Tls12ServerContext } from './ServerContext.js';

/**
 * Server that sent CertificateRequest: the client's Certificate (RFC 5246 §7.4.6), possibly empty.
 * With rejectUnauthorized a missing or unverifiable chain is fatal; without, it is recorded.
 */
export class ExpectClientCertificate extends Tls12State {
  constructor(private readonly ctx: Tls12ServerContext) {
    super(ctx);
  }

  handle(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    if (msg.type !== HandshakeType.certificate) throw unexpectedMessage(`expected client Certificate, got handshake type ${msg.type}`);
    const chain = readMessage(ctx.io.transcript, msg, parseCertificate12);
    if (chain.length === 0) {
      if (ctx.options.rejectUnauthorized) throw handshakeFailure('certificate-required', 'client sent no certificate');
      return new ExpectClientKeyExchange(ctx);
    }
    ctx.clientKey = acceptPeerChain(ctx, chain, 'clientAuth');
    return new ExpectClientKeyExchange(ctx);
  }
}
