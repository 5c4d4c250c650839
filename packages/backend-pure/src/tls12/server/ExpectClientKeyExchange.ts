import { unexpectedMessage } from '../../codec/errors.js';
import { zero } from '../../codec/bytes.js';
import { parseClientKeyExchange } from '../../handshake/clientKeyExchange.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../../tls13/io.js';
import { ExpectChangeCipherSpec } from '../ExpectChangeCipherSpec.js';
import { MasterSecret } from '../keySchedule.js';
import { Tls12State } from '../state.js';
import { ExpectClientCertificateVerify } from './ExpectClientCertificateVerify.js';
import { ExpectClientFinished } from './ExpectClientFinished.js';
import type { Tls12ServerContext } from './ServerContext.js';

/**
 * Server: ClientKeyExchange (RFC 8422 §5.7). The premaster secret is the ECDHE result; the master
 * secret comes from the session hash through this message (RFC 7627 §4).
 */
export class ExpectClientKeyExchange extends Tls12State {
  constructor(private readonly ctx: Tls12ServerContext) {
    super(ctx);
  }

  handle(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    const io = ctx.io;
    if (msg.type !== HandshakeType.client_key_exchange) throw unexpectedMessage(`expected ClientKeyExchange, got handshake type ${msg.type}`);
    const point = readMessage(io.transcript, msg, parseClientKeyExchange);
    const premaster = ctx.share!.agree(point);
    ctx.master = MasterSecret.derive(
      io.provider,
      ctx.negotiatedSuite,
      premaster,
      ctx.extendedMasterSecret ? { sessionHash: io.transcript.current() } : { clientRandom: ctx.clientRandom, serverRandom: ctx.serverRandom },
    );
    zero(premaster);
    io.keylog('CLIENT_RANDOM', ctx.clientRandom, ctx.master.secret);
    ctx.keys = ctx.master.recordKeys(ctx.clientRandom, ctx.serverRandom);
    if (ctx.clientKey !== undefined) return new ExpectClientCertificateVerify(ctx);
    return new ExpectChangeCipherSpec(io, ctx.keys.client, () => new ExpectClientFinished(ctx), ctx);
  }
}
