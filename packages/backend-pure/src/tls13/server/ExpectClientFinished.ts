import { TlsError } from '@tlsport/core/spi';
import { constantTimeEqual } from '../../codec/bytes.js';
import { Reader } from '../../codec/Reader.js';
import { unexpectedMessage } from '../../codec/errors.js';
import { parseFinished } from '../../handshake/finished.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { serializeNewSessionTicket } from '../../handshake/newSessionTicket.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../io.js';
import { finishedVerifyData, resumptionPsk, type MasterSecret } from '../keySchedule.js';
import { Connected } from '../traffic.js';
import type { ServerContext } from './ServerContext.js';

/** Server: the client's Finished (RFC 8446 §4.4.4); then one NewSessionTicket when tickets are on. */
export class ExpectClientFinished implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ServerContext, private readonly master: MasterSecret) {}

  handle(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    const io = ctx.io;
    const suite = ctx.negotiatedSuite;
    if (msg.type !== HandshakeType.finished) throw unexpectedMessage(`expected client Finished, got handshake type ${msg.type}`);
    const expected = finishedVerifyData(io.provider, suite, ctx.clientHandshakeSecret, io.transcript.current());
    const received = readMessage(io.transcript, msg, (body) => parseFinished(body, suite.hashLength));
    if (!constantTimeEqual(expected, received)) throw new TlsError('bad-signature', 'client Finished does not verify');
    io.setReadSecret(suite, ctx.clientApplicationSecret);
    const resumption = this.master.resumptionSecret(io.transcript.current());
    this.master.destroy();
    io.complete(ctx.result());
    this.issueTicket(resumption);
    resumption.fill(0);
    ctx.destroy();
    return new Connected(io, suite, ctx.clientApplicationSecret, ctx.serverApplicationSecret, ctx.exporterSecret);
  }

  /** §4.6.1: the ticket carries the whole session state, sealed; the PSK is derived from its nonce. */
  private issueTicket(resumption: Uint8Array): void {
    const ctx = this.ctx;
    const tickets = ctx.options.tickets;
    if (tickets === undefined) return;
    const io = ctx.io;
    const suite = ctx.negotiatedSuite;
    const nonce = Uint8Array.of(0);
    const ageAdd = new Reader(io.random.bytes(4)).u32();
    // RFC 8446 §4.6.1: at most 7 days, and never past the key's decrypt window (the ring cuts it).
    const lifetime = tickets.lifetimeSeconds();
    const ticket = tickets.seal({
      suite: suite.info.code,
      psk: resumptionPsk(io.provider, suite, resumption, nonce),
      ageAdd,
      lifetime,
      time: io.clock.now(),
      servername: ctx.servername,
      alpn: ctx.alpn,
      peerVerified: ctx.peerVerified,
      peerCertificates: ctx.peerCertificates,
      ticket: new Uint8Array(0),
    });
    io.sendPostHandshake(serializeNewSessionTicket({ lifetime, ageAdd, nonce, ticket }));
  }
}
