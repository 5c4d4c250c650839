import { randomFillSync } from 'node:crypto';

/** Bytes drawn from OpenSSL per refill: one call costs ~5 µs whether it fills 32 bytes or 4 KiB. */
const POOL_SIZE = 4096;
/** Longer requests skip the pool: it pays off only for many small ones. */
const MAX_POOLED = 256;

/**
 * node:crypto's CSPRNG drawn in 4 KiB blocks (as Node's own randomUUID caches its randomness): a
 * handshake asks for a handful of 32-byte values, each a separate OpenSSL call otherwise. Every
 * byte is handed out once, as a copy, and wiped from the pool as it leaves.
 */
export class RandomPool {
  private readonly pool = new Uint8Array(POOL_SIZE);
  private offset = POOL_SIZE;

  take(length: number): Uint8Array {
    if (length > MAX_POOLED) return randomFillSync(new Uint8Array(length));
    if (this.offset + length > POOL_SIZE) {
      randomFillSync(this.pool);
      this.offset = 0;
    }
    const end = this.offset + length;
    const bytes = this.pool.slice(this.offset, end);
    this.pool.fill(0, this.offset, end);
    this.offset = end;
    return bytes;
  }
}
