import { createECDH, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, type ECDH, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { GroupName } from '@tlsport/core/spi';
import { ProviderError, type KeyShare, type KeyShareResponse } from '../provider.js';
import { asBytes, concatBytes, isAllZero } from '../bytes.js';
import { NIST_GROUPS, X25519_KEY_LENGTH, checkNistPoint, checkX25519Length, dheResponse } from '../groupParams.js';

/** DER prefix that wraps a raw 32-byte X25519 private key as PKCS#8 (RFC 8410 §7). */
const X25519_PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);

/** generateKeyPairSync with only the public half encoded; @types/node types encodings only in pairs. */
const generateX25519 = generateKeyPairSync as unknown as (
  type: 'x25519',
  options: { publicKeyEncoding: { format: 'jwk' } },
) => { publicKey: JsonWebKey; privateKey: KeyObject };

/**
 * X25519 on node:crypto KeyObjects. Public keys cross the boundary as JWK (RFC 8037 OKP): OpenSSL
 * 3's DER decoders cost several times more than the JWK path for the same raw 32 bytes.
 */
class NodeX25519Share implements KeyShare {
  readonly group = 'x25519' as const;
  readonly publicKey: Uint8Array;

  constructor(private readonly privateKey: KeyObject, publicJwk: JsonWebKey) {
    this.publicKey = Uint8Array.from(Buffer.from(publicJwk.x ?? '', 'base64url'));
  }

  respond(clientPublicKey: Uint8Array): KeyShareResponse {
    return dheResponse(this, clientPublicKey);
  }

  agree(peerPublicKey: Uint8Array): Uint8Array {
    checkX25519Length(peerPublicKey);
    let secret: Uint8Array;
    try {
      const x = Buffer.from(peerPublicKey.buffer, peerPublicKey.byteOffset, peerPublicKey.byteLength).toString('base64url');
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });
      secret = asBytes(diffieHellman({ privateKey: this.privateKey, publicKey }));
    } catch (cause) {
      // OpenSSL refuses an all-zero result itself; either way it is the peer's bad point.
      throw new ProviderError(`x25519: key agreement failed (${(cause as Error).message})`);
    }
    if (isAllZero(secret)) throw new ProviderError('x25519: all-zero shared secret (RFC 8446 §7.4.2)');
    return secret;
  }
}

/** secp256r1 / secp384r1 on node:crypto ECDH; peer points must be uncompressed and on the curve. */
class NodeNistShare implements KeyShare {
  readonly publicKey: Uint8Array;

  constructor(readonly group: 'secp256r1' | 'secp384r1', private readonly ecdh: ECDH) {
    this.publicKey = asBytes(ecdh.getPublicKey(null, 'uncompressed'));
  }

  respond(clientPublicKey: Uint8Array): KeyShareResponse {
    return dheResponse(this, clientPublicKey);
  }

  agree(peerPublicKey: Uint8Array): Uint8Array {
    checkNistPoint(this.group, peerPublicKey);
    try {
      return asBytes(this.ecdh.computeSecret(peerPublicKey));
    } catch (cause) {
      throw new ProviderError(`${this.group}: invalid peer point (${(cause as Error).message})`);
    }
  }
}

export function generateNodeKeyShare(group: GroupName): KeyShare {
  if (group === 'x25519') {
    const { privateKey, publicKey } = generateX25519('x25519', { publicKeyEncoding: { format: 'jwk' } });
    return new NodeX25519Share(privateKey, publicKey);
  }
  const nist = nistGroup(group);
  const ecdh = createECDH(NIST_GROUPS[nist]!.nodeCurve);
  ecdh.generateKeys();
  return new NodeNistShare(nist, ecdh);
}

export function importNodeKeyShare(group: GroupName, privateKey: Uint8Array): KeyShare {
  if (group === 'x25519') {
    if (privateKey.length !== X25519_KEY_LENGTH) throw new ProviderError(`x25519: private key is ${privateKey.length} bytes, expected 32`);
    const key = createPrivateKey({ key: Buffer.from(concatBytes(X25519_PKCS8_PREFIX, privateKey)), format: 'der', type: 'pkcs8' });
    return new NodeX25519Share(key, createPublicKey(key).export({ format: 'jwk' }));
  }
  const nist = nistGroup(group);
  const params = NIST_GROUPS[nist]!;
  if (privateKey.length !== params.scalarLength) {
    throw new ProviderError(`${group}: private key is ${privateKey.length} bytes, expected ${params.scalarLength}`);
  }
  const ecdh = createECDH(params.nodeCurve);
  try {
    ecdh.setPrivateKey(privateKey);
  } catch (cause) {
    throw new ProviderError(`${group}: invalid private key (${(cause as Error).message})`);
  }
  return new NodeNistShare(nist, ecdh);
}

function nistGroup(group: GroupName): 'secp256r1' | 'secp384r1' {
  if (group !== 'secp256r1' && group !== 'secp384r1') throw new ProviderError(`unsupported group ${String(group)}`);
  return group;
}
