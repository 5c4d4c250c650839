import type { CryptoProvider, HashName } from '../crypto/provider.js';
import { concat, utf8 } from '../codec/bytes.js';

/**
 * The TLS 1.2 PRF (RFC 5246 §5): P_hash(secret, label || seed), where
 * A(0) = label || seed, A(i) = HMAC(secret, A(i-1)), output = HMAC(secret, A(1) || label || seed) || ...
 */
export function prf(provider: CryptoProvider, hash: HashName, secret: Uint8Array, label: string, seed: Uint8Array, length: number): Uint8Array {
  const labelSeed = concat(utf8(label), seed);
  const out = new Uint8Array(length);
  let a = labelSeed;
  for (let at = 0; at < length; ) {
    a = provider.hmac(hash, secret, a);
    const block = provider.hmac(hash, secret, concat(a, labelSeed));
    const n = Math.min(block.length, length - at);
    out.set(block.subarray(0, n), at);
    at += n;
  }
  return out;
}
