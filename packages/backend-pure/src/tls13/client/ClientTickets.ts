import type { HandshakeMessage } from '../../handshake/message.js';
import { MAX_TICKET_LIFETIME, parseNewSessionTicket } from '../../handshake/newSessionTicket.js';
import { resumptionPsk } from '../keySchedule.js';
import { MAX_TICKETS_PER_CONNECTION } from '../../common/limits.js';
import { encodeSessionPeer, serializeSessionState, type SessionPeer } from '../sessionState.js';
import type { Suite } from '../suite.js';
import type { HandshakeIo } from '../io.js';
import type { ClientContext } from './ClientContext.js';
import type { TicketReceiver } from '../traffic.js';

/** Client: turns each NewSessionTicket (RFC 8446 §4.6.1) into a self-contained session state for the app. */
export class ClientTickets implements TicketReceiver {
  private readonly io: HandshakeIo;
  private readonly suite: Suite;
  private readonly peer: SessionPeer;
  /** The peer part of every session state, encoded on the first ticket (a chain may be ~100 KB). */
  private encodedPeer: Uint8Array | undefined;
  private kept = 0;

  constructor(ctx: ClientContext, private readonly resumptionSecret: Uint8Array) {
    this.io = ctx.io;
    this.suite = ctx.negotiatedSuite;
    this.peer = {
      servername: ctx.options.sni ?? ctx.options.verifyHost,
      alpn: ctx.alpn,
      peerVerified: ctx.peerVerified,
      peerCertificates: ctx.peerCertificates,
    };
  }

  destroy(): void {
    this.resumptionSecret.fill(0);
  }

  receive(msg: HandshakeMessage): void {
    const t = parseNewSessionTicket(msg.body);
    // Parsed either way (a malformed ticket is still decode_error); past the bound, dropped.
    if (t.lifetime === 0 || this.kept >= MAX_TICKETS_PER_CONNECTION) return;
    this.kept++;
    this.encodedPeer ??= encodeSessionPeer(this.peer);
    this.io.session(
      serializeSessionState({
        ...this.peer,
        suite: this.suite.info.code,
        psk: resumptionPsk(this.io.provider, this.suite, this.resumptionSecret, t.nonce),
        ageAdd: t.ageAdd,
        lifetime: Math.min(t.lifetime, MAX_TICKET_LIFETIME),
        time: this.io.clock.now(),
        ticket: Uint8Array.from(t.ticket),
      }, this.encodedPeer),
    );
  }
}
