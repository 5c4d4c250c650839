import { createHash, createHmac } from 'node:crypto';
import type { GroupName } from '@tlsport/core/spi';
import type { Aead, AeadName, CryptoProvider, Hash, HashName, KeyShare, MlKem768, PrivateKey, PublicKey } from './provider.js';
import { asBytes } from './bytes.js';
import { hkdfExpand, hkdfExtract } from './hkdf.js';
import { NodeHash } from './node/NodeHash.js';
import { NodeAead } from './node/NodeAead.js';
import { RandomPool } from './node/RandomPool.js';
import { generateNodeKeyShare, importNodeKeyShare } from './node/NodeKeyShare.js';
import { importNodePrivateKey, importNodePublicKey } from './node/NodeKeys.js';
import { NodeMlKem, nodeHasMlKem } from './node/NodeMlKem.js';
import { NobleMlKem } from './noble/NobleMlKem.js';
import { generateHybridKeyShare } from './hybridKeyShare.js';

/** The provider on node:crypto (OpenSSL): the fast default on Node. */
export class NodeCryptoProvider implements CryptoProvider {
  readonly name = 'node';
  /** node:crypto's ML-KEM where the running Node has it (24.7+), @noble/post-quantum otherwise. */
  readonly mlkem768: MlKem768 = nodeHasMlKem() ? new NodeMlKem() : new NobleMlKem();
  private readonly random = new RandomPool();

  hash(name: HashName): Hash {
    return NodeHash.create(name);
  }

  digest(name: HashName, data: Uint8Array): Uint8Array {
    return asBytes(createHash(name).update(data).digest());
  }

  hmac(name: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
    return asBytes(createHmac(name, key).update(data).digest());
  }

  hkdfExtract(name: HashName, salt: Uint8Array, ikm: Uint8Array): Uint8Array {
    return hkdfExtract((h, k, d) => this.hmac(h, k, d), name, salt, ikm);
  }

  hkdfExpand(name: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
    return hkdfExpand((h, k, d) => this.hmac(h, k, d), name, prk, info, length);
  }

  aead(name: AeadName, key: Uint8Array): Aead {
    return new NodeAead(name, key);
  }

  generateKeyShare(group: GroupName): KeyShare {
    return generateHybridKeyShare(group, this.mlkem768, generateNodeKeyShare) ?? generateNodeKeyShare(group);
  }

  importKeyShare(group: GroupName, privateKey: Uint8Array): KeyShare {
    return importNodeKeyShare(group, privateKey);
  }

  randomBytes(length: number): Uint8Array {
    return this.random.take(length);
  }

  importPrivateKey(pemOrDer: string | Uint8Array): PrivateKey {
    return importNodePrivateKey(pemOrDer);
  }

  importPublicKey(spki: Uint8Array): PublicKey {
    return importNodePublicKey(spki);
  }
}
