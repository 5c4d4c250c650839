import { GROUPS, type GroupName } from './suites.js';

/**
 * The groups a client's first ClientHello carries key shares for, given its groups in preference
 * order: the first; and when that is a hybrid whose ECDHE half the client also enables, that
 * half beside it, so a server without the hybrid answers without a HelloRetryRequest (as OpenSSL
 * 3.5 and the browsers send X25519MLKEM768 with x25519). One rule for every backend: pure builds
 * its shares from it, the OpenSSL-based backends mark these groups in their group list.
 */
export function firstKeyShareGroups(groups: readonly GroupName[]): GroupName[] {
  const first = groups[0];
  if (first === undefined) return [];
  const classical = GROUPS.find((g) => g.name === first)?.classical;
  return classical !== undefined && groups.includes(classical) ? [first, classical] : [first];
}
