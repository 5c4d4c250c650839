import type { ContextConfig } from '../config.js';
import { OPENSSL_SECURITY_LEVEL } from '../../tls/policy.js';
import { CIPHER_SUITES, GROUPS } from '../../tls/suites.js';

/** The OpenSSL settings one context config comes to, for SSL_CTX_set_* or Node's createSecureContext. */
export interface OpenSslSettings {
  readonly minVersion: ContextConfig['minVersion'];
  readonly maxVersion: ContextConfig['maxVersion'];
  /** SSL_CTX_set_ciphersuites: TLS 1.3 suites, colon-separated ("" when 1.3 is off). */
  readonly ciphersuites: string;
  /** SSL_CTX_set_cipher_list: TLS 1.2 suites ending in @SECLEVEL (never cipher-less, which OpenSSL refuses). */
  readonly cipherList: string;
  /** SSL_CTX_set1_groups_list / Node's ecdhCurve. */
  readonly groups: string;
  /** The key-strength policy as OpenSSL's security level (core's tls/policy.ts). */
  readonly securityLevel: number;
  /** SSL_CTX_set1_sigalgs_list: the signature schemes in tlsport's scope. */
  readonly sigalgs: string;
}

/**
 * Signature algorithms in tlsport's scope (DESIGN.md): ECDSA P-256/P-384, Ed25519, RSA-PSS,
 * and RSA PKCS#1 (TLS 1.2 and certificates), as OpenSSL names the RFC 8446 §4.2.3 code points.
 */
const SIGNATURE_ALGORITHMS = [
  'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384', 'ed25519',
  'rsa_pss_rsae_sha256', 'rsa_pss_rsae_sha384', 'rsa_pss_rsae_sha512',
  'rsa_pss_pss_sha256', 'rsa_pss_pss_sha384', 'rsa_pss_pss_sha512',
  'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512',
].join(':');

/** The one translation of a context config into OpenSSL's vocabulary, shared by both OpenSSL-based backends. */
export function opensslSettings(config: ContextConfig): OpenSslSettings {
  // With TLS 1.2 off, the in-scope 1.2 suites stand in: a cipher-less list is refused, and
  // the version range keeps them from being negotiated.
  const tls12 = config.tls12Suites.length > 0 ? config.tls12Suites : CIPHER_SUITES.filter((s) => s.version === 'TLSv1.2');
  return {
    minVersion: config.minVersion,
    maxVersion: config.maxVersion,
    ciphersuites: config.tls13Suites.map((s) => s.openssl).join(':'),
    cipherList: `${tls12.map((s) => s.openssl).join(':')}:@SECLEVEL=${OPENSSL_SECURITY_LEVEL}`,
    groups: config.groups.map((name) => GROUPS.find((g) => g.name === name)!.openssl).join(':'),
    securityLevel: OPENSSL_SECURITY_LEVEL,
    sigalgs: SIGNATURE_ALGORITHMS,
  };
}
