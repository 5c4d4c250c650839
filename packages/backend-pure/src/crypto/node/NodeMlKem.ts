import * as nodeCrypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { ProviderError, type MlKem768, type MlKemEncapsulation, type MlKemKeyPair } from '../provider.js';
import { asBytes } from '../bytes.js';
import { checkMlKemLength } from '../mlkemParams.js';
import { NobleMlKem } from '../noble/NobleMlKem.js';

/**
 * node:crypto's ML-KEM (Node 24.7+ on OpenSSL 3.5, with raw key formats), typed here because
 * the @types/node the project builds against predates it.
 */
interface NodeKem {
  encapsulate(key: KeyObject): { sharedKey: Buffer; ciphertext: Buffer };
  decapsulate(key: KeyObject, ciphertext: Uint8Array): Buffer;
  createPublicKey(options: { key: Uint8Array; format: 'raw-public'; asymmetricKeyType: 'ml-kem-768' }): KeyObject;
  createPrivateKey(options: { key: Uint8Array; format: 'raw-seed'; asymmetricKeyType: 'ml-kem-768' }): KeyObject;
  generateKeyPairSync(type: 'ml-kem-768'): { publicKey: KeyObject; privateKey: KeyObject };
}

const kem = nodeCrypto as unknown as NodeKem;
const exportRaw = (key: KeyObject): Uint8Array => asBytes((key as unknown as { export(o: { format: 'raw-public' }): Buffer }).export({ format: 'raw-public' }));

/** Whether the running Node has ML-KEM-768 with the raw formats this provider needs. */
export function nodeHasMlKem(): boolean {
  if (typeof kem.encapsulate !== 'function' || typeof kem.decapsulate !== 'function') return false;
  try {
    return exportRaw(kem.createPublicKey({ key: exportRaw(kem.generateKeyPairSync('ml-kem-768').publicKey), format: 'raw-public', asymmetricKeyType: 'ml-kem-768' })).length === 1184;
  } catch {
    return false;
  }
}

/**
 * ML-KEM-768 on node:crypto (OpenSSL 3.5 checks the modulus when it imports an encapsulation
 * key). node:crypto takes no injected randomness, so encapsulation with a given m (test vectors
 * only) checks the key here and computes on @noble/post-quantum.
 */
export class NodeMlKem implements MlKem768 {
  private readonly portable = new NobleMlKem();

  generateKeyPair(seed?: Uint8Array): MlKemKeyPair {
    if (seed !== undefined) checkMlKemLength('seed', seed);
    const privateKey = seed === undefined
      ? kem.generateKeyPairSync('ml-kem-768').privateKey
      : kem.createPrivateKey({ key: seed, format: 'raw-seed', asymmetricKeyType: 'ml-kem-768' });
    return {
      encapsulationKey: exportRaw(nodeCrypto.createPublicKey(privateKey)),
      decapsulate(ciphertext) {
        checkMlKemLength('ciphertext', ciphertext);
        return asBytes(kem.decapsulate(privateKey, ciphertext));
      },
    };
  }

  encapsulate(encapsulationKey: Uint8Array, randomness?: Uint8Array): MlKemEncapsulation {
    checkMlKemLength('encapsulationKey', encapsulationKey);
    let key: KeyObject;
    try {
      key = kem.createPublicKey({ key: encapsulationKey, format: 'raw-public', asymmetricKeyType: 'ml-kem-768' });
    } catch (cause) {
      throw new ProviderError(`ML-KEM-768: encapsulation key refused (${(cause as Error).message}; FIPS 203 §7.2 modulus check)`);
    }
    if (randomness !== undefined) return this.portable.encapsulate(encapsulationKey, randomness);
    const { sharedKey, ciphertext } = kem.encapsulate(key);
    return { ciphertext: asBytes(ciphertext), sharedSecret: asBytes(sharedKey) };
  }
}
