import { ProviderError, type HashName } from './provider.js';
import { HASH_LENGTH } from './signatureSchemes.js';

type Hmac = (name: HashName, key: Uint8Array, data: Uint8Array) => Uint8Array;

/**
 * HKDF-Extract (RFC 5869 §2.2). An empty salt needs no special case: HMAC zero-pads its key, so
 * it equals the RFC's HashLen zero bytes.
 */
export function hkdfExtract(hmac: Hmac, name: HashName, salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return hmac(name, salt, ikm);
}

/** HKDF-Expand (RFC 5869 §2.3): T(i) = HMAC(PRK, T(i-1) | info | i). */
export function hkdfExpand(hmac: Hmac, name: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  const hashLength = HASH_LENGTH[name];
  if (!Number.isInteger(length) || length < 0 || length > 255 * hashLength) {
    throw new ProviderError(`hkdfExpand: length ${length} outside 0..${255 * hashLength}`);
  }
  if (length > 0 && length <= hashLength) {
    // One block (every TLS 1.3 secret, key and IV): T(1) = HMAC(PRK, info | 1), truncated.
    const input = new Uint8Array(info.length + 1);
    input.set(info);
    input[info.length] = 1;
    const block = hmac(name, prk, input);
    return length === hashLength ? block : block.slice(0, length);
  }
  const okm = new Uint8Array(length);
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 1, filled = 0; filled < length; i++) {
    const input = new Uint8Array(previous.length + info.length + 1);
    input.set(previous, 0);
    input.set(info, previous.length);
    input[input.length - 1] = i;
    previous = hmac(name, prk, input);
    okm.set(previous.subarray(0, length - filled), filled);
    filled += previous.length;
  }
  return okm;
}
