import { TlsError } from '@tlsport/core/spi';
import type { CryptoProvider, PublicKey } from '../crypto/provider.js';
import { cachedKey, parseCached, pemToDer, TrustStore, verifyChain, type Certificate, type VerifyOptions } from '../x509/index.js';

/**
 * The handshake's one door to X.509: load a chain, verify a peer's chain. Everything else in the
 * state machines sees DER bytes and a PublicKey.
 */

/** DER certificates of a PEM chain, leaf first. */
export function chainFromPem(pem: string): Uint8Array[] {
  return pemToDer(pem);
}

export { TrustStore };

/** verifyChain's options, less the parsed leaf this module supplies itself. */
export interface PeerChainCheck extends Omit<VerifyOptions, 'leaf'> {
  /** Whether a failed verification aborts the handshake (rejectUnauthorized). */
  readonly required: boolean;
}

export interface PeerChainResult {
  readonly verified: boolean;
  readonly publicKey: PublicKey;
}

/** The leaf's key, needed for CertificateVerify whether or not the chain verifies. */
function leafKey(provider: CryptoProvider, certificate: Certificate): PublicKey {
  try {
    return cachedKey(certificate, provider, () => provider.importPublicKey(certificate.spki));
  } catch (cause) {
    throw new TlsError('unsupported-certificate', `peer certificate key: ${(cause as Error).message}`, { cause });
  }
}

/** Verifies the peer's chain (or records that it did not verify, when not required) and returns the leaf key. */
export function checkPeerChain(o: PeerChainCheck): PeerChainResult {
  const certificate = parseCached(o.chain[0]!);
  const publicKey = leafKey(o.provider, certificate);
  try {
    const leaf = { certificate, key: publicKey };
    verifyChain({ chain: o.chain, trust: o.trust, provider: o.provider, now: o.now, host: o.host, purpose: o.purpose, leaf });
    return { verified: true, publicKey };
  } catch (error) {
    if (o.required) throw error;
    return { verified: false, publicKey };
  }
}
