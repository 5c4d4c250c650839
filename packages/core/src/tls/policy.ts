import { CIPHER_SUITES } from './suites.js';

/**
 * The key-strength policy every backend applies to certificates, its own and its peer's:
 * RSA keys of at least 2048 bits, EC keys of at least 224 bits, no SHA-1 signatures. This is
 * OpenSSL's security level 2; the pure backend checks the same limits itself.
 */
export const MIN_RSA_BITS = 2048;
export const OPENSSL_SECURITY_LEVEL = 2;

/**
 * An OpenSSL cipher string for the TLS 1.2 suites enabled in `names` (OpenSSL names), ending in
 * the security level. OpenSSL refuses a string with no cipher in it, so when TLS 1.2 is disabled
 * (no 1.2 suite enabled) the in-scope 1.2 suites stand in: they cannot be negotiated anyway.
 */
export function opensslCipherList(tls12Names: readonly string[]): string {
  const names = tls12Names.length > 0 ? tls12Names : CIPHER_SUITES.filter((s) => s.version === 'TLSv1.2').map((s) => s.openssl);
  return `${names.join(':')}:@SECLEVEL=${OPENSSL_SECURITY_LEVEL}`;
}
