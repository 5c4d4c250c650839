import { TlsError } from '@tlsport/core/spi';
import { decodeError } from '../../codec/errors.js';
import { parseCertificate12 } from '../../handshake/certificate12.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { HandshakeType } from '../../handshake/types.js';
import { acceptPeerChain } from '../../common/acceptPeerChain.js';
import type { HandshakeState } from '../../tls13/io.js';
import { unexpectedMessage } from '../../codec/errors.js';
import { Tls12ClientState } from '../state.js';
import { authForKey } from '../suite.js';
import type { Tls12ClientContext } from './ClientContext.js';
import { ExpectServerKeyExchange } from './ExpectServerKeyExchange.js';

/** Client, full handshake: the server's Certificate (RFC 5246 §7.4.2), verified and matching the suite's authentication. */
export class ExpectCertificate extends Tls12ClientState {
  constructor(private readonly ctx: Tls12ClientContext) {
    super(ctx);
  }

  protected expect(msg: HandshakeMessage): HandshakeState {
    const ctx = this.ctx;
    if (msg.type !== HandshakeType.certificate) throw unexpectedMessage(`expected Certificate, got handshake type ${msg.type}`);
    const chain = readMessage(ctx.io.transcript, msg, parseCertificate12);
    if (chain.length === 0) throw decodeError('server sent an empty Certificate');
    const serverKey = acceptPeerChain(ctx, chain, 'serverAuth', ctx.options.verifyHost);
    if (authForKey(serverKey.kind) !== ctx.suite.auth) {
      throw new TlsError('unsupported-certificate', `a ${serverKey.kind} certificate cannot serve ${ctx.suite.info.name}`);
    }
    ctx.serverKey = serverKey;
    return new ExpectServerKeyExchange(ctx);
  }
}
