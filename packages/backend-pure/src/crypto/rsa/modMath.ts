/** Modular arithmetic on bigint for RSA. Not constant-time: private operations are blinded instead. */

/** base^exponent mod modulus, left-to-right with a 4-bit fixed window. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  const b = ((base % modulus) + modulus) % modulus;
  const table: bigint[] = [1n, b];
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * b) % modulus);
  const hex = exponent.toString(16);
  let result = 1n;
  for (const digit of hex) {
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    result = (result * table[parseInt(digit, 16)]!) % modulus;
  }
  return result;
}

/** a^-1 mod m by the extended Euclidean algorithm; undefined when gcd(a, m) != 1. */
export function modInverse(a: bigint, m: bigint): bigint | undefined {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return oldR === 1n ? ((oldS % m) + m) % m : undefined;
}
