/**
 * The key-strength policy every backend applies to certificates, its own and its peer's:
 * RSA keys of at least 2048 bits, EC keys of at least 224 bits, no SHA-1 signatures. This is
 * OpenSSL's security level 2; the pure backend checks the same limits itself.
 */
export const MIN_RSA_BITS = 2048;
/** The OpenSSL security level matching core's key-strength policy (level 2: RSA ≥ 2048 bits, no SHA-1 signatures). */
export const OPENSSL_SECURITY_LEVEL = 2;
