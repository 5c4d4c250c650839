/** Web Crypto's CSPRNG (globalThis.crypto: Node 20, browsers, Deno, Bun). */

/** getRandomValues fills at most 65536 bytes per call. */
const MAX_CHUNK = 65536;

export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += MAX_CHUNK) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + MAX_CHUNK)));
  }
  return out;
}
