import type { HandshakeResult } from '@tlsport/core/spi';
import { zero } from '../../codec/bytes.js';
import type { HandshakeIo } from '../io.js';
import type { HandshakeSecret } from '../keySchedule.js';
import type { ServerOptions } from '../options.js';
import type { Suite } from '../suite.js';
import { handshakeResult } from '../../common/handshakeResult.js';
import { NegotiatedContext } from '../../common/NegotiatedContext.js';
import { settled } from '../../common/settled.js';

/** What the server has received and negotiated so far, shared by its states. */
export class ServerContext extends NegotiatedContext {
  clientRandom: Uint8Array = new Uint8Array(0);
  suite: Suite | undefined;
  servername: string | undefined;
  /** Compatibility mode: the client sent a legacy_session_id, so the server sends one change_cipher_spec. */
  ccsSent = false;
  handshakeSecret: HandshakeSecret | undefined;
  clientHandshakeSecret: Uint8Array = new Uint8Array(0);
  serverApplicationSecret: Uint8Array = new Uint8Array(0);
  clientApplicationSecret: Uint8Array = new Uint8Array(0);
  /** exporter_master_secret, handed to the connected state (§7.5). */
  exporterSecret: Uint8Array = new Uint8Array(0);

  constructor(readonly io: HandshakeIo, readonly options: ServerOptions) {
    super();
  }

  get negotiatedSuite(): Suite {
    return settled(this.suite, 'suite not negotiated yet');
  }

  result(): HandshakeResult {
    return handshakeResult(this, 'TLSv1.3', this.negotiatedSuite.info.name, this.servername);
  }

  destroy(): void {
    this.handshakeSecret?.destroy();
    zero(this.clientHandshakeSecret);
  }
}
