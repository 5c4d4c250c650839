import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { ProviderError, type CryptoProvider, type MlKemEncapsulation } from '../../src/crypto/index.js';
import { hexField, type WycheproofCase } from './wycheproof.js';
import { REJECTED, accepted, eachCase, equal, type Outcome, type Runner } from './wycheproofJudge.js';

/** The ek of a case when it has one (the short-seed decapsulation cases have none). */
const optionalHex = (c: WycheproofCase, field: string): Uint8Array | undefined => (typeof c[field] === 'string' ? hexField(c, field) : undefined);

/**
 * ML-KEM-768 KeyGen from the seed d || z (FIPS 203 §6.1). The provider exposes no dk, so the
 * vector's dk is checked by what it does: a ciphertext to ek and a corrupted copy (the implicit
 * rejection path, which depends on z) must decapsulate as the reference does under that dk.
 */
const keygenRunner: Runner = {
  minimumRun: 100,
  run(provider, file, tally) {
    eachCase(file, (_group, c) => {
      tally.judge(c, () => {
        const pair = provider.mlkem768.generateKeyPair(hexField(c, 'seed'));
        const [ek, dk] = [hexField(c, 'ek'), hexField(c, 'dk')];
        const { cipherText } = ml_kem768.encapsulate(ek, new Uint8Array(32).fill(c.tcId));
        const corrupted = Uint8Array.from(cipherText);
        corrupted[0]! ^= 1;
        const sameAsReference = [cipherText, corrupted].every((ct) => equal(pair.decapsulate(ct), ml_kem768.decapsulate(ct, dk)));
        return accepted(equal(pair.encapsulationKey, ek) && sameAsReference);
      });
    });
  },
};

/**
 * ML-KEM.Encaps (FIPS 203 §7.2) with the vector's m, and with fresh randomness (node:crypto's own
 * path where it has one): an invalid key (wrong length, coefficient not reduced mod q) must be
 * refused by both; a key one path accepts and the other refuses is a failure either way.
 */
function encapsulateBothWays(provider: CryptoProvider, c: WycheproofCase): Outcome {
  const ek = hexField(c, 'ek');
  const attempts: Array<() => MlKemEncapsulation> = [() => provider.mlkem768.encapsulate(ek, hexField(c, 'm')), () => provider.mlkem768.encapsulate(ek)];
  const results: MlKemEncapsulation[] = [];
  for (const attempt of attempts) {
    try {
      results.push(attempt());
    } catch (cause) {
      if (!(cause instanceof ProviderError)) throw cause;
    }
  }
  if (results.length === 0) return REJECTED;
  const [given, fresh] = results;
  if (fresh === undefined) return accepted(false);
  return accepted(equal(given!.ciphertext, hexField(c, 'c')) && equal(given!.sharedSecret, hexField(c, 'K')) && fresh.ciphertext.length === 1088 && fresh.sharedSecret.length === 32);
}

const encapsRunner: Runner = {
  minimumRun: 265,
  run(provider, file, tally) {
    eachCase(file, (_group, c) => tally.judge(c, () => encapsulateBothWays(provider, c)));
  },
};

/**
 * ML-KEM.Decaps (FIPS 203 §7.3) with the key from the seed: wrong seed or ciphertext lengths are
 * refused; modified ciphertexts are valid cases whose K is the implicit-rejection key.
 */
const decapsRunner: Runner = {
  minimumRun: 193,
  run(provider, file, tally) {
    eachCase(file, (_group, c) => {
      tally.judge(c, () => {
        const pair = provider.mlkem768.generateKeyPair(hexField(c, 'seed'));
        const ek = optionalHex(c, 'ek');
        const key = pair.decapsulate(hexField(c, 'c'));
        return accepted(equal(key, hexField(c, 'K')) && (ek === undefined || equal(pair.encapsulationKey, ek)));
      });
    });
  },
};

export const MLKEM_RUNNERS: Readonly<Record<string, Runner>> = {
  'mlkem_768_keygen_seed_test.json': keygenRunner,
  'mlkem_768_encaps_test.json': encapsRunner,
  'mlkem_768_test.json': decapsRunner,
};
