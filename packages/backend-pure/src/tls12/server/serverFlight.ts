import { TlsError, GROUPS } from '@tlsport/core/spi';
import { concat } from '../../codec/bytes.js';
import { serializeCertificate12 } from '../../handshake/certificate12.js';
import { ClientCertificateType, serializeCertificateRequest12 } from '../../handshake/certificateRequest12.js';
import type { ClientHello } from '../../handshake/clientHello.js';
import { serializeEmptyMessage } from '../../handshake/emptyMessage.js';
import { writeAlpn, writePointFormats, writeRenegotiationInfo } from '../../handshake/extensionCodecs.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { serializeServerHello } from '../../handshake/serverHello.js';
import { serializeEcdhParams, serializeServerKeyExchange } from '../../handshake/serverKeyExchange.js';
import { readMessage } from '../../handshake/transcript.js';
import { ExtensionType, HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../../tls13/io.js';
import { SIGNATURE_SCHEMES } from '../../tls13/signatures.js';
import { markDowngrade } from '../../tls13/versions.js';
import { ExpectChangeCipherSpec } from '../ExpectChangeCipherSpec.js';
import { sendChangeCipherSpecAndFinished } from '../finished.js';
import { MasterSecret } from '../keySchedule.js';
import type { Tls12Session } from '../sessionState.js';
import { chooseTls12Scheme } from '../signatures.js';
import { suiteFor } from '../suite.js';
import { ExpectClientCertificate } from './ExpectClientCertificate.js';
import { ExpectClientFinished } from './ExpectClientFinished.js';
import { ExpectClientKeyExchange } from './ExpectClientKeyExchange.js';
import { offeredTicket } from './resumption.js';
import { chooseTls12Group, chooseTls12Suite } from './negotiate.js';
import type { Tls12ServerContext } from './ServerContext.js';

const EMPTY = new Uint8Array(0);
const UNCOMPRESSED = 0;

/** ServerHello (RFC 5246 §7.4.1.3) with the extensions this handshake answers; the random carries the downgrade sentinel when due. */
function sendServerHello(ctx: Tls12ServerContext, hello: ClientHello): void {
  const io = ctx.io;
  const ext = new Map<number, Uint8Array>();
  if (ctx.servername !== undefined && !ctx.resumed) ext.set(ExtensionType.server_name, EMPTY);
  if (hello.extensions.has(ExtensionType.ec_point_formats)) ext.set(ExtensionType.ec_point_formats, writePointFormats([UNCOMPRESSED]));
  if (ctx.alpn !== undefined) ext.set(ExtensionType.alpn, writeAlpn([ctx.alpn]));
  if (ctx.extendedMasterSecret) ext.set(ExtensionType.extended_master_secret, EMPTY);
  if (ctx.issueTicket) ext.set(ExtensionType.session_ticket, EMPTY);
  if (ctx.secureRenegotiation) ext.set(ExtensionType.renegotiation_info, writeRenegotiationInfo(EMPTY));
  ctx.serverRandom = markDowngrade(io.random.bytes(32), ctx.options.versions);
  io.send(serializeServerHello({ random: ctx.serverRandom, sessionId: ctx.sessionId, cipherSuite: ctx.negotiatedSuite.info.code, extensions: ext }));
}

/**
 * Full handshake (RFC 5246 §7.3): ServerHello, Certificate, ServerKeyExchange signed by the
 * certificate's key (RFC 8422 §5.4), [CertificateRequest], ServerHelloDone. A fresh session id
 * names the session in the cache; a ticket is promised when the client asked for one.
 */
export function sendFullFlight(ctx: Tls12ServerContext, msg: HandshakeMessage, hello: ClientHello): HandshakeState {
  const io = ctx.io;
  const o = ctx.options;
  const certificate = o.certificateFor(hello.serverName);
  if (certificate === undefined) throw new TlsError('no-certificate', `no certificate for server name ${hello.serverName ?? '(none)'}`);
  ctx.suite = chooseTls12Suite(hello, o, certificate);
  const group = chooseTls12Group(hello, o);
  const scheme = chooseTls12Scheme(certificate.key, hello.signatureSchemes ?? []);
  if (scheme === undefined) throw new TlsError('no-shared-cipher', `client accepts no signature scheme for this ${certificate.key.kind} certificate`);
  io.transcript.select(ctx.suite.hash);
  readMessage(io.transcript, msg, () => hello);

  ctx.group = group;
  ctx.sessionId = io.random.bytes(32);
  ctx.issueTicket = o.tickets !== undefined && offeredTicket(hello) !== undefined;
  sendServerHello(ctx, hello);
  io.send(serializeCertificate12(certificate.chain));
  ctx.share = io.random.keyShare(group);
  const params = serializeEcdhParams(GROUPS.find((g) => g.name === group)!.code, ctx.share.publicKey);
  const signature = certificate.key.sign(scheme, concat(ctx.clientRandom, ctx.serverRandom, params));
  io.send(serializeServerKeyExchange(params, scheme, signature));
  if (o.requestCert) {
    io.send(serializeCertificateRequest12({ certificateTypes: [ClientCertificateType.rsa_sign, ClientCertificateType.ecdsa_sign], signatureSchemes: SIGNATURE_SCHEMES }));
  }
  io.send(serializeEmptyMessage(HandshakeType.server_hello_done));
  return o.requestCert ? new ExpectClientCertificate(ctx) : new ExpectClientKeyExchange(ctx);
}

/**
 * Abbreviated handshake (RFC 5246 §7.3, RFC 5077 §3.1): ServerHello echoing the client's session
 * id, then CCS and Finished under keys from the stored master secret.
 */
export function sendAbbreviatedFlight(ctx: Tls12ServerContext, msg: HandshakeMessage, hello: ClientHello, session: Tls12Session): HandshakeState {
  const io = ctx.io;
  ctx.suite = suiteFor(session.suite);
  ctx.resumed = true;
  ctx.sessionId = Uint8Array.from(hello.sessionId);
  ctx.peerCertificates = session.peerCertificates;
  ctx.peerVerified = session.peerVerified;
  io.transcript.select(ctx.suite.hash);
  readMessage(io.transcript, msg, () => hello);
  sendServerHello(ctx, hello);
  ctx.master = MasterSecret.resume(io.provider, ctx.suite, session.masterSecret);
  io.keylog('CLIENT_RANDOM', ctx.clientRandom, ctx.master.secret);
  const keys = ctx.master.recordKeys(ctx.clientRandom, ctx.serverRandom);
  ctx.keys = keys;
  sendChangeCipherSpecAndFinished(io, ctx.master, keys.server, 'server');
  return new ExpectChangeCipherSpec(io, keys.client, () => new ExpectClientFinished(ctx), ctx);
}
