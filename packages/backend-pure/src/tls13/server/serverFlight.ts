import { TlsError, GROUPS, type GroupName } from '@tlsport/core/spi';
import { ProviderError, type KeyShareResponse } from '../../crypto/provider.js';
import { serializeCertificate } from '../../handshake/certificate.js';
import { serializeCertificateRequest } from '../../handshake/certificateRequest.js';
import { serializeCertificateVerify } from '../../handshake/certificateVerify.js';
import type { ClientHello } from '../../handshake/clientHello.js';
import { serializeEncryptedExtensions } from '../../handshake/encryptedExtensions.js';
import { writeAlpn, writeKeyShareEntry, writeU16, type KeyShareEntry } from '../../handshake/extensionCodecs.js';
import { serializeFinished } from '../../handshake/finished.js';
import { serializeServerHello } from '../../handshake/serverHello.js';
import { ExtensionType, TLS13 } from '../../handshake/types.js';
import { Writer } from '../../codec/Writer.js';
import { zero } from '../../codec/bytes.js';
import type { HandshakeState } from '../io.js';
import { EarlySecret, finishedVerifyData } from '../keySchedule.js';
import { chooseSignatureScheme, SIGNATURE_SCHEMES, signCertificateVerify } from '../signatures.js';
import { ExpectClientCertificate } from './ExpectClientCertificate.js';
import { ExpectClientFinished } from './ExpectClientFinished.js';
import type { AcceptedPsk } from './resumption.js';
import type { ServerContext } from './ServerContext.js';

/**
 * The server's flight (RFC 8446 §2): ServerHello, then under handshake keys EncryptedExtensions,
 * [CertificateRequest, Certificate, CertificateVerify] unless resuming, and Finished.
 */
export function sendServerFlight(ctx: ServerContext, hello: ClientHello, group: GroupName, clientShare: KeyShareEntry, psk: AcceptedPsk | undefined): HandshakeState {
  const io = ctx.io;
  const suite = ctx.negotiatedSuite;
  const certificate = psk === undefined ? ctx.options.certificateFor(hello.serverName) : undefined;
  if (psk === undefined && certificate === undefined) throw new TlsError('no-certificate', `no certificate for server name ${hello.serverName ?? '(none)'}`);
  // §9.2: a certificate-based handshake needs signature_algorithms.
  if (psk === undefined && hello.signatureSchemes === undefined) throw new TlsError('missing-extension', 'ClientHello without signature_algorithms');
  const scheme = certificate === undefined ? undefined : chooseSignatureScheme(certificate.key, hello.signatureSchemes ?? []);
  if (certificate !== undefined && scheme === undefined) throw new TlsError('no-shared-cipher', `client accepts no signature scheme for this ${certificate.key.kind} certificate`);

  let response: KeyShareResponse;
  try {
    response = io.random.keyShare(group).respond(clientShare.keyExchange);
  } catch (cause) {
    if (cause instanceof ProviderError) throw new TlsError('illegal-parameter', `client key share: ${cause.message}`, { cause });
    throw cause;
  }
  ctx.group = group;

  const ext = new Map<number, Uint8Array>();
  if (psk !== undefined) ext.set(ExtensionType.pre_shared_key, writeU16(psk.index));
  ext.set(ExtensionType.key_share, (() => {
    const w = new Writer();
    writeKeyShareEntry(w, { group: GROUPS.find((g) => g.name === group)!.code, keyExchange: response.publicKey });
    return w.finish();
  })());
  ext.set(ExtensionType.supported_versions, writeU16(TLS13));
  io.send(serializeServerHello({ random: io.random.bytes(32), sessionId: hello.sessionId, cipherSuite: suite.info.code, extensions: ext }));
  if (hello.sessionId.length > 0 && !ctx.ccsSent) {
    ctx.ccsSent = true;
    io.records.writeChangeCipherSpec();
  }

  const early = psk?.early ?? EarlySecret.extract(io.provider, suite);
  ctx.handshakeSecret = early.handshakeSecret(response.sharedSecret);
  zero(response.sharedSecret);
  early.destroy();
  if (psk !== undefined) {
    ctx.resumed = true;
    ctx.peerCertificates = psk.state.peerCertificates;
    ctx.peerVerified = psk.state.peerVerified;
  }
  const th = io.transcript.current();
  ctx.clientHandshakeSecret = ctx.handshakeSecret.clientTrafficSecret(th);
  const serverHandshake = ctx.handshakeSecret.serverTrafficSecret(th);
  io.keylog('CLIENT_HANDSHAKE_TRAFFIC_SECRET', ctx.clientRandom, ctx.clientHandshakeSecret);
  io.keylog('SERVER_HANDSHAKE_TRAFFIC_SECRET', ctx.clientRandom, serverHandshake);
  io.setWriteSecret(suite, serverHandshake);
  io.setReadSecret(suite, ctx.clientHandshakeSecret);

  const ee = new Map<number, Uint8Array>();
  if (hello.serverName !== undefined && psk === undefined) ee.set(ExtensionType.server_name, new Uint8Array(0));
  if (ctx.alpn !== undefined) ee.set(ExtensionType.alpn, writeAlpn([ctx.alpn]));
  io.send(serializeEncryptedExtensions(ee));
  const askForCertificate = psk === undefined && ctx.options.requestCert;
  if (askForCertificate) io.send(serializeCertificateRequest(new Uint8Array(0), SIGNATURE_SCHEMES));
  if (certificate !== undefined && scheme !== undefined) {
    io.send(serializeCertificate(new Uint8Array(0), certificate.chain));
    io.send(serializeCertificateVerify({ scheme, signature: signCertificateVerify(certificate.key, scheme, 'server', io.transcript.current()) }));
  }
  io.send(serializeFinished(finishedVerifyData(io.provider, suite, serverHandshake, io.transcript.current())));
  zero(serverHandshake);

  const th2 = io.transcript.current();
  const master = ctx.handshakeSecret.masterSecret();
  ctx.clientApplicationSecret = master.clientTrafficSecret(th2);
  ctx.serverApplicationSecret = master.serverTrafficSecret(th2);
  ctx.exporterSecret = master.exporterSecret(th2);
  io.keylog('CLIENT_TRAFFIC_SECRET_0', ctx.clientRandom, ctx.clientApplicationSecret);
  io.keylog('SERVER_TRAFFIC_SECRET_0', ctx.clientRandom, ctx.serverApplicationSecret);
  io.keylog('EXPORTER_SECRET', ctx.clientRandom, ctx.exporterSecret);
  io.setWriteSecret(suite, ctx.serverApplicationSecret);
  return askForCertificate ? new ExpectClientCertificate(ctx, master) : new ExpectClientFinished(ctx, master);
}
