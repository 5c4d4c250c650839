import { unexpectedMessage } from '../../codec/errors.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { parseNewSessionTicket12 } from '../../handshake/newSessionTicket12.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../../tls13/io.js';
import { Tls12ClientState } from '../state.js';
import type { Tls12ClientContext } from './ClientContext.js';

/** Client: the server promised a ticket in its ServerHello, so NewSessionTicket comes before its CCS (RFC 5077 §3.3). */
export class ExpectNewSessionTicket extends Tls12ClientState {
  constructor(private readonly ctx: Tls12ClientContext, private readonly next: () => HandshakeState) {
    super(ctx);
  }

  protected expect(msg: HandshakeMessage): HandshakeState {
    if (msg.type !== HandshakeType.new_session_ticket) throw unexpectedMessage(`expected NewSessionTicket, got handshake type ${msg.type}`);
    const ticket = readMessage(this.ctx.io.transcript, msg, parseNewSessionTicket12);
    this.ctx.newTicket = { lifetimeHint: ticket.lifetimeHint, ticket: Uint8Array.from(ticket.ticket) };
    return this.next();
  }
}
