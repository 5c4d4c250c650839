import { TlsError, groupByCode } from '@tlsport/core/spi';
import { ProviderError } from '../../crypto/provider.js';
import { equal } from '../../codec/bytes.js';
import { illegalParameter, unexpectedMessage } from '../../codec/errors.js';
import { checkAllowed } from '../../handshake/extensions.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { parseServerHello, type ServerHello } from '../../handshake/serverHello.js';
import { readMessage } from '../../handshake/transcript.js';
import { ExtensionType, HandshakeType, TLS12 } from '../../handshake/types.js';
import { acceptTls12ServerHello } from '../../tls12/client/acceptServerHello.js';
import type { HandshakeState } from '../io.js';
import { EarlySecret } from '../keySchedule.js';
import type { Suite } from '../suite.js';
import { serverSelectedVersion } from '../versions.js';
import type { ClientContext } from './ClientContext.js';
import { offeredShare, sendClientHello } from './clientHello.js';
import { ExpectEncryptedExtensions } from './ExpectEncryptedExtensions.js';

const HRR_EXTENSIONS = new Set<number>([ExtensionType.key_share, ExtensionType.cookie, ExtensionType.supported_versions]);
const SH_EXTENSIONS = new Set<number>([ExtensionType.key_share, ExtensionType.supported_versions, ExtensionType.pre_shared_key]);

/** Client, after a ClientHello: expects ServerHello or (once) HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4). */
export class ExpectServerHello implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ClientContext) {}

  handle(msg: HandshakeMessage): HandshakeState {
    if (msg.type !== HandshakeType.server_hello) throw unexpectedMessage(`expected ServerHello, got handshake type ${msg.type}`);
    const sh = parseServerHello(msg.body);
    if (serverSelectedVersion(sh, this.ctx.options.versions) === TLS12) {
      if (this.ctx.retried) throw illegalParameter('TLS 1.2 ServerHello after a HelloRetryRequest');
      return acceptTls12ServerHello(this.ctx, msg, sh);
    }
    if (!equal(sh.sessionId, this.ctx.sessionId)) throw illegalParameter('ServerHello does not echo legacy_session_id');
    const suite = this.selectedSuite(sh);
    return sh.isHelloRetryRequest ? this.retry(msg, sh, suite) : this.accept(msg, sh, suite);
  }

  private selectedSuite(sh: ServerHello): Suite {
    const offered = this.ctx.options.suites.find((s) => s.info.code === sh.cipherSuite);
    if (offered === undefined) throw illegalParameter(`server selected suite 0x${sh.cipherSuite.toString(16)}, which was not offered`);
    if (this.ctx.suite !== undefined && this.ctx.suite.info.code !== offered.info.code) throw illegalParameter('ServerHello suite differs from HelloRetryRequest');
    return offered;
  }

  /** §4.1.4: one retry, for a group offered but without a share, echoing any cookie. */
  private retry(msg: HandshakeMessage, hrr: ServerHello, suite: Suite): HandshakeState {
    const ctx = this.ctx;
    if (ctx.retried) throw unexpectedMessage('second HelloRetryRequest');
    checkAllowed(hrr.extensions, HRR_EXTENSIONS, 'HelloRetryRequest');
    const group = hrr.selectedGroup === undefined ? undefined : groupByCode(hrr.selectedGroup)?.name;
    if (group === undefined || !ctx.options.groups.includes(group)) throw illegalParameter('HelloRetryRequest selects a group that was not offered');
    if (offeredShare(ctx, hrr.selectedGroup!) !== undefined) throw illegalParameter('HelloRetryRequest selects a group the client already sent a share for');
    ctx.retried = true;
    ctx.suite = suite;
    ctx.io.transcript.select(suite.hash);
    ctx.io.transcript.replaceWithMessageHash();
    readMessage(ctx.io.transcript, msg, () => hrr);
    ctx.keyShares = [ctx.io.random.keyShare(group)];
    ctx.sendChangeCipherSpecOnce();
    sendClientHello(ctx, hrr.cookie);
    return this;
  }

  private accept(msg: HandshakeMessage, sh: ServerHello, suite: Suite): HandshakeState {
    const ctx = this.ctx;
    checkAllowed(sh.extensions, SH_EXTENSIONS, 'ServerHello');
    if (sh.keyShare === undefined) throw new TlsError('missing-extension', 'ServerHello without key_share (only psk_dhe_ke and ECDHE are offered)');
    const share = offeredShare(ctx, sh.keyShare.group);
    if (share === undefined) throw illegalParameter(`ServerHello key_share for group 0x${sh.keyShare.group.toString(16)}, which has no offered share`);
    let early: EarlySecret;
    if (sh.selectedIdentity !== undefined) {
      if (ctx.psk === undefined || sh.selectedIdentity !== 0) throw illegalParameter('ServerHello selects a PSK that was not offered');
      if (ctx.psk.suite.hash !== suite.hash) throw illegalParameter('ServerHello selects a PSK with a suite of another hash');
      early = ctx.psk.early;
      ctx.resumed = true;
      ctx.peerCertificates = ctx.psk.state.peerCertificates;
      ctx.peerVerified = ctx.psk.state.peerVerified;
    } else {
      early = EarlySecret.extract(ctx.io.provider, suite);
    }
    ctx.suite = suite;
    ctx.group = share.group;
    ctx.io.transcript.select(suite.hash);
    readMessage(ctx.io.transcript, msg, () => sh);
    let shared: Uint8Array;
    try {
      shared = share.agree(sh.keyShare.keyExchange);
    } catch (cause) {
      if (cause instanceof ProviderError) throw new TlsError('illegal-parameter', `server key share: ${cause.message}`, { cause });
      throw cause;
    }
    ctx.handshakeSecret = early.handshakeSecret(shared);
    shared.fill(0);
    if (early !== ctx.psk?.early) early.destroy();
    const th = ctx.io.transcript.current();
    ctx.clientHandshakeSecret = ctx.handshakeSecret.clientTrafficSecret(th);
    ctx.serverHandshakeSecret = ctx.handshakeSecret.serverTrafficSecret(th);
    ctx.io.keylog('CLIENT_HANDSHAKE_TRAFFIC_SECRET', ctx.clientRandom, ctx.clientHandshakeSecret);
    ctx.io.keylog('SERVER_HANDSHAKE_TRAFFIC_SECRET', ctx.clientRandom, ctx.serverHandshakeSecret);
    ctx.io.setReadSecret(suite, ctx.serverHandshakeSecret);
    ctx.io.setWriteSecret(suite, ctx.clientHandshakeSecret);
    return new ExpectEncryptedExtensions(ctx);
  }
}
