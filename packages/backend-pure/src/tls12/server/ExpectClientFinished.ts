import { zero } from '../../codec/bytes.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { serializeNewSessionTicket12 } from '../../handshake/newSessionTicket12.js';
import type { HandshakeState } from '../../tls13/io.js';
import { Connected12 } from '../Connected.js';
import { checkFinished, sendChangeCipherSpecAndFinished } from '../finished.js';
import { serializeTls12Session } from '../sessionState.js';
import { Tls12State } from '../state.js';
import type { Tls12ServerContext } from './ServerContext.js';

/**
 * Server: the client's Finished (RFC 5246 §7.4.9). After a full handshake the server answers with
 * [NewSessionTicket] (RFC 5077 §3.3), CCS and Finished, and caches the session under its id.
 */
export class ExpectClientFinished extends Tls12State {
  constructor(private readonly ctx: Tls12ServerContext) {
    super(ctx);
  }

  handle(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    const io = ctx.io;
    checkFinished(io, ctx.masterSecret, 'client', msg);
    if (!ctx.resumed) {
      const tickets = ctx.options.tickets;
      if (ctx.issueTicket && tickets !== undefined) {
        const state = ctx.session();
        const plain = serializeTls12Session(state);
        io.send(serializeNewSessionTicket12({ lifetimeHint: state.lifetime, ticket: tickets.sealBytes(plain) }));
        zero(plain, state.masterSecret);
      }
      sendChangeCipherSpecAndFinished(io, ctx.masterSecret, ctx.recordKeys.server, 'server');
      ctx.options.sessionCache.store(ctx.sessionId, ctx.session());
    }
    io.transcript.releaseMessages();
    io.complete(ctx.result());
    const exporter = ctx.masterSecret.exporter(ctx.clientRandom, ctx.serverRandom);
    ctx.destroy();
    return new Connected12(io, 'server', exporter);
  }
}
