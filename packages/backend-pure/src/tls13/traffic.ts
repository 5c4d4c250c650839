import { zero } from '../codec/bytes.js';
import { unexpectedMessage } from '../codec/errors.js';
import { parseKeyUpdate, serializeKeyUpdate } from '../handshake/keyUpdate.js';
import type { HandshakeMessage } from '../handshake/message.js';
import { HandshakeType } from '../handshake/types.js';
import type { HandshakeIo, HandshakeState } from './io.js';
import { nextTrafficSecret } from './keySchedule.js';
import type { Suite } from './suite.js';

/** Client: receives NewSessionTicket messages; holds the resumption secret until destroyed. */
export interface TicketReceiver {
  receive(msg: HandshakeMessage): void;
  destroy(): void;
}

/**
 * The connected state of either side: application traffic secrets, KeyUpdate both ways (§4.6.3),
 * and (client) NewSessionTicket through `tickets`.
 */
export class Connected implements HandshakeState {
  readonly connected = true;
  /** A peer's update_requested not yet answered: one reply answers any number of them (§4.6.3). */
  private replyOwed = false;

  constructor(
    private readonly io: HandshakeIo,
    private readonly suite: Suite,
    private readSecret: Uint8Array,
    private writeSecret: Uint8Array,
    private readonly tickets?: TicketReceiver,
  ) {}

  handle(msg: HandshakeMessage): HandshakeState {
    if (msg.type === HandshakeType.key_update) {
      const requested = parseKeyUpdate(msg.body);
      const next = nextTrafficSecret(this.io.provider, this.suite, this.readSecret);
      zero(this.readSecret);
      this.readSecret = next;
      this.io.setReadSecret(this.suite, next);
      if (requested) this.replyOwed = true;
      return this;
    }
    if (msg.type === HandshakeType.new_session_ticket && this.tickets !== undefined) {
      this.tickets.receive(msg);
      return this;
    }
    throw unexpectedMessage(`handshake message ${msg.type} after the handshake`);
  }

  /**
   * Sends the reply a peer's request is owed; the engine calls this once it has read what arrived
   * and before it sends application data (§4.6.3: "prior to sending its next Application Data").
   */
  answerKeyUpdate(): void {
    if (this.replyOwed) this.sendKeyUpdate(false);
  }

  /** Sends KeyUpdate under the current keys, then switches to the next write secret; it answers any owed reply. */
  sendKeyUpdate(requestPeer: boolean): void {
    this.replyOwed = false;
    this.io.sendPostHandshake(serializeKeyUpdate(requestPeer));
    const next = nextTrafficSecret(this.io.provider, this.suite, this.writeSecret);
    zero(this.writeSecret);
    this.writeSecret = next;
    this.io.setWriteSecret(this.suite, next);
  }

  destroy(): void {
    zero(this.readSecret, this.writeSecret);
    this.tickets?.destroy();
  }
}
