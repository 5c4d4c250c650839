import { unexpectedMessage } from '../../codec/errors.js';
import type { PublicKey } from '../../crypto/provider.js';
import type { CertificateRequest } from '../../handshake/certificateRequest.js';
import { parseCertificateVerify } from '../../handshake/certificateVerify.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../io.js';
import { verifyCertificateVerify } from '../signatures.js';
import type { ClientContext } from './ClientContext.js';
import { ExpectFinished } from './ExpectFinished.js';

/** Client: the server's CertificateVerify over the transcript so far (RFC 8446 §4.4.3). */
export class ExpectCertificateVerify implements HandshakeState {
  readonly connected = false;

  constructor(
    private readonly ctx: ClientContext,
    private readonly request: CertificateRequest | undefined,
    private readonly serverKey: PublicKey,
  ) {}

  handle(msg: HandshakeMessage): HandshakeState {
    if (msg.type !== HandshakeType.certificate_verify) throw unexpectedMessage(`expected CertificateVerify, got handshake type ${msg.type}`);
    const th = this.ctx.io.transcript.current();
    const cv = readMessage(this.ctx.io.transcript, msg, parseCertificateVerify);
    verifyCertificateVerify(this.serverKey, cv.scheme, cv.signature, 'server', th);
    return new ExpectFinished(this.ctx, this.request);
  }
}
