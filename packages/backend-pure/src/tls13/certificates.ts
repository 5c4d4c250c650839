import { X509Certificate } from 'node:crypto';
import { TlsError } from '@tlsport/core';
import type { CryptoProvider, PublicKey } from '../crypto/provider.js';
import { pemBlocks } from '../asn1/index.js';

/**
 * The handshake's one door to X.509: load a chain, verify a peer's chain. Everything else in the
 * state machines sees DER bytes and a PublicKey.
 * INTERIM: bridged to node:crypto until src/x509 lands; the signatures below stay.
 */

/** DER certificates of a PEM chain, leaf first. */
export function chainFromPem(pem: string): Uint8Array[] {
  return pemBlocks(pem).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);
}

export class TrustAnchors {
  readonly certs: X509Certificate[];
  constructor(caPems: readonly string[]) {
    this.certs = caPems.map((p) => new X509Certificate(p));
  }
}

export interface PeerChainCheck {
  readonly chain: readonly Uint8Array[];
  readonly trust: TrustAnchors;
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

function verifyChain(o: PeerChainCheck): void {
  const certs = o.chain.map((d) => new X509Certificate(d));
  const leaf = certs[0]!;
  for (const c of certs) {
    if (o.now < new Date(c.validFrom)) throw new TlsError('not-yet-valid', `${c.subject} is not yet valid`);
    if (o.now > new Date(c.validTo)) throw new TlsError('expired', `${c.subject} has expired`);
  }
  let current = leaf;
  for (let i = 1; ; i++) {
    const anchor = o.trust.certs.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor !== undefined) break;
    const next = certs[i];
    if (next === undefined || !current.checkIssued(next) || !current.verify(next.publicKey)) {
      throw new TlsError(certs.length === 1 && leaf.checkIssued(leaf) ? 'self-signed' : 'unknown-ca', `no trusted issuer for ${current.subject}`);
    }
    current = next;
  }
  if (o.host !== undefined) {
    const ok = /^[\d.]+$|:/.test(o.host) ? leaf.checkIP(o.host) !== undefined : leaf.checkHost(o.host) !== undefined;
    if (!ok) throw new TlsError('hostname-mismatch', `certificate does not match ${o.host}`);
  }
}

function publicKeyOf(provider: CryptoProvider, der: Uint8Array): PublicKey {
  try {
    const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
    return provider.importPublicKey(new Uint8Array(spki));
  } catch (cause) {
    throw new TlsError('bad-certificate', 'peer certificate does not parse', { cause });
  }
}

/** Verifies the peer's chain (or records that it did not verify, when not required) and returns the leaf key. */
export function checkPeerChain(o: PeerChainCheck): PeerChainResult {
  const publicKey = publicKeyOf(o.provider, o.chain[0]!);
  try {
    verifyChain(o);
    return { verified: true, publicKey };
  } catch (error) {
    if (o.required) throw error;
    return { verified: false, publicKey };
  }
}
