import { decodeError, illegalParameter, unexpectedMessage } from '../../codec/errors.js';
import { parseCertificate } from '../../handshake/certificate.js';
import { parseCertificateRequest, type CertificateRequest } from '../../handshake/certificateRequest.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import { acceptPeerChain } from '../../common/acceptPeerChain.js';
import type { HandshakeState } from '../io.js';
import type { ClientContext } from './ClientContext.js';
import { ExpectCertificateVerify } from './ExpectCertificateVerify.js';

/**
 * Client: the server's Certificate (RFC 8446 §4.4.2), optionally preceded by a CertificateRequest
 * (§4.3.2). The chain is verified here, against config.ca and the server name.
 */
export class ExpectCertificate implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ClientContext, private readonly request: CertificateRequest | undefined) {}

  handle(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    if (msg.type === HandshakeType.certificate_request && this.request === undefined) {
      const request = readMessage(ctx.io.transcript, msg, parseCertificateRequest);
      if (request.context.length !== 0) throw illegalParameter('CertificateRequest in the handshake must have an empty context');
      return new ExpectCertificate(ctx, request);
    }
    if (msg.type !== HandshakeType.certificate) throw unexpectedMessage(`expected Certificate, got handshake type ${msg.type}`);
    const cert = readMessage(ctx.io.transcript, msg, parseCertificate);
    if (cert.context.length !== 0) throw illegalParameter('server Certificate with a non-empty context');
    if (cert.chain.length === 0) throw decodeError('server sent an empty Certificate');
    const serverKey = acceptPeerChain(ctx, cert.chain, 'serverAuth', ctx.options.verifyHost);
    return new ExpectCertificateVerify(ctx, this.request, serverKey);
  }
}
