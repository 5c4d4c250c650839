import { Asn1Error } from './Asn1Error.js';

/** Decoders for the contents octets of primitive DER values (X.690 §8, §10, §11). */

export function decodeInteger(value: Uint8Array, what: string): bigint {
  checkMinimalInteger(value, what);
  let n = 0n;
  for (const b of value) n = (n << 8n) | BigInt(b);
  return value[0]! & 0x80 ? n - (1n << BigInt(value.length * 8)) : n;
}

/** A non-negative INTEGER's magnitude, big-endian, without the sign byte. */
export function decodeUnsigned(value: Uint8Array, what: string): Uint8Array {
  checkMinimalInteger(value, what);
  if (value[0]! & 0x80) throw new Asn1Error(`${what}: negative integer`);
  return value[0] === 0 && value.length > 1 ? value.subarray(1) : value;
}

function checkMinimalInteger(value: Uint8Array, what: string): void {
  if (value.length === 0) throw new Asn1Error(`${what}: empty integer`);
  if (value.length > 1 && ((value[0] === 0 && !(value[1]! & 0x80)) || (value[0] === 0xff && value[1]! & 0x80))) {
    throw new Asn1Error(`${what}: non-minimal integer`);
  }
}

export function decodeOid(value: Uint8Array, what: string): string {
  if (value.length === 0) throw new Asn1Error(`${what}: empty OID`);
  const arcs: number[] = [];
  let arc = 0;
  let fresh = true;
  for (const b of value) {
    if (fresh && b === 0x80) throw new Asn1Error(`${what}: non-minimal OID arc`);
    if (arc > 2 ** 45) throw new Asn1Error(`${what}: OID arc too large`);
    arc = arc * 128 + (b & 0x7f);
    fresh = !(b & 0x80);
    if (fresh) {
      arcs.push(arc);
      arc = 0;
    }
  }
  if (!fresh) throw new Asn1Error(`${what}: truncated OID`);
  const first = arcs[0]!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs.slice(1)].join('.');
}

export interface BitString {
  readonly bytes: Uint8Array;
  readonly unusedBits: number;
}

export function decodeBitString(value: Uint8Array, what: string): BitString {
  if (value.length === 0) throw new Asn1Error(`${what}: empty BIT STRING`);
  const unusedBits = value[0]!;
  if (unusedBits > 7 || (value.length === 1 && unusedBits !== 0)) throw new Asn1Error(`${what}: bad unused-bit count`);
  const bytes = value.subarray(1);
  // DER: the unused trailing bits are zero (X.690 §11.2.1).
  if (bytes.length > 0 && bytes[bytes.length - 1]! & ((1 << unusedBits) - 1)) throw new Asn1Error(`${what}: non-zero unused bits`);
  return { bytes, unusedBits };
}

/** DER booleans are exactly 0x00 or 0xff (X.690 §11.1). */
export function decodeBoolean(value: Uint8Array, what: string): boolean {
  if (value.length !== 1 || (value[0] !== 0 && value[0] !== 0xff)) throw new Asn1Error(`${what}: bad BOOLEAN`);
  return value[0] === 0xff;
}
