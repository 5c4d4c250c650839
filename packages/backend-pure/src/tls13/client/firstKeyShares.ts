import type { GroupName } from '@tlsport/core/spi';
import type { KeyShare } from '../../crypto/provider.js';
import { HybridKeyShare } from '../../crypto/hybridKeyShare.js';
import type { RandomSource } from '../sources.js';

/**
 * The key shares of the first ClientHello: one for the most preferred group; when that is a hybrid
 * whose ECDHE group the client also supports, that group's share beside it, so a server without
 * the hybrid needs no HelloRetryRequest. As OpenSSL 3.5 and the browsers do, the one ephemeral
 * ECDHE key serves both (draft-ietf-tls-ecdhe-mlkem §4.1 lets a client reuse it).
 */
export function firstKeyShares(random: RandomSource, groups: readonly GroupName[]): KeyShare[] {
  const first = random.keyShare(groups[0]!);
  if (first instanceof HybridKeyShare && groups.includes(first.classical.group)) return [first, first.classical];
  return [first];
}
