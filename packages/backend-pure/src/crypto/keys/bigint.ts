/** Big-endian unsigned bytes <-> bigint (RFC 8017 §4: OS2IP, I2OSP). */

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** I2OSP: undefined when `n` does not fit in `length` bytes. */
export function bigIntToBytes(n: bigint, length: number): Uint8Array | undefined {
  if (n < 0n || n >> BigInt(length * 8) !== 0n) return undefined;
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

export function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}
