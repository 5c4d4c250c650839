import { ProviderError, type PrivateKey, type PublicKey, type SignatureScheme } from '../provider.js';
import { HASH_LENGTH, type SignatureSchemeInfo } from '../signatureSchemes.js';
import { equalBytes } from '../bytes.js';
import { SchemeKey } from '../keys/SchemeKey.js';
import { bigIntToBytes, bitLength, bytesToBigInt } from '../keys/bigint.js';
import type { RsaPrivateParams } from '../keys/parsedKeys.js';
import { modInverse, modPow } from './modMath.js';
import { emsaPkcs1Encode } from './emsaPkcs1.js';
import { emsaPssEncode, emsaPssVerify, type Digest } from './emsaPss.js';

/** RSA keys below this size are refused outright; certificate policy (2048) is stricter. */
const MIN_RSA_BITS = 1024;

function checkPublic(n: bigint, e: bigint): number {
  const bits = bitLength(n);
  if (bits < MIN_RSA_BITS) throw new ProviderError(`RSA modulus of ${bits} bits is too small`);
  if (e < 3n || e % 2n === 0n || e >= n) throw new ProviderError('RSA public exponent is invalid');
  return bits;
}

/** RSASSA-PKCS1-v1_5 and RSASSA-PSS verification (RFC 8017 §8.1.2, §8.2.2) on bigint. */
export class RsaPublicKey extends SchemeKey implements PublicKey {
  private readonly length: number;

  constructor(private readonly n: bigint, private readonly e: bigint, pssOnly: boolean, private readonly digest: Digest) {
    const bits = checkPublic(n, e);
    super('rsa', bits, pssOnly);
    this.length = Math.ceil(bits / 8);
  }

  verify(scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array): boolean {
    const info = this.usable(scheme);
    if (info?.hash === undefined || signature.length !== this.length) return false;
    const s = bytesToBigInt(signature);
    if (s >= this.n) return false;
    const m = modPow(s, this.e, this.n);
    const mHash = this.digest(info.hash, data);
    if (info.family === 'rsa-pkcs1') {
      const expected = emsaPkcs1Encode(info.hash, mHash, this.length);
      const em = bigIntToBytes(m, this.length);
      return expected !== undefined && em !== undefined && equalBytes(em, expected);
    }
    const emBits = this.rsaBits! - 1;
    const em = bigIntToBytes(m, Math.ceil(emBits / 8));
    return em !== undefined && emsaPssVerify(this.digest, info.hash, mHash, em, emBits, HASH_LENGTH[info.hash]);
  }
}

/** RSA signing with CRT (RFC 8017 §5.2.1 2b), blinded against timing, checked against faults. */
export class RsaPrivateKey extends SchemeKey implements PrivateKey {
  private readonly length: number;

  constructor(
    private readonly params: RsaPrivateParams,
    pssOnly: boolean,
    private readonly digest: Digest,
    private readonly random: (length: number) => Uint8Array,
  ) {
    const bits = checkPublic(params.n, params.e);
    super('rsa', bits, pssOnly);
    this.length = Math.ceil(bits / 8);
  }

  sign(scheme: SignatureScheme, data: Uint8Array): Uint8Array {
    const info = this.usable(scheme);
    if (info?.hash === undefined) throw new ProviderError(`signature scheme 0x${scheme.toString(16)} does not fit an RSA key`);
    const em = this.encode(info, info.hash, this.digest(info.hash, data));
    if (em === undefined) throw new ProviderError(`RSA key of ${this.rsaBits} bits is too small for scheme 0x${scheme.toString(16)}`);
    return bigIntToBytes(this.privateOperation(bytesToBigInt(em)), this.length)!;
  }

  private encode(info: SignatureSchemeInfo, hash: NonNullable<SignatureSchemeInfo['hash']>, mHash: Uint8Array): Uint8Array | undefined {
    if (info.family === 'rsa-pkcs1') return emsaPkcs1Encode(hash, mHash, this.length);
    return emsaPssEncode(this.digest, hash, mHash, this.random(HASH_LENGTH[hash]), this.rsaBits! - 1);
  }

  /** m^d mod n through the CRT, on a blinded input (m * r^e), unblinded and verified. */
  private privateOperation(m: bigint): bigint {
    const { n, e, p, q, dp, dq, qInv } = this.params;
    const [r, rInverse] = this.blindingPair();
    const blinded = (m * modPow(r, e, n)) % n;
    const m1 = modPow(blinded % p, dp, p);
    const m2 = modPow(blinded % q, dq, q);
    const h = (((m1 - m2) % p + p) * qInv) % p;
    const s = ((m2 + h * q) * rInverse) % n;
    // A fault in the CRT halves would leak a prime (Boneh-DeMillo-Lipton): never release it unchecked.
    if (modPow(s, e, n) !== m) throw new ProviderError('RSA signature failed its self-check');
    return s;
  }

  private blindingPair(): [bigint, bigint] {
    const { n } = this.params;
    for (;;) {
      const r = bytesToBigInt(this.random(this.length)) % n;
      if (r < 2n) continue;
      const inverse = modInverse(r, n);
      if (inverse !== undefined) return [r, inverse];
    }
  }
}
