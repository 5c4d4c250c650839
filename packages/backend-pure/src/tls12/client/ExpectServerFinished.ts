import type { HandshakeMessage } from '../../handshake/message.js';
import type { HandshakeState } from '../../tls13/io.js';
import { Connected12 } from '../Connected.js';
import { checkFinished, sendChangeCipherSpecAndFinished } from '../finished.js';
import { Tls12ClientState } from '../state.js';
import type { Tls12ClientContext } from './ClientContext.js';

/**
 * Client: the server's Finished (RFC 5246 §7.4.9). On a resumption the client's CCS and Finished
 * follow it (§7.3, abbreviated handshake); then the session goes to the application.
 */
export class ExpectServerFinished extends Tls12ClientState {
  constructor(private readonly ctx: Tls12ClientContext) {
    super(ctx);
  }

  protected expect(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    const io = ctx.io;
    checkFinished(io, ctx.masterSecret, 'server', msg);
    if (ctx.resumed) sendChangeCipherSpecAndFinished(io, ctx.masterSecret, ctx.recordKeys.client, 'client');
    io.transcript.releaseMessages();
    io.complete(ctx.result());
    ctx.emitSession();
    const exporter = ctx.masterSecret.exporter(ctx.clientRandom, ctx.serverRandom);
    ctx.destroy();
    return new Connected12(io, 'client', exporter);
  }
}
