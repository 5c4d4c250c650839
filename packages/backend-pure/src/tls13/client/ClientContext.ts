import type { HandshakeResult } from '@tlsport/core/spi';
import type { KeyShare } from '../../crypto/provider.js';
import { zero } from '../../codec/bytes.js';
import type { HandshakeIo } from '../io.js';
import type { EarlySecret, HandshakeSecret } from '../keySchedule.js';
import type { ClientOptions } from '../options.js';
import type { SessionState } from '../sessionState.js';
import type { Suite } from '../suite.js';
import type { Tls12Session } from '../../tls12/sessionState.js';
import { handshakeResult } from '../../common/handshakeResult.js';
import { NegotiatedContext } from '../../common/NegotiatedContext.js';
import { settled } from '../../common/settled.js';

/** The PSK a ClientHello offers: the stored session and the early secret its binder came from. */
export interface OfferedPsk {
  readonly state: SessionState;
  readonly suite: Suite;
  readonly early: EarlySecret;
}

/**
 * What the client has sent and negotiated so far, shared by its states. Fields fill in as the
 * handshake advances; each state reads only what is settled by the time it runs.
 */
export class ClientContext extends NegotiatedContext {
  clientRandom: Uint8Array = new Uint8Array(0);
  sessionId: Uint8Array = new Uint8Array(0);
  /** The ephemeral key pairs whose public halves the current ClientHello carries. */
  keyShares: KeyShare[] = [];
  /** Extension types the ClientHello carried: a response may only answer these (§4.2). */
  offeredExtensions: ReadonlySet<number> = new Set();
  psk: OfferedPsk | undefined;
  /** The stored TLS 1.2 session this ClientHello offers, if any. */
  session12: Tls12Session | undefined;
  /** Compatibility mode: one change_cipher_spec, before the second ClientHello or the second flight. */
  ccsSent = false;
  retried = false;
  suite: Suite | undefined;
  handshakeSecret: HandshakeSecret | undefined;
  clientHandshakeSecret: Uint8Array = new Uint8Array(0);
  serverHandshakeSecret: Uint8Array = new Uint8Array(0);

  constructor(readonly io: HandshakeIo, readonly options: ClientOptions) {
    super();
  }

  /** The settled suite; a state that runs after ServerHello may rely on it. */
  get negotiatedSuite(): Suite {
    return settled(this.suite, 'suite not negotiated yet');
  }

  /** §D.4: only in compatibility mode, i.e. when the ClientHello carried a legacy_session_id. */
  sendChangeCipherSpecOnce(): void {
    if (this.ccsSent || this.sessionId.length === 0) return;
    this.ccsSent = true;
    this.io.records.writeChangeCipherSpec();
  }

  result(): HandshakeResult {
    return handshakeResult(this, 'TLSv1.3', this.negotiatedSuite.info.name, this.options.sni);
  }

  destroy(): void {
    this.handshakeSecret?.destroy();
    this.psk?.early.destroy();
    zero(this.clientHandshakeSecret, this.serverHandshakeSecret);
  }
}
