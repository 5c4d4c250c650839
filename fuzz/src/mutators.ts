import { lengthFields } from './records.js';
import type { Rng } from './rng.js';

/** One byte-level mutation of a genuine record; `donors` are other records to splice from. */
export type Mutator = (input: Uint8Array, rng: Rng, donors: readonly Uint8Array[]) => Uint8Array;

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0x3fff, 0x4000, 0x4001, 0x4100, 0x4200, 0xffff];

function flip(input: Uint8Array, rng: Rng): Uint8Array {
  const out = Uint8Array.from(input);
  const flips = 1 + rng.below(4);
  for (let i = 0; i < flips && out.length > 0; i++) out[rng.below(out.length)]! ^= 1 << rng.below(8);
  return out;
}

function setByte(input: Uint8Array, rng: Rng): Uint8Array {
  const out = Uint8Array.from(input);
  if (out.length > 0) out[rng.below(out.length)] = rng.pick([0, 1, 0x7f, 0x80, 0xfe, 0xff, rng.below(256)]);
  return out;
}

function insert(input: Uint8Array, rng: Rng): Uint8Array {
  const at = rng.below(input.length + 1);
  const extra = rng.chance(0.8) ? rng.bytes(1 + rng.below(8)) : rng.bytes(1 + rng.below(4096));
  return concat(input.subarray(0, at), extra, input.subarray(at));
}

function remove(input: Uint8Array, rng: Rng): Uint8Array {
  if (input.length === 0) return input;
  const at = rng.below(input.length);
  const n = 1 + rng.below(Math.min(input.length - at, rng.chance(0.7) ? 8 : input.length));
  return concat(input.subarray(0, at), input.subarray(at + n));
}

function truncate(input: Uint8Array, rng: Rng): Uint8Array {
  return input.subarray(0, rng.below(input.length));
}

/** A prefix of this record joined to a suffix of another (or of itself). */
function splice(input: Uint8Array, rng: Rng, donors: readonly Uint8Array[]): Uint8Array {
  const donor = donors.length > 0 ? rng.pick(donors) : input;
  return concat(input.subarray(0, rng.below(input.length + 1)), donor.subarray(rng.below(donor.length + 1)));
}

/** Rewrites a record-length or handshake-length field: boundary values or off by a little. */
function editLength(input: Uint8Array, rng: Rng): Uint8Array {
  const fields = lengthFields(input);
  if (fields.length === 0) return flip(input, rng);
  const { offset, size } = rng.pick(fields);
  const out = Uint8Array.from(input);
  const old = size === 2 ? (out[offset]! << 8) | out[offset + 1]! : (out[offset]! << 16) | (out[offset + 1]! << 8) | out[offset + 2]!;
  const max = size === 2 ? 0xffff : 0xffffff;
  const value = rng.chance(0.5) ? Math.max(0, Math.min(max, old + rng.pick([-2, -1, 1, 2, 16, -16]))) : Math.min(max, rng.pick(INTERESTING) * (size === 3 && rng.chance(0.2) ? 0x100 : 1));
  for (let i = size - 1, v = value; i >= 0; i--, v >>>= 8) out[offset + i] = v & 0xff;
  return out;
}

/** Overwrites a random 16-bit field (an inner vector length, an extension type) with a boundary value. */
function editInnerLength(input: Uint8Array, rng: Rng): Uint8Array {
  if (input.length < 7) return flip(input, rng);
  const out = Uint8Array.from(input);
  const at = 5 + rng.below(out.length - 6);
  const value = rng.pick(INTERESTING);
  out[at] = (value >> 8) & 0xff;
  out[at + 1] = value & 0xff;
  return out;
}

export const MUTATORS: Readonly<Record<string, Mutator>> = { flip, setByte, insert, remove, truncate, splice, editLength, editInnerLength };
const NAMES = Object.keys(MUTATORS);

/** Applies 1-3 random mutations; returns the bytes and the mutator names used. */
export function mutate(input: Uint8Array, rng: Rng, donors: readonly Uint8Array[]): { bytes: Uint8Array; applied: string[] } {
  let bytes = input;
  const applied: string[] = [];
  const rounds = 1 + (rng.chance(0.3) ? rng.below(3) : 0);
  for (let i = 0; i < rounds; i++) {
    const name = rng.pick(NAMES);
    bytes = MUTATORS[name]!(bytes, rng, donors);
    applied.push(name);
  }
  return { bytes, applied };
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
