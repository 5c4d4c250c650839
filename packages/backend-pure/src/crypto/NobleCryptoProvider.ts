import { hmac } from '@noble/hashes/hmac.js';
import type { GroupName } from '@tlsport/core/spi';
import type { Aead, AeadName, CryptoProvider, Hash, HashName, KeyShare, MlKem768, PrivateKey, PublicKey } from './provider.js';
import { hkdfExpand, hkdfExtract } from './hkdf.js';
import { NOBLE_HASHES, nobleDigest } from './noble/nobleHashes.js';
import { NobleHash } from './noble/NobleHash.js';
import { NobleAead } from './noble/NobleAead.js';
import { generateNobleKeyShare, importNobleKeyShare } from './noble/NobleKeyShare.js';
import { importNoblePrivateKey, importNoblePublicKey } from './noble/NobleKeys.js';
import { randomBytes } from './noble/random.js';
import { NobleMlKem } from './noble/NobleMlKem.js';
import { generateHybridKeyShare } from './hybridKeyShare.js';

/**
 * The portable provider: audited pure-JS @noble/* primitives, RSA on bigint, key parsing on
 * tlsport's own DER reader. Nothing here needs node:crypto.
 */
export class NobleCryptoProvider implements CryptoProvider {
  readonly name = 'noble';
  readonly mlkem768: MlKem768 = new NobleMlKem();

  hash(name: HashName): Hash {
    return NobleHash.create(name);
  }

  digest(name: HashName, data: Uint8Array): Uint8Array {
    return nobleDigest(name, data);
  }

  hmac(name: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
    return hmac(NOBLE_HASHES[name], key, data);
  }

  hkdfExtract(name: HashName, salt: Uint8Array, ikm: Uint8Array): Uint8Array {
    return hkdfExtract((h, k, d) => this.hmac(h, k, d), name, salt, ikm);
  }

  hkdfExpand(name: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
    return hkdfExpand((h, k, d) => this.hmac(h, k, d), name, prk, info, length);
  }

  aead(name: AeadName, key: Uint8Array): Aead {
    return new NobleAead(name, key);
  }

  generateKeyShare(group: GroupName): KeyShare {
    return generateHybridKeyShare(group, this.mlkem768, generateNobleKeyShare) ?? generateNobleKeyShare(group);
  }

  importKeyShare(group: GroupName, privateKey: Uint8Array): KeyShare {
    return importNobleKeyShare(group, privateKey);
  }

  randomBytes(length: number): Uint8Array {
    return randomBytes(length);
  }

  importPrivateKey(pemOrDer: string | Uint8Array): PrivateKey {
    return importNoblePrivateKey(pemOrDer);
  }

  importPublicKey(spki: Uint8Array): PublicKey {
    return importNoblePublicKey(spki);
  }
}
