import { ed25519 } from '@noble/curves/ed25519.js';
import { ProviderError, type PrivateKey, type PublicKey, type SignatureScheme } from '../provider.js';
import { SchemeKey } from '../keys/SchemeKey.js';
import { EC_FIELD_LENGTH, type EcKind } from '../keys/parsedKeys.js';
import { parseSpki } from '../keys/parseSpki.js';
import { parsePrivateKey } from '../keys/parsePrivateKey.js';
import { RsaPrivateKey, RsaPublicKey } from '../rsa/RsaKeys.js';
import { nobleDigest } from './nobleHashes.js';
import { NOBLE_CURVES } from './nobleCurves.js';
import { randomBytes } from './random.js';

/** ECDSA over the key's curve with the scheme's hash; signatures DER, hedged nonces (RFC 6979 §3.6). */
class NobleEcPrivateKey extends SchemeKey implements PrivateKey {
  constructor(kind: EcKind, private readonly scalar: Uint8Array) {
    super(kind, undefined, false);
    if (!NOBLE_CURVES[kind].utils.isValidSecretKey(scalar)) throw new ProviderError(`${kind}: invalid private scalar`);
  }

  sign(scheme: SignatureScheme, data: Uint8Array): Uint8Array {
    const info = this.usable(scheme);
    if (info?.hash === undefined) throw new ProviderError(`signature scheme 0x${scheme.toString(16)} does not fit a ${this.kind} key`);
    const curve = NOBLE_CURVES[this.kind as EcKind];
    return curve.sign(nobleDigest(info.hash, data), this.scalar, { prehash: false, format: 'der', extraEntropy: true });
  }
}

class NobleEcPublicKey extends SchemeKey implements PublicKey {
  constructor(kind: EcKind, private readonly point: Uint8Array) {
    super(kind, undefined, false);
    if (!NOBLE_CURVES[kind].utils.isValidPublicKey(point, point.length === 1 + EC_FIELD_LENGTH[kind])) {
      throw new ProviderError(`${kind}: public key is not a point on the curve`);
    }
  }

  verify(scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array): boolean {
    const info = this.usable(scheme);
    if (info?.hash === undefined) return false;
    try {
      // lowS off: TLS and X.509 accept either half of s, as OpenSSL does.
      return NOBLE_CURVES[this.kind as EcKind].verify(signature, nobleDigest(info.hash, data), this.point, { prehash: false, format: 'der', lowS: false });
    } catch {
      return false;
    }
  }
}

class NobleEd25519PrivateKey extends SchemeKey implements PrivateKey {
  constructor(private readonly seed: Uint8Array) {
    super('ed25519', undefined, false);
  }

  sign(scheme: SignatureScheme, data: Uint8Array): Uint8Array {
    if (this.usable(scheme) === undefined) throw new ProviderError(`signature scheme 0x${scheme.toString(16)} does not fit an ed25519 key`);
    return ed25519.sign(data, this.seed);
  }
}

class NobleEd25519PublicKey extends SchemeKey implements PublicKey {
  constructor(private readonly key: Uint8Array) {
    super('ed25519', undefined, false);
  }

  verify(scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array): boolean {
    if (this.usable(scheme) === undefined) return false;
    try {
      // zip215 off: the strict RFC 8032 §5.1.7 rules, as OpenSSL applies them.
      return ed25519.verify(signature, data, this.key, { zip215: false });
    } catch {
      return false;
    }
  }
}

export function importNoblePrivateKey(pemOrDer: string | Uint8Array): PrivateKey {
  const parsed = parsePrivateKey(pemOrDer);
  switch (parsed.type) {
    case 'rsa':
      return new RsaPrivateKey(parsed, parsed.pssOnly, nobleDigest, randomBytes);
    case 'ec':
      return new NobleEcPrivateKey(parsed.kind, Uint8Array.from(parsed.scalar));
    case 'ed25519':
      return new NobleEd25519PrivateKey(Uint8Array.from(parsed.seed));
  }
}

export function importNoblePublicKey(spki: Uint8Array): PublicKey {
  const parsed = parseSpki(spki);
  switch (parsed.type) {
    case 'rsa':
      return new RsaPublicKey(parsed.n, parsed.e, parsed.pssOnly, nobleDigest);
    case 'ec':
      return new NobleEcPublicKey(parsed.kind, Uint8Array.from(parsed.point));
    case 'ed25519':
      return new NobleEd25519PublicKey(Uint8Array.from(parsed.key));
  }
}
