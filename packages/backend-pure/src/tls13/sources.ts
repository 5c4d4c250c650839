import type { GroupName } from '@tlsport/core/spi';
import type { CryptoProvider, KeyShare } from '../crypto/provider.js';

/** Wall-clock time in ms since the epoch: ticket ages and certificate validity. Injected so tests replay exactly. */
export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
}

/** Every random value the protocol uses: randoms, session ids, ticket nonces, ephemeral key shares. */
export interface RandomSource {
  /** `length` random bytes (client/server randoms, session ids, ticket nonces). */
  bytes(length: number): Uint8Array;
  /** A fresh key pair for the group, for a key_share entry. */
  keyShare(group: GroupName): KeyShare;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The provider's CSPRNG and key generation. */
export function providerRandom(provider: CryptoProvider): RandomSource {
  return {
    bytes: (length) => provider.randomBytes(length),
    keyShare: (group) => provider.generateKeyShare(group),
  };
}
