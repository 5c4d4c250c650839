import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { ProviderError, type MlKem768, type MlKemEncapsulation, type MlKemKeyPair } from '../provider.js';
import { checkMlKemLength } from '../mlkemParams.js';
import { randomBytes } from './random.js';

/**
 * ML-KEM-768 on @noble/post-quantum. Lengths are checked here first, so noble's own errors can
 * only mean a failed modulus check; they become ProviderError.
 */
export class NobleMlKem implements MlKem768 {
  generateKeyPair(seed?: Uint8Array): MlKemKeyPair {
    if (seed !== undefined) checkMlKemLength('seed', seed);
    const { publicKey, secretKey } = ml_kem768.keygen(seed === undefined ? randomBytes(64) : Uint8Array.from(seed));
    return {
      encapsulationKey: publicKey,
      decapsulate(ciphertext) {
        checkMlKemLength('ciphertext', ciphertext);
        return ml_kem768.decapsulate(ciphertext, secretKey);
      },
    };
  }

  encapsulate(encapsulationKey: Uint8Array, randomness?: Uint8Array): MlKemEncapsulation {
    checkMlKemLength('encapsulationKey', encapsulationKey);
    if (randomness !== undefined) checkMlKemLength('randomness', randomness);
    try {
      const { cipherText, sharedSecret } = ml_kem768.encapsulate(encapsulationKey, randomness ?? randomBytes(32));
      return { ciphertext: cipherText, sharedSecret };
    } catch (cause) {
      throw new ProviderError(`ML-KEM-768: encapsulation key refused (${(cause as Error).message}; FIPS 203 §7.2 modulus check)`);
    }
  }
}
