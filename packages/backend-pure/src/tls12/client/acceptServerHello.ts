import { equal } from '../../codec/bytes.js';
import type { Reader } from '../../codec/Reader.js';
import { illegalParameter } from '../../codec/errors.js';
import { checkAllowed, readExtension } from '../../handshake/extensions.js';
import { parseAlpn, parsePointFormats, parseRenegotiationInfo } from '../../handshake/extensionCodecs.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import type { ServerHello } from '../../handshake/serverHello.js';
import { readMessage } from '../../handshake/transcript.js';
import { ExtensionType } from '../../handshake/types.js';
import type { ClientContext } from '../../tls13/client/ClientContext.js';
import type { HandshakeState } from '../../tls13/io.js';
import { handshakeFailure } from '../errors.js';
import { ExpectChangeCipherSpec } from '../ExpectChangeCipherSpec.js';
import { MasterSecret } from '../keySchedule.js';
import { Tls12ClientContext } from './ClientContext.js';
import { ExpectCertificate } from './ExpectCertificate.js';
import { ExpectNewSessionTicket } from './ExpectNewSessionTicket.js';
import { ExpectServerFinished } from './ExpectServerFinished.js';

/** What a TLS 1.2 ServerHello may carry, each only when the ClientHello offered it (RFC 5246 §7.4.1.4). */
const SH12_EXTENSIONS: ReadonlySet<number> = new Set([
  ExtensionType.server_name,
  ExtensionType.ec_point_formats,
  ExtensionType.alpn,
  ExtensionType.extended_master_secret,
  ExtensionType.session_ticket,
  ExtensionType.renegotiation_info,
]);

/** An extension whose ServerHello body must be empty; its presence is the answer. */
const empty = (what: string) => (r: Reader): true => {
  if (r.remaining !== 0) throw illegalParameter(`ServerHello ${what} must be empty`);
  return true;
};

/**
 * Client: the server answered the ClientHello with TLS 1.2 (the version and downgrade checks are
 * done). Checks the ServerHello's extensions, then either resumes the offered session (the server
 * echoed its session id, RFC 5246 §7.4.1.3 / RFC 5077 §3.4) or expects the server's Certificate.
 */
export function acceptTls12ServerHello(hello: ClientContext, msg: HandshakeMessage, sh: ServerHello): HandshakeState {
  const io = hello.io;
  const o = hello.options;
  const suite = o.tls12Suites.find((s) => s.info.code === sh.cipherSuite);
  if (suite === undefined) throw illegalParameter(`server selected suite 0x${sh.cipherSuite.toString(16)}, which was not offered for TLS 1.2`);
  checkAllowed(sh.extensions, new Set([...SH12_EXTENSIONS].filter((t) => hello.offeredExtensions.has(t))), 'ServerHello');

  // RFC 5746 §3.4: an initial handshake's renegotiation_info must be present and empty.
  const renegotiation = readExtension(sh.extensions, ExtensionType.renegotiation_info, 'renegotiation_info', parseRenegotiationInfo);
  if (renegotiation === undefined) throw handshakeFailure('missing-extension', 'ServerHello without renegotiation_info (RFC 5746)');
  if (renegotiation.length !== 0) throw handshakeFailure('illegal-parameter', 'ServerHello renegotiation_info is not empty on an initial handshake');
  const ems = readExtension(sh.extensions, ExtensionType.extended_master_secret, 'extended_master_secret', empty('extended_master_secret')) ?? false;
  if (!ems && o.requireExtendedMasterSecret) throw handshakeFailure('missing-extension', 'server does not do extended_master_secret (RFC 7627), which this client requires');
  const formats = readExtension(sh.extensions, ExtensionType.ec_point_formats, 'ec_point_formats', parsePointFormats);
  if (formats !== undefined && !formats.includes(0)) throw illegalParameter('ec_point_formats without uncompressed (RFC 8422 §5.2)');
  readExtension(sh.extensions, ExtensionType.server_name, 'server_name', empty('server_name'));
  const alpn = readExtension(sh.extensions, ExtensionType.alpn, 'alpn', parseAlpn);
  if (alpn !== undefined && (alpn.length !== 1 || !o.alpn.includes(alpn[0]!))) throw illegalParameter('server selected an ALPN protocol that was not offered');

  const ctx = new Tls12ClientContext(io, o, suite, hello.clientRandom, Uint8Array.from(sh.random), Uint8Array.from(sh.sessionId), ems, hello.session12);
  ctx.alpn = alpn?.[0];
  ctx.expectTicket = readExtension(sh.extensions, ExtensionType.session_ticket, 'session_ticket', empty('session_ticket')) ?? false;
  hello.destroy();
  io.transcript.retainMessages();
  io.transcript.select(suite.hash);
  readMessage(io.transcript, msg, () => sh);

  const echoed = sh.sessionId.length > 0 && equal(sh.sessionId, hello.sessionId);
  if (!echoed) return new ExpectCertificate(ctx);
  const session = hello.session12;
  if (session === undefined) throw illegalParameter('ServerHello resumes a session that was not offered');
  if (session.suite !== suite.info.code) throw illegalParameter('ServerHello resumes the session with another cipher suite');
  // RFC 7627 §5.3: a resumption keeps the session's extended_master_secret.
  if (session.extendedMasterSecret !== ems) throw handshakeFailure('illegal-parameter', 'resumption changes extended_master_secret');
  ctx.resumed = true;
  ctx.peerCertificates = session.peerCertificates;
  ctx.peerVerified = session.peerVerified;
  ctx.master = MasterSecret.resume(io.provider, suite, session.masterSecret);
  ctx.keys = ctx.master.recordKeys(ctx.clientRandom, ctx.serverRandom);
  io.keylog('CLIENT_RANDOM', ctx.clientRandom, ctx.master.secret);
  const keys = ctx.keys;
  const next = (): HandshakeState => new ExpectChangeCipherSpec(io, keys.server, () => new ExpectServerFinished(ctx), ctx);
  return ctx.expectTicket ? new ExpectNewSessionTicket(ctx, next) : next();
}
