import { x25519 } from '@noble/curves/ed25519.js';
import type { GroupName } from '@tlsport/core/spi';
import { ProviderError, type KeyShare, type KeyShareResponse } from '../provider.js';
import { isAllZero } from '../bytes.js';
import { X25519_KEY_LENGTH, checkNistPoint, checkX25519Length, dheResponse } from '../groupParams.js';
import { NOBLE_CURVES } from './nobleCurves.js';

/** X25519 on @noble/curves. */
class NobleX25519Share implements KeyShare {
  readonly group = 'x25519' as const;
  readonly publicKey: Uint8Array;

  constructor(private readonly secret: Uint8Array) {
    this.publicKey = x25519.getPublicKey(secret);
  }

  respond(clientPublicKey: Uint8Array): KeyShareResponse {
    return dheResponse(this, clientPublicKey);
  }

  agree(peerPublicKey: Uint8Array): Uint8Array {
    checkX25519Length(peerPublicKey);
    let shared: Uint8Array;
    try {
      shared = x25519.getSharedSecret(this.secret, peerPublicKey);
    } catch (cause) {
      throw new ProviderError(`x25519: key agreement failed (${(cause as Error).message})`);
    }
    if (isAllZero(shared)) throw new ProviderError('x25519: all-zero shared secret (RFC 8446 §7.4.2)');
    return shared;
  }
}

const NIST_KIND = { secp256r1: 'ec-p256', secp384r1: 'ec-p384' } as const;

/** secp256r1 / secp384r1 on @noble/curves; the shared secret is the x-coordinate (RFC 8446 §7.4.2). */
class NobleNistShare implements KeyShare {
  readonly publicKey: Uint8Array;
  private readonly curve: (typeof NOBLE_CURVES)[keyof typeof NOBLE_CURVES];

  constructor(readonly group: 'secp256r1' | 'secp384r1', private readonly secret: Uint8Array) {
    this.curve = NOBLE_CURVES[NIST_KIND[group]];
    this.publicKey = this.curve.getPublicKey(secret, false);
  }

  respond(clientPublicKey: Uint8Array): KeyShareResponse {
    return dheResponse(this, clientPublicKey);
  }

  agree(peerPublicKey: Uint8Array): Uint8Array {
    checkNistPoint(this.group, peerPublicKey);
    try {
      return this.curve.getSharedSecret(this.secret, peerPublicKey, true).subarray(1);
    } catch (cause) {
      throw new ProviderError(`${this.group}: invalid peer point (${(cause as Error).message})`);
    }
  }
}

function nistGroup(group: GroupName): 'secp256r1' | 'secp384r1' {
  if (group !== 'secp256r1' && group !== 'secp384r1') throw new ProviderError(`unsupported group ${String(group)}`);
  return group;
}

export function generateNobleKeyShare(group: GroupName): KeyShare {
  if (group === 'x25519') return new NobleX25519Share(x25519.utils.randomSecretKey());
  const nist = nistGroup(group);
  return new NobleNistShare(nist, NOBLE_CURVES[NIST_KIND[nist]].utils.randomSecretKey());
}

export function importNobleKeyShare(group: GroupName, privateKey: Uint8Array): KeyShare {
  if (group === 'x25519') {
    if (privateKey.length !== X25519_KEY_LENGTH) throw new ProviderError(`x25519: private key is ${privateKey.length} bytes, expected 32`);
    return new NobleX25519Share(Uint8Array.from(privateKey));
  }
  const nist = nistGroup(group);
  if (!NOBLE_CURVES[NIST_KIND[nist]].utils.isValidSecretKey(privateKey)) throw new ProviderError(`${group}: invalid private key`);
  return new NobleNistShare(nist, Uint8Array.from(privateKey));
}
