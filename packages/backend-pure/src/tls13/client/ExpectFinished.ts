import { TlsError } from '@tlsport/core/spi';
import { constantTimeEqual } from '../../codec/bytes.js';
import { unexpectedMessage } from '../../codec/errors.js';
import { serializeCertificate } from '../../handshake/certificate.js';
import type { CertificateRequest } from '../../handshake/certificateRequest.js';
import { serializeCertificateVerify } from '../../handshake/certificateVerify.js';
import { parseFinished, serializeFinished } from '../../handshake/finished.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../io.js';
import { finishedVerifyData } from '../keySchedule.js';
import { chooseSignatureScheme, signCertificateVerify } from '../signatures.js';
import { Connected } from '../traffic.js';
import type { ClientContext } from './ClientContext.js';
import { ClientTickets } from './ClientTickets.js';

/**
 * Client: the server's Finished (RFC 8446 §4.4.4). Then the client's second flight: [Certificate,
 * CertificateVerify] when asked, and Finished; then application keys both ways.
 */
export class ExpectFinished implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ClientContext, private readonly request: CertificateRequest | undefined) {}

  handle(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    const io = ctx.io;
    const suite = ctx.negotiatedSuite;
    if (msg.type !== HandshakeType.finished) throw unexpectedMessage(`expected Finished, got handshake type ${msg.type}`);
    const expected = finishedVerifyData(io.provider, suite, ctx.serverHandshakeSecret, io.transcript.current());
    const received = readMessage(io.transcript, msg, (body) => parseFinished(body, suite.hashLength));
    if (!constantTimeEqual(expected, received)) throw new TlsError('bad-signature', 'server Finished does not verify');

    const th = io.transcript.current();
    const master = ctx.handshakeSecret!.masterSecret();
    const clientApp = master.clientTrafficSecret(th);
    const serverApp = master.serverTrafficSecret(th);
    const exporter = master.exporterSecret(th);
    io.keylog('CLIENT_TRAFFIC_SECRET_0', ctx.clientRandom, clientApp);
    io.keylog('SERVER_TRAFFIC_SECRET_0', ctx.clientRandom, serverApp);
    io.keylog('EXPORTER_SECRET', ctx.clientRandom, exporter);
    io.setReadSecret(suite, serverApp);

    ctx.sendChangeCipherSpecOnce();
    if (this.request !== undefined) this.sendCertificate(this.request);
    io.send(serializeFinished(finishedVerifyData(io.provider, suite, ctx.clientHandshakeSecret, io.transcript.current())));
    io.setWriteSecret(suite, clientApp);
    const resumption = master.resumptionSecret(io.transcript.current());
    master.destroy();
    io.complete(ctx.result());
    const tickets = new ClientTickets(ctx, resumption);
    ctx.destroy();
    return new Connected(io, suite, serverApp, clientApp, exporter, tickets);
  }

  /** §4.4.2: the client's chain, or an empty Certificate when it has none that fits the request. */
  private sendCertificate(request: CertificateRequest): void {
    const ctx = this.ctx;
    const own = ctx.options.certificate;
    const scheme = own === undefined ? undefined : chooseSignatureScheme(own.key, request.signatureSchemes);
    if (own === undefined || scheme === undefined) {
      ctx.io.send(serializeCertificate(request.context, []));
      return;
    }
    ctx.io.send(serializeCertificate(request.context, own.chain));
    const signature = signCertificateVerify(own.key, scheme, 'client', ctx.io.transcript.current());
    ctx.io.send(serializeCertificateVerify({ scheme, signature }));
  }
}
