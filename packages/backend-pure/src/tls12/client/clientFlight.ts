import { zero } from '../../codec/bytes.js';
import { serializeCertificate12 } from '../../handshake/certificate12.js';
import { ClientCertificateType, type CertificateRequest12 } from '../../handshake/certificateRequest12.js';
import { serializeCertificateVerify } from '../../handshake/certificateVerify.js';
import { serializeClientKeyExchange } from '../../handshake/clientKeyExchange.js';
import type { HandshakeState } from '../../tls13/io.js';
import type { LocalCertificate } from '../../tls13/options.js';
import { ExpectChangeCipherSpec } from '../ExpectChangeCipherSpec.js';
import { sendChangeCipherSpecAndFinished } from '../finished.js';
import { MasterSecret } from '../keySchedule.js';
import { chooseTls12Scheme } from '../signatures.js';
import { authForKey } from '../suite.js';
import type { ClientCredential, Tls12ClientContext } from './ClientContext.js';
import { ExpectNewSessionTicket } from './ExpectNewSessionTicket.js';
import { ExpectServerFinished } from './ExpectServerFinished.js';

/**
 * The client certificate that answers a CertificateRequest: its key type among the requested
 * certificate_types (ecdsa_sign covers Ed25519, RFC 8422 §5.5) and a scheme the server accepts.
 */
export function chooseClientCredential(own: LocalCertificate | undefined, request: CertificateRequest12): ClientCredential | undefined {
  if (own === undefined) return undefined;
  const type = authForKey(own.key.kind) === 'rsa' ? ClientCertificateType.rsa_sign : ClientCertificateType.ecdsa_sign;
  const scheme = chooseTls12Scheme(own.key, request.signatureSchemes);
  if (!request.certificateTypes.includes(type) || scheme === undefined) return undefined;
  return { chain: own.chain, key: own.key, scheme };
}

/**
 * The client's flight after ServerHelloDone (RFC 5246 §7.3): [Certificate], ClientKeyExchange,
 * [CertificateVerify], ChangeCipherSpec, Finished. The master secret is derived from the session
 * hash through ClientKeyExchange (RFC 7627 §4).
 */
export function sendClientFlight(ctx: Tls12ClientContext): HandshakeState {
  const io = ctx.io;
  if (ctx.certificateRequested) io.send(serializeCertificate12(ctx.credential?.chain ?? []));
  const share = io.random.keyShare(ctx.group!);
  const premaster = share.agree(ctx.serverPoint!);
  io.send(serializeClientKeyExchange(share.publicKey));
  ctx.master = MasterSecret.derive(
    io.provider,
    ctx.suite,
    premaster,
    ctx.extendedMasterSecret ? { sessionHash: io.transcript.current() } : { clientRandom: ctx.clientRandom, serverRandom: ctx.serverRandom },
  );
  zero(premaster);
  io.keylog('CLIENT_RANDOM', ctx.clientRandom, ctx.master.secret);
  const credential = ctx.credential;
  if (credential !== undefined) {
    // RFC 5246 §7.4.8: the signature covers every handshake message so far, not a hash of them.
    const signature = credential.key.sign(credential.scheme, io.transcript.messages());
    io.send(serializeCertificateVerify({ scheme: credential.scheme, signature }));
  }
  const keys = ctx.master.recordKeys(ctx.clientRandom, ctx.serverRandom);
  ctx.keys = keys;
  sendChangeCipherSpecAndFinished(io, ctx.master, keys.client, 'client');
  const next = (): HandshakeState => new ExpectChangeCipherSpec(io, keys.server, () => new ExpectServerFinished(ctx), ctx);
  return ctx.expectTicket ? new ExpectNewSessionTicket(ctx, next) : next();
}
