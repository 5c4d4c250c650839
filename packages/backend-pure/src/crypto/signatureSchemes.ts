import { SignatureScheme, type HashName, type KeyKind } from './provider.js';

/** How a SignatureScheme signs: the algorithm family, its hash, and (TLS 1.3 ECDSA) the curve it names. */
export interface SignatureSchemeInfo {
  readonly family: 'ecdsa' | 'rsa-pkcs1' | 'rsa-pss-rsae' | 'rsa-pss-pss' | 'ed25519';
  /** The digest; undefined for Ed25519, which hashes internally. */
  readonly hash: HashName | undefined;
  /** ECDSA only: the curve TLS 1.3 binds the scheme to; undefined for P-521, which tlsport has no keys for. */
  readonly curve: KeyKind | undefined;
}

/** RFC 8446 §4.2.3. */
const SCHEMES: ReadonlyMap<SignatureScheme, SignatureSchemeInfo> = new Map<SignatureScheme, SignatureSchemeInfo>([
  [SignatureScheme.rsa_pkcs1_sha256, { family: 'rsa-pkcs1', hash: 'sha256', curve: undefined }],
  [SignatureScheme.rsa_pkcs1_sha384, { family: 'rsa-pkcs1', hash: 'sha384', curve: undefined }],
  [SignatureScheme.rsa_pkcs1_sha512, { family: 'rsa-pkcs1', hash: 'sha512', curve: undefined }],
  [SignatureScheme.ecdsa_secp256r1_sha256, { family: 'ecdsa', hash: 'sha256', curve: 'ec-p256' }],
  [SignatureScheme.ecdsa_secp384r1_sha384, { family: 'ecdsa', hash: 'sha384', curve: 'ec-p384' }],
  [SignatureScheme.ecdsa_secp521r1_sha512, { family: 'ecdsa', hash: 'sha512', curve: undefined }],
  [SignatureScheme.rsa_pss_rsae_sha256, { family: 'rsa-pss-rsae', hash: 'sha256', curve: undefined }],
  [SignatureScheme.rsa_pss_rsae_sha384, { family: 'rsa-pss-rsae', hash: 'sha384', curve: undefined }],
  [SignatureScheme.rsa_pss_rsae_sha512, { family: 'rsa-pss-rsae', hash: 'sha512', curve: undefined }],
  [SignatureScheme.ed25519, { family: 'ed25519', hash: undefined, curve: undefined }],
  [SignatureScheme.rsa_pss_pss_sha256, { family: 'rsa-pss-pss', hash: 'sha256', curve: undefined }],
  [SignatureScheme.rsa_pss_pss_sha384, { family: 'rsa-pss-pss', hash: 'sha384', curve: undefined }],
  [SignatureScheme.rsa_pss_pss_sha512, { family: 'rsa-pss-pss', hash: 'sha512', curve: undefined }],
]);

/** The RSA schemes both TLS versions offer and sign with, best first: PSS (rsae, then pss), then PKCS#1. */
export const RSA_SCHEMES: readonly SignatureScheme[] = [
  SignatureScheme.rsa_pss_rsae_sha256,
  SignatureScheme.rsa_pss_rsae_sha384,
  SignatureScheme.rsa_pss_rsae_sha512,
  SignatureScheme.rsa_pss_pss_sha256,
  SignatureScheme.rsa_pss_pss_sha384,
  SignatureScheme.rsa_pss_pss_sha512,
  SignatureScheme.rsa_pkcs1_sha256,
  SignatureScheme.rsa_pkcs1_sha384,
  SignatureScheme.rsa_pkcs1_sha512,
];

/** The scheme's parameters; undefined for a code point outside RFC 8446's list. */
export function signatureSchemeInfo(scheme: number): SignatureSchemeInfo | undefined {
  return SCHEMES.get(scheme as SignatureScheme);
}

/** What a key is, as far as scheme selection cares. */
export interface KeyFlavour {
  readonly kind: KeyKind;
  /** An RSA key whose SPKI is id-RSASSA-PSS: it signs only rsa_pss_pss_* (RFC 8446 §4.2.3). */
  readonly rsaPssOnly: boolean;
}

/**
 * Whether sign/verify can run `scheme` with this key. ECDSA schemes take their hash and the key's
 * own curve (the TLS 1.2 and X.509 reading, where e.g. a P-256 key may sign with SHA-384).
 */
export function schemeUsableWith(info: SignatureSchemeInfo, key: KeyFlavour): boolean {
  switch (info.family) {
    case 'ecdsa':
      return key.kind === 'ec-p256' || key.kind === 'ec-p384';
    case 'ed25519':
      return key.kind === 'ed25519';
    case 'rsa-pss-pss':
      return key.kind === 'rsa' && key.rsaPssOnly;
    case 'rsa-pkcs1':
    case 'rsa-pss-rsae':
      return key.kind === 'rsa' && !key.rsaPssOnly;
  }
}

/** The TLS 1.3 rule: usable, and an ECDSA scheme must also name the key's curve. */
export function schemeSupportedBy(scheme: SignatureScheme, key: KeyFlavour): boolean {
  const info = signatureSchemeInfo(scheme);
  if (info === undefined || !schemeUsableWith(info, key)) return false;
  return info.family !== 'ecdsa' || info.curve === key.kind;
}

/** Digest sizes in bytes: the RSA-PSS salt length TLS requires (RFC 8446 §4.2.3). */
export const HASH_LENGTH: Readonly<Record<HashName, number>> = { sha256: 32, sha384: 48, sha512: 64 };
