import { TlsError, GROUPS, type GroupName } from '@tlsport/core/spi';
import { equal } from '../../codec/bytes.js';
import { illegalParameter, unexpectedMessage } from '../../codec/errors.js';
import { Writer } from '../../codec/Writer.js';
import { parseClientHello, type ClientHello } from '../../handshake/clientHello.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { HRR_RANDOM, serializeServerHello } from '../../handshake/serverHello.js';
import { readMessage } from '../../handshake/transcript.js';
import { ExtensionType, HandshakeType, TLS12, TLS13 } from '../../handshake/types.js';
import { acceptTls12ClientHello } from '../../tls12/server/acceptClientHello.js';
import { writeU16 } from '../../handshake/extensionCodecs.js';
import type { HandshakeState } from '../io.js';
import type { Suite } from '../suite.js';
import { clientOfferedVersion } from '../versions.js';
import { chooseAlpn, chooseGroup, chooseSuite } from './negotiate.js';
import { acceptPsk } from './resumption.js';
import type { ServerContext } from './ServerContext.js';
import { sendServerFlight } from './serverFlight.js';

/** What the server asked for in its HelloRetryRequest; the second ClientHello must comply. */
interface RetryRequest {
  readonly suite: Suite;
  readonly group: GroupName;
  readonly cookie: Uint8Array;
  readonly firstRandom: Uint8Array;
}

/** Server: a ClientHello, the first or the one after HelloRetryRequest (RFC 8446 §4.1.2). */
export class ExpectClientHello implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ServerContext, private readonly retry?: RetryRequest) {}

  handle(msg: HandshakeMessage): HandshakeState {
    if (msg.type !== HandshakeType.client_hello) throw unexpectedMessage(`expected ClientHello, got handshake type ${msg.type}`);
    const ctx = this.ctx;
    const hello = parseClientHello(msg.body);
    if (clientOfferedVersion(hello, ctx.options.versions) === TLS12) {
      if (this.retry !== undefined) throw illegalParameter('second ClientHello switched to TLS 1.2');
      return acceptTls12ClientHello(ctx.io, ctx.options, msg, hello);
    }
    // §4.2.10: this server never accepts 0-RTT; early data sent after this ClientHello is skipped
    // (a HelloRetryRequest's second ClientHello carries none).
    ctx.io.records.skipEarlyData(this.retry === undefined && hello.extensions.has(ExtensionType.early_data));
    if (hello.compressionMethods.length !== 1 || hello.compressionMethods[0] !== 0) throw illegalParameter('TLS 1.3 ClientHello must offer only null compression');
    if (hello.supportedGroups === undefined || hello.keyShares === undefined) throw new TlsError('missing-extension', 'ClientHello without supported_groups or key_share');
    if (hello.psks !== undefined && hello.pskModes === undefined) throw new TlsError('missing-extension', 'ClientHello offers a PSK without psk_key_exchange_modes');
    const suite = chooseSuite(hello, ctx.options);
    const choice = chooseGroup(hello, ctx.options);
    if (this.retry !== undefined) this.checkRetry(hello, suite, choice.share === undefined ? undefined : choice.group);
    ctx.clientRandom = Uint8Array.from(hello.random);
    ctx.servername = hello.serverName;
    ctx.alpn = chooseAlpn(hello, ctx.options);
    ctx.suite = suite;
    ctx.io.transcript.select(suite.hash);
    if (choice.share === undefined) return this.helloRetryRequest(msg, hello, suite, choice.group);
    const psk = acceptPsk(ctx, hello, msg, suite);
    readMessage(ctx.io.transcript, msg, () => hello);
    return sendServerFlight(ctx, hello, choice.group, choice.share, psk);
  }

  /** §4.1.2: the second ClientHello answers the retry: same suite, a share for the asked group, the cookie back. */
  private checkRetry(hello: ClientHello, suite: Suite, sharedGroup: GroupName | undefined): void {
    const retry = this.retry!;
    if (!equal(hello.random, retry.firstRandom)) throw illegalParameter('second ClientHello changed its random');
    if (suite.info.code !== retry.suite.info.code) throw illegalParameter('second ClientHello changed the negotiable suites');
    if (hello.keyShares!.length !== 1 || sharedGroup !== retry.group) throw illegalParameter('second ClientHello does not carry exactly the requested key share');
    if (hello.cookie === undefined || !equal(hello.cookie, retry.cookie)) throw illegalParameter('second ClientHello does not echo the cookie');
  }

  /** §4.1.4: ask for a share of `group`; ClientHello1 becomes message_hash in the transcript. */
  private helloRetryRequest(msg: HandshakeMessage, hello: ClientHello, suite: Suite, group: GroupName): HandshakeState {
    const ctx = this.ctx;
    if (this.retry !== undefined) throw illegalParameter('second ClientHello still has no usable key share');
    readMessage(ctx.io.transcript, msg, () => hello);
    ctx.io.transcript.replaceWithMessageHash();
    const cookie = ctx.io.random.bytes(32);
    const ext = new Map<number, Uint8Array>([
      [ExtensionType.key_share, writeU16(GROUPS.find((g) => g.name === group)!.code)],
      [ExtensionType.cookie, new Writer().bytes16(cookie).finish()],
      [ExtensionType.supported_versions, writeU16(TLS13)],
    ]);
    ctx.io.send(serializeServerHello({ random: HRR_RANDOM, sessionId: hello.sessionId, cipherSuite: suite.info.code, extensions: ext }));
    if (hello.sessionId.length > 0) {
      ctx.ccsSent = true;
      ctx.io.records.writeChangeCipherSpec();
    }
    return new ExpectClientHello(ctx, { suite, group, cookie, firstRandom: Uint8Array.from(hello.random) });
  }
}
