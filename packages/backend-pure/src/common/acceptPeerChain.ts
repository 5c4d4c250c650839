import type { PublicKey } from '../crypto/provider.js';
import { checkPeerChain, type TrustStore } from '../tls13/certificates.js';
import type { HandshakeIo } from '../tls13/io.js';
import type { NegotiatedContext } from './NegotiatedContext.js';

/** The parts of either side's options that judge a peer's chain. */
interface ChainPolicy {
  trust(): TrustStore;
  readonly rejectUnauthorized: boolean;
}

/**
 * Checks the chain the peer's Certificate carried (throws when it fails and rejectUnauthorized),
 * records it and whether it verified on the context, and returns the leaf key for CertificateVerify
 * or key exchange. `host`: the name a server certificate must be for (clients only).
 */
export function acceptPeerChain(
  ctx: NegotiatedContext & { readonly io: HandshakeIo; readonly options: ChainPolicy },
  chain: readonly Uint8Array[],
  purpose: 'serverAuth' | 'clientAuth',
  host?: string,
): PublicKey {
  const checked = checkPeerChain({
    chain,
    trust: ctx.options.trust(),
    provider: ctx.io.provider,
    now: new Date(ctx.io.clock.now()),
    host,
    purpose,
    required: ctx.options.rejectUnauthorized,
  });
  ctx.peerCertificates = chain.map((c) => Uint8Array.from(c));
  ctx.peerVerified = checked.verified;
  return checked.publicKey;
}
