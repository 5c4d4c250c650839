import { firstKeyShareGroups, type GroupName } from '@tlsport/core/spi';
import type { KeyShare } from '../../crypto/provider.js';
import { HybridKeyShare } from '../../crypto/hybridKeyShare.js';
import type { RandomSource } from '../sources.js';

/**
 * The key shares of the first ClientHello, for the groups core's firstKeyShareGroups names (the
 * rule every backend follows): the most preferred group, and beside a hybrid its ECDHE half, so
 * a server without the hybrid needs no HelloRetryRequest. As OpenSSL 3.5 and the browsers do, the
 * one ephemeral ECDHE key serves both (draft-ietf-tls-ecdhe-mlkem §4.1 lets a client reuse it).
 */
export function firstKeyShares(random: RandomSource, groups: readonly GroupName[]): KeyShare[] {
  const [first, beside] = firstKeyShareGroups(groups);
  const share = random.keyShare(first!);
  return beside !== undefined && share instanceof HybridKeyShare ? [share, share.classical] : [share];
}
