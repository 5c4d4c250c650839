import type { GroupName } from '@tlsport/core/spi';
import { ProviderError, type KeyShare, type KeyShareResponse } from './provider.js';

export const X25519_KEY_LENGTH = 32;

export interface NistGroupParams {
  /** Bytes of a scalar and of one coordinate. */
  readonly scalarLength: number;
  readonly nodeCurve: string;
}

export const NIST_GROUPS: Readonly<Partial<Record<GroupName, NistGroupParams>>> = {
  secp256r1: { scalarLength: 32, nodeCurve: 'prime256v1' },
  secp384r1: { scalarLength: 48, nodeCurve: 'secp384r1' },
};

export function checkX25519Length(peerPublicKey: Uint8Array): void {
  if (peerPublicKey.length !== X25519_KEY_LENGTH) {
    throw new ProviderError(`x25519: public key is ${peerPublicKey.length} bytes, expected 32`);
  }
}

/** TLS carries NIST points uncompressed only (RFC 8446 §4.2.8.2): 0x04 || X || Y. */
export function checkNistPoint(group: GroupName, point: Uint8Array): void {
  const params = NIST_GROUPS[group];
  if (params === undefined) throw new ProviderError(`unsupported group ${String(group)}`);
  if (point.length !== 1 + 2 * params.scalarLength || point[0] !== 0x04) {
    throw new ProviderError(`${group}: public key is not an uncompressed point of ${1 + 2 * params.scalarLength} bytes`);
  }
}

/** (EC)DHE answers a client's share with its own public key (RFC 8446 §4.2.8). */
export function dheResponse(share: KeyShare, clientPublicKey: Uint8Array): KeyShareResponse {
  return { publicKey: share.publicKey, sharedSecret: share.agree(clientPublicKey) };
}
