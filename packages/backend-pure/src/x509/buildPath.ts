import { TlsError } from '@tlsport/core/spi';
import type { Certificate } from './Certificate.js';
import { toHex } from './hex.js';
import type { TrustStore } from './TrustStore.js';

/** More intermediates than any public PKI uses; a longer chain is refused. */
export const MAX_INTERMEDIATES = 8;

export function isSelfIssued(certificate: Certificate): boolean {
  return toHex(certificate.subject.der) === toHex(certificate.issuer.der);
}

/**
 * Among certificates named as `child`'s issuer, the likeliest: one whose subjectKeyIdentifier
 * matches the child's authorityKeyIdentifier, else one that has no key id to disagree with.
 */
function pickIssuer(child: Certificate, candidates: readonly Certificate[]): Certificate | undefined {
  const wanted = child.authorityKeyId === undefined ? undefined : toHex(child.authorityKeyId);
  const keyId = (c: Certificate): string | undefined => (c.subjectKeyId === undefined ? undefined : toHex(c.subjectKeyId));
  return candidates.find((c) => wanted !== undefined && keyId(c) === wanted)
    ?? candidates.find((c) => wanted === undefined || keyId(c) === undefined);
}

/**
 * The certification path from the leaf to a trust anchor, leaf first and anchor last, built by
 * names and key ids from the certificates the peer sent (in any order). Signatures are checked
 * afterwards, over the whole path. Throws 'self-signed' for an untrusted self-issued leaf and
 * 'unknown-ca' when no anchor is reached.
 */
export function buildPath(leaf: Certificate, sent: readonly Certificate[], trust: TrustStore): Certificate[] {
  const path = [leaf];
  let current = leaf;
  while (!trust.contains(current)) {
    const anchor = pickIssuer(current, trust.issuersOf(current));
    if (anchor !== undefined) {
      path.push(anchor);
      return path;
    }
    const issuerName = toHex(current.issuer.der);
    const next = pickIssuer(current, sent.filter((c) => !path.includes(c) && toHex(c.subject.der) === issuerName));
    if (next === undefined) {
      if (!isSelfIssued(current)) throw new TlsError('unknown-ca', `no trusted issuer for "${current.issuer.text}"`);
      if (path.length === 1) throw new TlsError('self-signed', `self-signed certificate "${current.subject.text}" is not trusted`);
      throw new TlsError('unknown-ca', `the chain ends in the untrusted root "${current.subject.text}"`);
    }
    if (path.length > MAX_INTERMEDIATES) throw new TlsError('bad-certificate', `more than ${MAX_INTERMEDIATES} intermediates`);
    path.push(next);
    current = next;
  }
  return path;
}
