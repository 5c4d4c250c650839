/** One DER element: tag, contents and the whole encoding. */
export interface Der {
  readonly tag: number;
  readonly value: Uint8Array;
  readonly encoded: Uint8Array;
}

/** A malformed DER structure (key store or certificate): the caller maps it to its status. */
export class DerError extends Error {}

/** DER tags the PKCS#12 and certificate readers use. */
export const TAG = { INTEGER: 0x02, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06, UTF8: 0x0c, PRINTABLE: 0x13, IA5: 0x16, BMP: 0x1e, SEQUENCE: 0x30, SET: 0x31, CTX0: 0xa0, CTX0_PRIMITIVE: 0x80 } as const;

/**
 * A bounded cursor over DER elements (definite lengths only; a length past the end is an error),
 * enough for PKCS#12 containers and certificate names. Every length is checked against the
 * bytes that remain, so a hostile file cannot make it read past its end.
 */
export class DerCursor {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  peek(): number | undefined {
    return this.done ? undefined : this.bytes[this.offset];
  }

  next(expected?: number): Der {
    const start = this.offset;
    const tag = this.byte();
    if (expected !== undefined && tag !== expected) throw new DerError(`expected tag 0x${expected.toString(16)}, found 0x${tag.toString(16)}`);
    let length = this.byte();
    if (length & 0x80) {
      const n = length & 0x7f;
      if (n === 0 || n > 4) throw new DerError('indefinite or oversized length');
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + this.byte();
    }
    if (length > this.bytes.length - this.offset) throw new DerError('length runs past the end');
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return { tag, value, encoded: this.bytes.subarray(start, this.offset) };
  }

  /** The contents of the next element (which must carry `tag`) as a cursor. */
  enter(tag: number = TAG.SEQUENCE): DerCursor {
    return new DerCursor(this.next(tag).value);
  }

  oid(): string {
    return decodeOid(this.next(TAG.OID).value);
  }

  integer(): number {
    const v = this.next(TAG.INTEGER).value;
    if (v.length > 6) throw new DerError('integer too large');
    let n = 0;
    for (const b of v) n = n * 256 + b;
    return n;
  }

  octets(): Uint8Array {
    return this.next(TAG.OCTET_STRING).value;
  }

  private byte(): number {
    if (this.done) throw new DerError('truncated');
    return this.bytes[this.offset++]!;
  }
}

export function decodeOid(v: Uint8Array): string {
  if (v.length === 0) throw new DerError('empty OID');
  const parts: number[] = [];
  let n = 0;
  for (const b of v) {
    n = n * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  const first = parts.shift()!;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/** A BMPString (UTF-16BE, X.680 §41) as text. */
export function bmpText(v: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < v.length; i += 2) s += String.fromCharCode((v[i]! << 8) | v[i + 1]!);
  return s;
}
