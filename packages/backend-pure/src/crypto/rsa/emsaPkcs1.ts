import type { HashName } from '../provider.js';

/** DER of DigestInfo's AlgorithmIdentifier and OCTET STRING header per hash (RFC 8017 §9.2 note 1). */
const DIGEST_INFO_PREFIX: Readonly<Record<HashName, Uint8Array>> = {
  sha256: Uint8Array.from([0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]),
  sha384: Uint8Array.from([0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30]),
  sha512: Uint8Array.from([0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40]),
};

/**
 * EMSA-PKCS1-v1_5 (RFC 8017 §9.2): 00 01 FF..FF 00 DigestInfo. Verification re-encodes and
 * compares, so only this one encoding (NULL parameters present) is accepted.
 * Undefined when the modulus is too short for the digest.
 */
export function emsaPkcs1Encode(hash: HashName, digest: Uint8Array, emLength: number): Uint8Array | undefined {
  const prefix = DIGEST_INFO_PREFIX[hash];
  const tLength = prefix.length + digest.length;
  if (emLength < tLength + 11) return undefined;
  const em = new Uint8Array(emLength).fill(0xff);
  em[0] = 0x00;
  em[1] = 0x01;
  em[emLength - tLength - 1] = 0x00;
  em.set(prefix, emLength - tLength);
  em.set(digest, emLength - digest.length);
  return em;
}
