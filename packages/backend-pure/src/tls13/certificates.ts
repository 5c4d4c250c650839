import { TlsError } from '@tlsport/core';
import type { CryptoProvider, PublicKey } from '../crypto/provider.js';
import { parseCertificate, pemToDer, TrustStore, verifyChain } from '../x509/index.js';

/**
 * The handshake's one door to X.509: load a chain, verify a peer's chain. Everything else in the
 * state machines sees DER bytes and a PublicKey.
 */

/** DER certificates of a PEM chain, leaf first. */
export function chainFromPem(pem: string): Uint8Array[] {
  return pemToDer(pem);
}

export { TrustStore };

export interface PeerChainCheck {
  readonly chain: readonly Uint8Array[];
  readonly trust: TrustStore;
  readonly provider: CryptoProvider;
  readonly now: Date;
  readonly host?: string | undefined;
  readonly purpose: 'serverAuth' | 'clientAuth';
  /** Whether a failed verification aborts the handshake (rejectUnauthorized). */
  readonly required: boolean;
}

export interface PeerChainResult {
  readonly verified: boolean;
  readonly publicKey: PublicKey;
}

/** The leaf's key, needed for CertificateVerify whether or not the chain verifies. */
function leafKey(provider: CryptoProvider, der: Uint8Array): PublicKey {
  const spki = parseCertificate(der).spki;
  try {
    return provider.importPublicKey(spki);
  } catch (cause) {
    throw new TlsError('unsupported-certificate', `peer certificate key: ${(cause as Error).message}`, { cause });
  }
}

/** Verifies the peer's chain (or records that it did not verify, when not required) and returns the leaf key. */
export function checkPeerChain(o: PeerChainCheck): PeerChainResult {
  const publicKey = leafKey(o.provider, o.chain[0]!);
  try {
    verifyChain({ chain: o.chain, trust: o.trust, provider: o.provider, now: o.now, host: o.host, purpose: o.purpose });
    return { verified: true, publicKey };
  } catch (error) {
    if (o.required) throw error;
    return { verified: false, publicKey };
  }
}
