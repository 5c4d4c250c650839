import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { DerCursor, DerError, TAG } from './der.js';
import { Pkcs12Error } from './Pkcs12Error.js';

/**
 * A file's iteration counts are chosen by whoever wrote it: one derivation may ask for this many
 * rounds at most (real files use 1 to 600 000), and all derivations of one file together for
 * MAX_FILE_ROUNDS, so a hostile file cannot hold the event loop for minutes with many bags.
 */
export const MAX_ROUNDS = 1_000_000;
export const MAX_FILE_ROUNDS = 4_000_000;

const HASH_BY_OID: Readonly<Record<string, { name: string; block: number; size: number }>> = {
  '1.3.14.3.2.26': { name: 'sha1', block: 64, size: 20 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', block: 64, size: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', block: 128, size: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', block: 128, size: 64 },
};
const SHA1 = '1.3.14.3.2.26';
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

/**
 * The password in both encodings a PFX uses, and the rounds its derivations may still spend.
 * PBES2 hashes UTF-8 (RFC 8018 §6.2); the MAC and PKCS#12's own PBE hash a BMPString with a
 * two-byte terminator (RFC 7292 §B.1), or no bytes at all for OpenSSL's "no password".
 */
export class Pkcs12Secret {
  readonly utf8: Buffer;
  private roundsLeft = MAX_FILE_ROUNDS;

  constructor(
    password: string,
    public bmp: Buffer = bmpPassword(password),
  ) {
    this.utf8 = Buffer.from(password, 'utf8');
  }

  /** Charges `rounds` of hashing to the file's budget. */
  spend(rounds: number, times = 1): number {
    if (!Number.isSafeInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) throw new DerError(`iteration count ${rounds} out of range (1 to ${MAX_ROUNDS})`);
    this.roundsLeft -= rounds * times;
    if (this.roundsLeft < 0) throw new DerError(`the file asks for more than ${MAX_FILE_ROUNDS} key-derivation rounds in total`);
    return rounds;
  }
}

/** The password as PKCS#12 hashes it: BMPString (UTF-16BE) with a two-byte terminator (RFC 7292 §B.1). */
export function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

/** RFC 7292 §B.2: the PKCS#12 key derivation (id 1 = key, 2 = IV, 3 = MAC key). */
export function pkcs12Kdf(hashOid: string, secret: Pkcs12Secret, salt: Uint8Array, rounds: number, id: 1 | 2 | 3, length: number): Buffer {
  const hash = HASH_BY_OID[hashOid];
  if (hash === undefined) throw new DerError(`unsupported PKCS#12 digest ${hashOid}`);
  secret.spend(rounds, Math.ceil(length / hash.size));
  const v = hash.block;
  const fill = (src: Uint8Array): Buffer => {
    const out = Buffer.alloc(src.length === 0 ? 0 : v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length]!;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([fill(salt), fill(secret.bmp)]);
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
    throw new Pkcs12Error('wrong-password', 'decryption failed: wrong password');
  }
}

/** Decrypts `data` under an AlgorithmIdentifier (the cursor is positioned on it). PBES2 (RFC 8018 §6.2) or PKCS#12 3DES (RFC 7292 §C). */
export function pbeDecrypt(algorithm: DerCursor, secret: Pkcs12Secret, data: Uint8Array): Buffer {
  const alg = algorithm.oid();
  if (alg === PBE_SHA1_3DES) {
    const params = algorithm.enter();
    const salt = params.octets();
    const rounds = params.integer();
    const key = pkcs12Kdf(SHA1, secret, salt, rounds, 1, 24);
    const iv = pkcs12Kdf(SHA1, secret, salt, rounds, 2, 8);
    return decipher('des-ede3-cbc', key, iv, data);
  }
  if (alg !== PBES2) throw new DerError(`unsupported encryption ${alg} (tlsport reads PBES2 and PKCS#12 3DES)`);
  const params = algorithm.enter();
  const kdf = params.enter();
  if (kdf.oid() !== PBKDF2) throw new DerError('PBES2 without PBKDF2');
  const kdfParams = kdf.enter();
  const salt = kdfParams.octets();
  const rounds = secret.spend(kdfParams.integer());
  if (kdfParams.peek() === TAG.INTEGER) kdfParams.integer();
  const prf = kdfParams.done ? 'sha1' : HMAC_BY_OID[kdfParams.enter().oid()];
  if (prf === undefined) throw new DerError('unsupported PBKDF2 PRF');
  const scheme = params.enter();
  const cipher = CIPHER_BY_OID[scheme.oid()];
  if (cipher === undefined) throw new DerError('unsupported PBES2 cipher');
  const iv = scheme.octets();
  const key = pbkdf2Sync(secret.utf8, salt, rounds, cipher.keyLength, prf);
  return decipher(cipher.name, key, iv, data);
}

/**
 * Checks the PFX MacData (RFC 7292 §4) over the authenticated content. An empty password is tried
 * as OpenSSL writes it both ways (terminator only, or no bytes); the secret keeps the form that fits.
 */
export function verifyMac(macData: DerCursor, secret: Pkcs12Secret, content: Uint8Array): void {
  const digestInfo = macData.enter();
  const hashOid = digestInfo.enter().oid();
  const expected = digestInfo.octets();
  const salt = macData.octets();
  const rounds = macData.done ? 1 : macData.integer();
  const hash = HASH_BY_OID[hashOid];
  if (hash === undefined) throw new DerError(`unsupported MAC digest ${hashOid}`);
  const macFits = (): boolean => {
    const key = pkcs12Kdf(hashOid, secret, salt, rounds, 3, hash.size);
    const actual = createHmac(hash.name, key).update(content).digest();
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  if (macFits()) return;
  if (secret.utf8.length === 0) {
    secret.bmp = Buffer.alloc(0);
    if (macFits()) return;
  }
  throw new Pkcs12Error('wrong-password', 'MAC check failed: wrong password');
}
