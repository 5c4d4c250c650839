import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { DerCursor, DerError, TAG } from './der.js';

/** Beyond this a key store is refused rather than ground through (a hostile file could ask for 2^31). */
const MAX_ITERATIONS = 10_000_000;

const HASH_BY_OID: Readonly<Record<string, { name: string; block: number }>> = {
  '1.3.14.3.2.26': { name: 'sha1', block: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', block: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', block: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', block: 128 },
};
const HMAC_BY_OID: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const CIPHER_BY_OID: Readonly<Record<string, { name: string; keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';

/** A wrong password (the MAC or the padding does not check out): GSKit's bad-password status applies. */
export class PasswordError extends Error {}

function iterations(n: number): number {
  if (n < 1 || n > MAX_ITERATIONS) throw new DerError(`iteration count ${n} out of range`);
  return n;
}

/** The password as PKCS#12 hashes it: BMPString (UTF-16BE) with a two-byte terminator (RFC 7292 §B.1). */
export function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

/** RFC 7292 §B.2: the PKCS#12 key derivation (id 1 = key, 2 = IV, 3 = MAC key). */
export function pkcs12Kdf(hashOid: string, password: Buffer, salt: Uint8Array, rounds: number, id: 1 | 2 | 3, length: number): Buffer {
  const hash = HASH_BY_OID[hashOid];
  if (hash === undefined) throw new DerError(`unsupported PKCS#12 digest ${hashOid}`);
  const v = hash.block;
  const fill = (src: Uint8Array): Buffer => {
    const out = Buffer.alloc(src.length === 0 ? 0 : v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length]!;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([fill(salt), fill(password)]);
  const chunks: Buffer[] = [];
  for (let produced = 0; produced < length; ) {
    let A = createHash(hash.name).update(D).update(I).digest();
    for (let r = 1; r < rounds; r++) A = createHash(hash.name).update(A).digest();
    chunks.push(A);
    produced += A.length;
    const B = fill(A);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(chunks).subarray(0, length);
}

function decipher(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  try {
    const d = createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    throw new PasswordError('decryption failed (wrong password?)');
  }
}

/** Decrypts `data` under an AlgorithmIdentifier (the cursor is positioned on it). PBES2 (RFC 8018 §6.2) or PKCS#12 3DES. */
export function pbeDecrypt(algorithm: DerCursor, password: string, data: Uint8Array): Buffer {
  const alg = algorithm.oid();
  if (alg === PBE_SHA1_3DES) {
    const params = algorithm.enter();
    const salt = params.octets();
    const rounds = iterations(params.integer());
    const pw = bmpPassword(password);
    const key = pkcs12Kdf('1.3.14.3.2.26', pw, salt, rounds, 1, 24);
    const iv = pkcs12Kdf('1.3.14.3.2.26', pw, salt, rounds, 2, 8);
    return decipher('des-ede3-cbc', key, iv, data);
  }
  if (alg !== PBES2) throw new DerError(`unsupported encryption ${alg}`);
  const params = algorithm.enter();
  const kdf = params.enter();
  if (kdf.oid() !== PBKDF2) throw new DerError('PBES2 without PBKDF2');
  const kdfParams = kdf.enter();
  const salt = kdfParams.octets();
  const rounds = iterations(kdfParams.integer());
  if (kdfParams.peek() === TAG.INTEGER) kdfParams.integer();
  const prf = kdfParams.done ? 'sha1' : HMAC_BY_OID[kdfParams.enter().oid()];
  if (prf === undefined) throw new DerError('unsupported PBKDF2 PRF');
  const scheme = params.enter();
  const cipher = CIPHER_BY_OID[scheme.oid()];
  if (cipher === undefined) throw new DerError('unsupported PBES2 cipher');
  const iv = scheme.octets();
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, rounds, cipher.keyLength, prf);
  return decipher(cipher.name, key, iv, data);
}

/** Checks the PFX MacData (RFC 7292 §4) over the authenticated content; PasswordError when it does not match. */
export function verifyMac(macData: DerCursor, password: string, content: Uint8Array): void {
  const digestInfo = macData.enter();
  const hashOid = digestInfo.enter().oid();
  const expected = digestInfo.octets();
  const salt = macData.octets();
  const rounds = macData.done ? 1 : iterations(macData.integer());
  const hash = HASH_BY_OID[hashOid];
  if (hash === undefined) throw new DerError(`unsupported MAC digest ${hashOid}`);
  const key = pkcs12Kdf(hashOid, bmpPassword(password), salt, rounds, 3, createHash(hash.name).digest().length);
  const actual = createHmac(hash.name, key).update(content).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new PasswordError('MAC check failed (wrong password?)');
}
