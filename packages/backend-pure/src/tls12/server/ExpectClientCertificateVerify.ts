import { unexpectedMessage } from '../../codec/errors.js';
import { parseCertificateVerify } from '../../handshake/certificateVerify.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../../tls13/io.js';
import { ExpectChangeCipherSpec } from '../ExpectChangeCipherSpec.js';
import { verifyTls12Signature } from '../signatures.js';
import { Tls12State } from '../state.js';
import { ExpectClientFinished } from './ExpectClientFinished.js';
import type { Tls12ServerContext } from './ServerContext.js';

/** Server: the client's CertificateVerify (RFC 5246 §7.4.8), a signature over every handshake message before it. */
export class ExpectClientCertificateVerify extends Tls12State {
  constructor(private readonly ctx: Tls12ServerContext) {
    super(ctx);
  }

  handle(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    const io = ctx.io;
    if (msg.type !== HandshakeType.certificate_verify) throw unexpectedMessage(`expected client CertificateVerify, got handshake type ${msg.type}`);
    const signed = io.transcript.messages();
    const cv = readMessage(io.transcript, msg, parseCertificateVerify);
    verifyTls12Signature(ctx.clientKey!, cv.scheme, signed, cv.signature, 'client CertificateVerify');
    return new ExpectChangeCipherSpec(io, ctx.recordKeys.client, () => new ExpectClientFinished(ctx), ctx);
  }
}
