import { groupByCode, isHybridGroup } from '@tlsport/core/spi';
import { concat } from '../../codec/bytes.js';
import { illegalParameter, unexpectedMessage } from '../../codec/errors.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { parseServerKeyExchange } from '../../handshake/serverKeyExchange.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../../tls13/io.js';
import { verifyTls12Signature } from '../signatures.js';
import { Tls12ClientState } from '../state.js';
import type { Tls12ClientContext } from './ClientContext.js';
import { ExpectServerHelloDone } from './ExpectServerHelloDone.js';

/**
 * Client: the ECDHE ServerKeyExchange (RFC 8422 §5.4): a named group the client offered, and a
 * signature by the certificate's key over client_random || server_random || params.
 */
export class ExpectServerKeyExchange extends Tls12ClientState {
  constructor(private readonly ctx: Tls12ClientContext) {
    super(ctx);
  }

  protected expect(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    if (msg.type !== HandshakeType.server_key_exchange) throw unexpectedMessage(`expected ServerKeyExchange, got handshake type ${msg.type}`);
    const ske = readMessage(ctx.io.transcript, msg, parseServerKeyExchange);
    const group = groupByCode(ske.group)?.name;
    // The hybrids are TLS 1.3 only (draft-ietf-tls-ecdhe-mlkem §3): offered for 1.3, never for 1.2.
    if (group === undefined || isHybridGroup(group) || !ctx.options.groups.includes(group)) throw illegalParameter(`ServerKeyExchange group 0x${ske.group.toString(16)} was not offered`);
    verifyTls12Signature(ctx.serverKey!, ske.scheme, concat(ctx.clientRandom, ctx.serverRandom, ske.params), ske.signature, 'ServerKeyExchange');
    ctx.group = group;
    ctx.serverPoint = Uint8Array.from(ske.publicKey);
    return new ExpectServerHelloDone(ctx);
  }
}
