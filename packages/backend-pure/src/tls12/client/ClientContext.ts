import type { HandshakeResult } from '@tlsport/core/spi';
import type { PrivateKey, PublicKey, SignatureScheme } from '../../crypto/provider.js';
import type { NewSessionTicket12 } from '../../handshake/newSessionTicket12.js';
import type { HandshakeIo } from '../../tls13/io.js';
import type { ClientOptions } from '../../tls13/options.js';
import { Tls12Context } from '../Tls12Context.js';
import { serializeTls12Session, type Tls12Session } from '../sessionState.js';
import type { Tls12Suite } from '../suite.js';
import { handshakeResult } from '../../common/handshakeResult.js';

/** Seconds a session is kept when the server gives no ticket lifetime hint; RFC 5077 §5.6 suggests bounding it. */
export const DEFAULT_SESSION_LIFETIME = 7200;
const MAX_SESSION_LIFETIME = 604_800;

/** The client certificate to send, with the key and scheme that sign CertificateVerify. */
export interface ClientCredential {
  readonly chain: readonly Uint8Array[];
  readonly key: PrivateKey;
  readonly scheme: SignatureScheme;
}

/**
 * What a TLS 1.2 client has settled, shared by its states: filled in from ServerHello on, each state
 * reading only what is set by the time it runs.
 */
export class Tls12ClientContext extends Tls12Context {
  /** Whether the ServerHello carried SessionTicket: a NewSessionTicket then precedes CCS (RFC 5077 §3.3). */
  expectTicket = false;
  newTicket: NewSessionTicket12 | undefined;
  serverKey: PublicKey | undefined;
  serverPoint: Uint8Array | undefined;
  /** Set when the server sent CertificateRequest: what to answer with (undefined credential: an empty Certificate). */
  certificateRequested = false;
  credential: ClientCredential | undefined;

  constructor(
    readonly io: HandshakeIo,
    readonly options: ClientOptions,
    readonly suite: Tls12Suite,
    readonly clientRandom: Uint8Array,
    readonly serverRandom: Uint8Array,
    /** The session id the ServerHello carried. */
    readonly sessionId: Uint8Array,
    readonly extendedMasterSecret: boolean,
    /** The stored session the ClientHello offered. */
    readonly offered: Tls12Session | undefined,
  ) {
    super();
  }

  result(): HandshakeResult {
    return handshakeResult(this, 'TLSv1.2', this.suite.info.name, this.options.sni);
  }

  /** Emits the session for the application to resume later: after a full handshake, or when a resumption brought a new ticket. */
  emitSession(): void {
    const ticket = this.newTicket?.ticket ?? new Uint8Array(0);
    if (this.resumed && ticket.length === 0) return;
    if (ticket.length === 0 && this.sessionId.length === 0) return;
    const hint = this.newTicket?.lifetimeHint ?? 0;
    this.io.session(
      serializeTls12Session({
        suite: this.suite.info.code,
        masterSecret: this.masterSecret.secret,
        extendedMasterSecret: this.extendedMasterSecret,
        sessionId: this.sessionId,
        ticket,
        lifetime: Math.min(hint === 0 ? DEFAULT_SESSION_LIFETIME : hint, MAX_SESSION_LIFETIME),
        time: this.io.clock.now(),
        servername: this.options.sni ?? this.options.verifyHost,
        peerVerified: this.peerVerified,
        peerCertificates: this.peerCertificates,
      }),
    );
  }
}
