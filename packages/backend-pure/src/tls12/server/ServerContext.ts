import type { HandshakeResult } from '@tlsport/core/spi';
import type { KeyShare, PublicKey } from '../../crypto/provider.js';
import type { ClientHello } from '../../handshake/clientHello.js';
import type { HandshakeIo } from '../../tls13/io.js';
import type { ServerOptions } from '../../tls13/options.js';
import { Tls12Context } from '../Tls12Context.js';
import type { Tls12Session } from '../sessionState.js';
import type { Tls12Suite } from '../suite.js';
import { handshakeResult } from '../../common/handshakeResult.js';
import { settled } from '../../common/settled.js';

/** What a TLS 1.2 server has received and settled, shared by its states. */
export class Tls12ServerContext extends Tls12Context {
  readonly clientRandom: Uint8Array;
  readonly servername: string | undefined;
  serverRandom: Uint8Array = new Uint8Array(0);
  sessionId: Uint8Array = new Uint8Array(0);
  suite: Tls12Suite | undefined;
  /** Whether a NewSessionTicket goes out before the server's CCS (RFC 5077 §3.3). */
  issueTicket = false;
  share: KeyShare | undefined;
  clientKey: PublicKey | undefined;

  constructor(
    readonly io: HandshakeIo,
    readonly options: ServerOptions,
    hello: ClientHello,
    /** RFC 7627: whether the master secret is the extended one. */
    readonly extendedMasterSecret: boolean,
    /** RFC 5746 §3.6: the client signalled secure renegotiation, so ServerHello carries renegotiation_info. */
    readonly secureRenegotiation: boolean,
  ) {
    super();
    this.clientRandom = Uint8Array.from(hello.random);
    this.servername = hello.serverName;
  }

  get negotiatedSuite(): Tls12Suite {
    return settled(this.suite, 'suite not negotiated yet');
  }

  /** The session as the server keeps it (cache) or seals it (ticket): no id, no ticket inside. */
  session(): Tls12Session {
    return {
      suite: this.negotiatedSuite.info.code,
      masterSecret: Uint8Array.from(this.masterSecret.secret),
      extendedMasterSecret: this.extendedMasterSecret,
      sessionId: new Uint8Array(0),
      ticket: new Uint8Array(0),
      lifetime: this.options.sessionLifetime(),
      time: this.io.clock.now(),
      servername: this.servername,
      peerVerified: this.peerVerified,
      peerCertificates: this.peerCertificates,
    };
  }

  result(): HandshakeResult {
    return handshakeResult(this, 'TLSv1.2', this.negotiatedSuite.info.name, this.servername);
  }
}
