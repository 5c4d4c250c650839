import { TlsError, MIN_RSA_BITS } from '@tlsport/core/spi';
import { ProviderError, type CryptoProvider, type PublicKey } from '../crypto/index.js';
import type { Certificate } from './Certificate.js';
import { buildPath, isSelfIssued } from './buildPath.js';
import { matchesHost } from './hostname.js';
import { Oid } from './oids.js';
import { parseCertificate } from './parseCertificate.js';
import type { TrustStore } from './TrustStore.js';

export interface VerifyOptions {
  /** DER certificates as received, leaf first; intermediates in any order, the root optional. */
  readonly chain: readonly Uint8Array[];
  readonly trust: TrustStore;
  readonly provider: CryptoProvider;
  readonly now: Date;
  /** DNS name or IP literal (v4/v6) the leaf must be for; undefined: no name check. */
  readonly host?: string | undefined;
  readonly purpose: 'serverAuth' | 'clientAuth';
  /** chain[0] already parsed, with its imported key, when the caller needed them first. */
  readonly leaf?: { readonly certificate: Certificate; readonly key: PublicKey } | undefined;
}

/** Smallest RSA modulus accepted anywhere in a chain (OpenSSL security level 2, NIST SP 800-131A). */

const PURPOSE_OID = { serverAuth: Oid.serverAuth, clientAuth: Oid.clientAuth } as const;

/**
 * Validates a peer's chain (RFC 5280 §6, simplified to what TLS needs): a path to a trust anchor,
 * CA flags, path lengths and key usages, key sizes, the host name, then every signature and
 * validity period from the anchor down. Returns the parsed leaf; throws TlsError with the fault.
 */
export function verifyChain(options: VerifyOptions): Certificate {
  if (options.chain.length === 0) throw new TlsError('no-certificate', 'the peer sent no certificate');
  const known = options.leaf;
  const certificates = options.chain.map((der, i) => (i === 0 && known !== undefined ? known.certificate : parseCertificate(der)));
  const leaf = certificates[0]!;
  const path = buildPath(leaf, certificates.slice(1), options.trust);
  checkIssuers(path, options.purpose);
  checkLeafUsage(leaf, options.purpose);
  const anchor = path.length - 1;
  const keys = path.map((certificate, i) => {
    const load = (): PublicKey => (i === 0 && known !== undefined ? known.key : importKey(certificate, options.provider));
    // The anchor's key is the trust store's to keep: it is the same for every handshake.
    return checkedKey(certificate, i === anchor ? options.trust.keyOf(certificate, options.provider, load) : load());
  });
  if (options.host !== undefined && !matchesHost(leaf, options.host)) {
    throw new TlsError('hostname-mismatch', `certificate "${leaf.subject.text}" is not for ${options.host}`);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    // The anchor is trusted as configured: its own (self-)signature is not checked.
    if (i < path.length - 1) checkSignature(path[i]!, keys[i + 1]!);
    checkValidity(path[i]!, options.now);
  }
  return leaf;
}

function allowsPurpose(extKeyUsage: readonly string[] | undefined, purpose: VerifyOptions['purpose']): boolean {
  return extKeyUsage === undefined || extKeyUsage.includes(PURPOSE_OID[purpose]) || extKeyUsage.includes(Oid.anyExtendedKeyUsage);
}

/** Every certificate above the leaf must be a CA allowed to sign certificates, within its path length. */
function checkIssuers(path: readonly Certificate[], purpose: VerifyOptions['purpose']): void {
  for (let i = 1; i < path.length; i++) {
    const ca = path[i]!;
    const isAnchor = i === path.length - 1;
    // A v1 anchor predates extensions; every other issuer must say cA (RFC 5280 §4.2.1.9).
    if (!(ca.basicConstraints?.ca ?? (isAnchor && ca.version === 1))) {
      throw new TlsError('bad-certificate', `"${ca.subject.text}" issued a certificate but is not a CA`);
    }
    if (ca.keyUsage !== undefined && !ca.keyUsage.has('keyCertSign')) {
      throw new TlsError('key-usage', `CA "${ca.subject.text}" lacks keyCertSign`);
    }
    const pathLen = ca.basicConstraints?.pathLen;
    const below = path.slice(1, i).filter((c) => !isSelfIssued(c)).length;
    if (pathLen !== undefined && below > pathLen) {
      throw new TlsError('bad-certificate', `CA "${ca.subject.text}" allows ${pathLen} intermediates below it, the path has ${below}`);
    }
    if (!isAnchor && !allowsPurpose(ca.extKeyUsage, purpose)) {
      throw new TlsError('key-usage', `intermediate "${ca.subject.text}" is not for ${purpose}`);
    }
  }
}

/** TLS signs with the leaf key (digitalSignature) and the leaf must be meant for this side. */
function checkLeafUsage(leaf: Certificate, purpose: VerifyOptions['purpose']): void {
  if (!allowsPurpose(leaf.extKeyUsage, purpose)) throw new TlsError('key-usage', `certificate "${leaf.subject.text}" is not for ${purpose}`);
  if (leaf.keyUsage !== undefined && !leaf.keyUsage.has('digitalSignature')) {
    throw new TlsError('key-usage', `certificate "${leaf.subject.text}" lacks digitalSignature`);
  }
}

function importKey(certificate: Certificate, provider: CryptoProvider): PublicKey {
  try {
    return provider.importPublicKey(certificate.spki);
  } catch (cause) {
    if (!(cause instanceof ProviderError)) throw cause;
    throw new TlsError('unsupported-certificate', `"${certificate.subject.text}": ${cause.message}`, { cause });
  }
}

function checkedKey(certificate: Certificate, key: PublicKey): PublicKey {
  if (key.kind === 'rsa' && (key.rsaBits ?? 0) < MIN_RSA_BITS) {
    throw new TlsError('bad-certificate', `"${certificate.subject.text}" has a ${key.rsaBits}-bit RSA key (minimum ${MIN_RSA_BITS})`);
  }
  return key;
}

function checkSignature(certificate: Certificate, issuerKey: PublicKey): void {
  const algorithm = certificate.signatureAlgorithm;
  if (algorithm.kind === 'sha1') throw new TlsError('bad-certificate', `"${certificate.subject.text}" is signed with SHA-1 (${algorithm.name})`);
  if (algorithm.kind === 'unsupported') {
    throw new TlsError('unsupported-certificate', `"${certificate.subject.text}" is signed with unsupported ${algorithm.name}`);
  }
  // RSASSA-PSS names two schemes: rsae for an rsaEncryption issuer key, pss for an RSASSA-PSS one.
  const scheme = algorithm.schemes.find((s) => issuerKey.supports(s)) ?? algorithm.schemes[0]!;
  if (!issuerKey.verify(scheme, certificate.tbs, certificate.signature)) {
    throw new TlsError('bad-signature', `the signature on "${certificate.subject.text}" does not verify`);
  }
}

function checkValidity(certificate: Certificate, now: Date): void {
  if (now < certificate.notBefore) {
    throw new TlsError('not-yet-valid', `"${certificate.subject.text}" is not valid before ${certificate.notBefore.toISOString()}`);
  }
  if (now > certificate.notAfter) {
    throw new TlsError('expired', `"${certificate.subject.text}" expired ${certificate.notAfter.toISOString()}`);
  }
}
