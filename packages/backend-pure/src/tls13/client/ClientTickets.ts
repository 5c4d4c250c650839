import type { HandshakeMessage } from '../../handshake/message.js';
import { MAX_TICKET_LIFETIME, parseNewSessionTicket } from '../../handshake/newSessionTicket.js';
import { resumptionPsk } from '../keySchedule.js';
import { serializeSessionState } from '../sessionState.js';
import type { Suite } from '../suite.js';
import type { HandshakeIo } from '../io.js';
import type { ClientContext } from './ClientContext.js';
import type { TicketReceiver } from '../traffic.js';

/** Client: turns each NewSessionTicket (RFC 8446 §4.6.1) into a self-contained session state for the app. */
export class ClientTickets implements TicketReceiver {
  private readonly io: HandshakeIo;
  private readonly suite: Suite;
  private readonly servername: string | undefined;
  private readonly alpn: string | undefined;
  private readonly peerVerified: boolean;
  private readonly peerCertificates: readonly Uint8Array[];

  constructor(ctx: ClientContext, private readonly resumptionSecret: Uint8Array) {
    this.io = ctx.io;
    this.suite = ctx.negotiatedSuite;
    this.servername = ctx.options.sni ?? ctx.options.verifyHost;
    this.alpn = ctx.alpn;
    this.peerVerified = ctx.peerVerified;
    this.peerCertificates = ctx.peerCertificates;
  }

  destroy(): void {
    this.resumptionSecret.fill(0);
  }

  receive(msg: HandshakeMessage): void {
    const t = parseNewSessionTicket(msg.body);
    if (t.lifetime === 0) return;
    this.io.session(
      serializeSessionState({
        suite: this.suite.info.code,
        psk: resumptionPsk(this.io.provider, this.suite, this.resumptionSecret, t.nonce),
        ageAdd: t.ageAdd,
        lifetime: Math.min(t.lifetime, MAX_TICKET_LIFETIME),
        time: this.io.clock.now(),
        servername: this.servername,
        alpn: this.alpn,
        peerVerified: this.peerVerified,
        peerCertificates: this.peerCertificates,
        ticket: Uint8Array.from(t.ticket),
      }),
    );
  }
}
