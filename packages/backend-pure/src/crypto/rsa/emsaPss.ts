import type { HashName } from '../provider.js';
import { concatBytes, equalBytes } from '../bytes.js';

export type Digest = (name: HashName, data: Uint8Array) => Uint8Array;

/** MGF1 (RFC 8017 §B.2.1). */
function mgf1(digest: Digest, hash: HashName, seed: Uint8Array, length: number): Uint8Array {
  const mask = new Uint8Array(length);
  const counter = new Uint8Array(4);
  for (let filled = 0, i = 0; filled < length; i++) {
    new DataView(counter.buffer).setUint32(0, i);
    const block = digest(hash, concatBytes(seed, counter));
    mask.set(block.subarray(0, length - filled), filled);
    filled += block.length;
  }
  return mask;
}

const EIGHT_ZEROS = new Uint8Array(8);

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with MGF1 over the same hash; undefined when emBits is too small. */
export function emsaPssEncode(digest: Digest, hash: HashName, mHash: Uint8Array, salt: Uint8Array, emBits: number): Uint8Array | undefined {
  const emLength = Math.ceil(emBits / 8);
  const hLength = mHash.length;
  if (emLength < hLength + salt.length + 2) return undefined;
  const h = digest(hash, concatBytes(EIGHT_ZEROS, mHash, salt));
  const db = new Uint8Array(emLength - hLength - 1);
  db[db.length - salt.length - 1] = 0x01;
  db.set(salt, db.length - salt.length);
  const mask = mgf1(digest, hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= 0xff >> (8 * emLength - emBits);
  return concatBytes(db, h, Uint8Array.of(0xbc));
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with a fixed salt length. */
export function emsaPssVerify(digest: Digest, hash: HashName, mHash: Uint8Array, em: Uint8Array, emBits: number, saltLength: number): boolean {
  const emLength = Math.ceil(emBits / 8);
  const hLength = mHash.length;
  if (em.length !== emLength || emLength < hLength + saltLength + 2 || em[emLength - 1] !== 0xbc) return false;
  const topMask = 0xff >> (8 * emLength - emBits);
  const db = em.slice(0, emLength - hLength - 1);
  const h = em.subarray(emLength - hLength - 1, emLength - 1);
  if ((db[0]! & ~topMask) !== 0) return false;
  const mask = mgf1(digest, hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= topMask;
  const separator = db.length - saltLength - 1;
  for (let i = 0; i < separator; i++) if (db[i] !== 0) return false;
  if (db[separator] !== 0x01) return false;
  const salt = db.subarray(db.length - saltLength);
  return equalBytes(h, digest(hash, concatBytes(EIGHT_ZEROS, mHash, salt)));
}
