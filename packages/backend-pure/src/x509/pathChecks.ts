import { TlsError } from '@tlsport/core/spi';
import type { PublicKey } from '../crypto/index.js';
import type { Certificate } from './Certificate.js';
import { isSelfIssued } from './selfIssued.js';
import { Oid } from './oids.js';
import { hasVerified, rememberVerified } from './verifiedSignatures.js';

export type Purpose = 'serverAuth' | 'clientAuth';

const PURPOSE_OID: Readonly<Record<Purpose, string>> = { serverAuth: Oid.serverAuth, clientAuth: Oid.clientAuth };

/**
 * The extended-key-usage rule, for every certificate in the path (docs/path-validation.md): no
 * extendedKeyUsage means no restriction (RFC 5280 §4.2.1.12); one that is present must list the
 * purpose itself. anyExtendedKeyUsage does not stand in for it: the CA/B Forum Baseline
 * Requirements forbid it in subscriber and TLS CA certificates, and OpenSSL does not count it.
 */
export function allowsPurpose(certificate: Certificate, purpose: Purpose): boolean {
  return certificate.extKeyUsage === undefined || certificate.extKeyUsage.includes(PURPOSE_OID[purpose]);
}

export function checkValidity(certificate: Certificate, now: Date): TlsError | undefined {
  if (now < certificate.notBefore) {
    return new TlsError('not-yet-valid', `"${certificate.subject.text}" is not valid before ${certificate.notBefore.toISOString()}`);
  }
  if (now > certificate.notAfter) return new TlsError('expired', `"${certificate.subject.text}" expired ${certificate.notAfter.toISOString()}`);
  return undefined;
}

/**
 * What a CA must be to issue the certificate below it (RFC 5280 §6.1.4 (k), (l), (n)): a CA
 * (v1 only as a configured anchor), allowed to sign certificates, within its path length, and
 * meant for this purpose. `below` is the path from the leaf up to the certificate it issued.
 */
export function checkIssuerRole(ca: Certificate, anchor: boolean, below: readonly Certificate[], purpose: Purpose): TlsError | undefined {
  if (!(ca.basicConstraints?.ca ?? (anchor && ca.version === 1))) {
    return new TlsError('bad-certificate', `"${ca.subject.text}" issued a certificate but is not a CA`);
  }
  if (ca.keyUsage !== undefined && !ca.keyUsage.has('keyCertSign')) return new TlsError('key-usage', `CA "${ca.subject.text}" lacks keyCertSign`);
  const pathLen = ca.basicConstraints?.pathLen;
  // Self-issued intermediates do not count (RFC 5280 §4.2.1.9).
  const intermediates = below.slice(1).filter((c) => !isSelfIssued(c)).length;
  if (pathLen !== undefined && intermediates > pathLen) {
    return new TlsError('bad-certificate', `CA "${ca.subject.text}" allows ${pathLen} intermediates below it, the path has ${intermediates}`);
  }
  if (!allowsPurpose(ca, purpose)) return new TlsError('key-usage', `CA "${ca.subject.text}" is not for ${purpose}`);
  return undefined;
}

/** The signature `issuerKey` made on `certificate` (RFC 5280 §6.1.3 (a)(1)). */
export function checkSignature(certificate: Certificate, issuerKey: PublicKey): TlsError | undefined {
  const algorithm = certificate.signatureAlgorithm;
  if (algorithm.kind === 'sha1') return new TlsError('bad-certificate', `"${certificate.subject.text}" is signed with SHA-1 (${algorithm.name})`);
  if (algorithm.kind === 'unsupported') {
    return new TlsError('unsupported-certificate', `"${certificate.subject.text}" is signed with unsupported ${algorithm.name}`);
  }
  if (hasVerified(certificate, issuerKey)) return undefined;
  // RSASSA-PSS names two schemes: rsae for an rsaEncryption issuer key, pss for an RSASSA-PSS one.
  const scheme = algorithm.schemes.find((s) => issuerKey.supports(s)) ?? algorithm.schemes[0]!;
  if (!issuerKey.verify(scheme, certificate.tbs, certificate.signature)) {
    return new TlsError('bad-signature', `the signature on "${certificate.subject.text}" does not verify`);
  }
  rememberVerified(certificate, issuerKey);
  return undefined;
}

/**
 * What the end-entity certificate must be: not a CA (RFC 5280 §4.2.1.9: CA keys sign
 * certificates, not handshakes; CA/B Forum BR §7.1.2.7.8), meant for this purpose, and, when it
 * states key usages, allowed to sign (TLS signs with the leaf key).
 */
export function checkLeafRole(leaf: Certificate, purpose: Purpose): TlsError | undefined {
  if (leaf.basicConstraints?.ca === true) return new TlsError('bad-certificate', `"${leaf.subject.text}" is a CA certificate, not an end-entity certificate`);
  if (!allowsPurpose(leaf, purpose)) return new TlsError('key-usage', `certificate "${leaf.subject.text}" is not for ${purpose}`);
  if (leaf.keyUsage !== undefined && !leaf.keyUsage.has('digitalSignature')) {
    return new TlsError('key-usage', `certificate "${leaf.subject.text}" lacks digitalSignature`);
  }
  return undefined;
}
