import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { HashName } from '../provider.js';

export const NOBLE_HASHES = { sha256, sha384, sha512 } as const satisfies Record<HashName, unknown>;

export function nobleDigest(name: HashName, data: Uint8Array): Uint8Array {
  return NOBLE_HASHES[name](data);
}
