/** Lowercase hex: serial numbers, unreadable name values, and map keys for DER names. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
