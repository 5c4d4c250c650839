import { unexpectedMessage } from '../../codec/errors.js';
import type { PublicKey } from '../../crypto/provider.js';
import { parseCertificateVerify } from '../../handshake/certificateVerify.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../io.js';
import type { MasterSecret } from '../keySchedule.js';
import { verifyCertificateVerify } from '../signatures.js';
import type { ServerContext } from './ServerContext.js';
import { ExpectClientFinished } from './ExpectClientFinished.js';

/** Server: the client's CertificateVerify (RFC 8446 §4.4.3). */
export class ExpectClientCertificateVerify implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ServerContext, private readonly master: MasterSecret, private readonly clientKey: PublicKey) {}

  handle(msg: HandshakeMessage): HandshakeState {
    if (msg.type !== HandshakeType.certificate_verify) throw unexpectedMessage(`expected client CertificateVerify, got handshake type ${msg.type}`);
    const th = this.ctx.io.transcript.current();
    const cv = readMessage(this.ctx.io.transcript, msg, parseCertificateVerify);
    verifyCertificateVerify(this.clientKey, cv.scheme, cv.signature, 'client', th);
    return new ExpectClientFinished(this.ctx, this.master);
  }
}
