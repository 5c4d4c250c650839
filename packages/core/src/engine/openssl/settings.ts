import type { ContextConfig } from '../config.js';
import { OPENSSL_SECURITY_LEVEL } from '../../tls/policy.js';
import { CIPHER_SUITES } from '../../tls/suites.js';
import { opensslGroupList } from './groups.js';

/** The OpenSSL settings one context config comes to, for SSL_CTX_set_* or Node's createSecureContext. */
export interface OpenSslSettings {
  readonly minVersion: ContextConfig['minVersion'];
  readonly maxVersion: ContextConfig['maxVersion'];
  /** SSL_set_ciphersuites: TLS 1.3 suites, colon-separated ("" when 1.3 is off). */
  readonly ciphersuites: string;
  /** SSL_set_cipher_list: TLS 1.2 suites, colon-separated ("" when 1.2 is off). */
  readonly cipherList: string;
  /**
   * Node's `ciphers` option, which Node splits itself ("TLS_*" names are 1.3 suites): both lists,
   * never without a 1.2 cipher (Node refuses that), ending in the security level.
   */
  readonly nodeCiphers: string;
  /** SSL_CTX_set1_groups_list / Node's ecdhCurve. */
  readonly groups: string;
  /** The key-strength policy as OpenSSL's security level (core's tls/policy.ts). */
  readonly securityLevel: number;
  /** SSL_CTX_set1_sigalgs_list: the signature schemes in tlsport's scope. */
  readonly sigalgs: string;
}

/**
 * Signature algorithms in tlsport's scope (docs/design.md): ECDSA P-256/P-384, Ed25519, RSA-PSS,
 * and RSA PKCS#1 (TLS 1.2 and certificates), as OpenSSL names the RFC 8446 §4.2.3 code points.
 */
const SIGNATURE_ALGORITHMS = [
  'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384', 'ed25519',
  'rsa_pss_rsae_sha256', 'rsa_pss_rsae_sha384', 'rsa_pss_rsae_sha512',
  'rsa_pss_pss_sha256', 'rsa_pss_pss_sha384', 'rsa_pss_pss_sha512',
  'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512',
].join(':');

/**
 * The one translation of a context config into OpenSSL's vocabulary, shared by both OpenSSL-based
 * backends (`backend` names the one asking, for errors). The groups are those of the OpenSSL inside
 * this Node: the ML-KEM hybrids only from OpenSSL 3.5 on.
 */
export function opensslSettings(config: ContextConfig, backend: 'openssl' | 'node-tls'): OpenSslSettings {
  const names = (suites: ContextConfig['tls12Suites']): string => suites.map((s) => s.openssl).join(':');
  // With TLS 1.2 off, the in-scope 1.2 suites stand in for Node: a cipher-less list is refused,
  // and the version range keeps them from being negotiated.
  const nodeTls12 = config.tls12Suites.length > 0 ? config.tls12Suites : CIPHER_SUITES.filter((s) => s.version === 'TLSv1.2');
  const ciphersuites = names(config.tls13Suites);
  return {
    minVersion: config.minVersion,
    maxVersion: config.maxVersion,
    ciphersuites,
    cipherList: names(config.tls12Suites),
    nodeCiphers: [ciphersuites, names(nodeTls12), `@SECLEVEL=${OPENSSL_SECURITY_LEVEL}`].filter((s) => s !== '').join(':'),
    groups: opensslGroupList(config.groups, process.versions.openssl, backend),
    securityLevel: OPENSSL_SECURITY_LEVEL,
    sigalgs: SIGNATURE_ALGORITHMS,
  };
}
