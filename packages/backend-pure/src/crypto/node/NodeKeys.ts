import { constants, createPrivateKey, createPublicKey, sign, verify, type KeyObject, type SignKeyObjectInput } from 'node:crypto';
import { ProviderError, type KeyKind, type PrivateKey, type PublicKey, type SignatureScheme } from '../provider.js';
import { HASH_LENGTH, type KeyFlavour, type SignatureSchemeInfo } from '../signatureSchemes.js';
import { asBytes } from '../bytes.js';
import { SchemeKey } from '../keys/SchemeKey.js';
import { spkiAsJwk } from './spkiAsJwk.js';

const CURVES: Readonly<Record<string, KeyKind>> = { prime256v1: 'ec-p256', secp384r1: 'ec-p384' };

interface Described extends KeyFlavour {
  readonly rsaBits: number | undefined;
}

/** What a node KeyObject is, or ProviderError when tlsport cannot use it. */
function describe(key: KeyObject): Described {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return { kind: 'rsa', rsaPssOnly: key.asymmetricKeyType === 'rsa-pss', rsaBits: details.modulusLength };
    case 'ec': {
      const kind = CURVES[details.namedCurve ?? ''];
      if (kind === undefined) throw new ProviderError(`unsupported EC curve ${details.namedCurve ?? '(unnamed)'}`);
      return { kind, rsaPssOnly: false, rsaBits: undefined };
    }
    case 'ed25519':
      return { kind: 'ed25519', rsaPssOnly: false, rsaBits: undefined };
    default:
      throw new ProviderError(`unsupported key type ${key.asymmetricKeyType ?? '(unknown)'}`);
  }
}

/** The node:crypto options that make `info` happen with `key`. */
function signOptions(info: SignatureSchemeInfo, key: KeyObject): SignKeyObjectInput {
  switch (info.family) {
    case 'ecdsa':
      return { key, dsaEncoding: 'der' };
    case 'rsa-pkcs1':
      return { key, padding: constants.RSA_PKCS1_PADDING };
    case 'rsa-pss-rsae':
    case 'rsa-pss-pss':
      // Salt as long as the digest, MGF1 with the same digest (RFC 8446 §4.2.3).
      return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: HASH_LENGTH[info.hash!] };
    case 'ed25519':
      return { key };
  }
}

/** Builds the shared key description from a node KeyObject. */
abstract class NodeKey extends SchemeKey {
  protected constructor(protected readonly key: KeyObject) {
    const described = describe(key);
    super(described.kind, described.rsaBits, described.rsaPssOnly);
  }
}

export class NodePrivateKey extends NodeKey implements PrivateKey {
  constructor(key: KeyObject) {
    super(key);
  }

  sign(scheme: SignatureScheme, data: Uint8Array): Uint8Array {
    const info = this.usable(scheme);
    if (info === undefined) throw new ProviderError(`signature scheme 0x${scheme.toString(16)} does not fit a ${this.kind} key`);
    return asBytes(sign(info.hash ?? null, data, signOptions(info, this.key)));
  }
}

export class NodePublicKey extends NodeKey implements PublicKey {
  constructor(key: KeyObject) {
    super(key);
  }

  verify(scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array): boolean {
    const info = this.usable(scheme);
    if (info === undefined) return false;
    // RFC 8017 §8.2.2 / §8.1.2: an RSA signature is exactly k octets. OpenSSL also takes shorter
    // ones (a dropped leading zero), which the portable provider rightly rejects: be as strict.
    if (this.rsaBits !== undefined && signature.length !== Math.ceil(this.rsaBits / 8)) return false;
    try {
      return verify(info.hash ?? null, data, signOptions(info, this.key), signature);
    } catch {
      return false;
    }
  }
}

export function importNodePrivateKey(pemOrDer: string | Uint8Array): NodePrivateKey {
  let key: KeyObject;
  try {
    key = typeof pemOrDer === 'string'
      ? createPrivateKey({ key: pemOrDer, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(pemOrDer), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new ProviderError(`cannot read private key: ${(cause as Error).message}`);
  }
  return new NodePrivateKey(key);
}

export function importNodePublicKey(spki: Uint8Array): NodePublicKey {
  const jwk = spkiAsJwk(spki);
  if (jwk !== undefined) {
    try {
      return new NodePublicKey(createPublicKey({ key: jwk, format: 'jwk' }));
    } catch {
      // Whatever the JWK path refuses, the DER path below refuses too, and says why.
    }
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new ProviderError(`cannot read SubjectPublicKeyInfo: ${(cause as Error).message}`);
  }
  return new NodePublicKey(key);
}
