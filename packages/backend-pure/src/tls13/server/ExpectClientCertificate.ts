import { TlsError } from '@tlsport/core/spi';
import { illegalParameter, unexpectedMessage } from '../../codec/errors.js';
import { parseCertificate } from '../../handshake/certificate.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import { acceptPeerChain } from '../../common/acceptPeerChain.js';
import type { HandshakeState } from '../io.js';
import type { MasterSecret } from '../keySchedule.js';
import type { ServerContext } from './ServerContext.js';
import { ExpectClientCertificateVerify } from './ExpectClientCertificateVerify.js';
import { ExpectClientFinished } from './ExpectClientFinished.js';

/**
 * Server that sent CertificateRequest: the client's Certificate (RFC 8446 §4.4.2). With
 * rejectUnauthorized a missing or unverifiable chain is fatal; without, it is recorded.
 */
export class ExpectClientCertificate implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ServerContext, private readonly master: MasterSecret) {}

  handle(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    if (msg.type !== HandshakeType.certificate) throw unexpectedMessage(`expected client Certificate, got handshake type ${msg.type}`);
    const cert = readMessage(ctx.io.transcript, msg, parseCertificate);
    if (cert.context.length !== 0) throw illegalParameter('client Certificate context does not match the request');
    if (cert.chain.length === 0) {
      if (ctx.options.rejectUnauthorized) throw new TlsError('certificate-required', 'client sent no certificate');
      return new ExpectClientFinished(ctx, this.master);
    }
    const clientKey = acceptPeerChain(ctx, cert.chain, 'clientAuth');
    return new ExpectClientCertificateVerify(ctx, this.master, clientKey);
  }
}
