import { ProviderError } from './provider.js';

/** ML-KEM-768 sizes in bytes (FIPS 203 Table 3, §6). */
export const MLKEM768 = {
  encapsulationKey: 1184,
  ciphertext: 1088,
  sharedSecret: 32,
  /** d || z for ML-KEM.KeyGen_internal. */
  seed: 64,
  /** m for ML-KEM.Encaps_internal. */
  randomness: 32,
} as const;

/** Exact lengths are the first check of FIPS 203 §7.2 and §7.3 (the "type check"). */
export function checkMlKemLength(what: keyof typeof MLKEM768, bytes: Uint8Array): void {
  if (bytes.length !== MLKEM768[what]) {
    throw new ProviderError(`ML-KEM-768: ${what} is ${bytes.length} bytes, expected ${MLKEM768[what]}`);
  }
}
