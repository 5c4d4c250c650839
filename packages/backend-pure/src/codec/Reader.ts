import { decodeError } from './errors.js';

/**
 * A cursor over TLS wire bytes. Every read checks its bounds and throws decode_error, so codecs
 * never index past the data; `vec*` return a sub-reader confined to the length-prefixed block.
 */
export class Reader {
  private pos = 0;

  constructor(private readonly data: Uint8Array, private readonly what = 'message') {}

  get remaining(): number {
    return this.data.length - this.pos;
  }

  get offset(): number {
    return this.pos;
  }

  u8(): number {
    return this.take(1)[0]!;
  }

  u16(): number {
    const b = this.take(2);
    return (b[0]! << 8) | b[1]!;
  }

  u24(): number {
    const b = this.take(3);
    return (b[0]! << 16) | (b[1]! << 8) | b[2]!;
  }

  u32(): number {
    const b = this.take(4);
    return ((b[0]! << 24) >>> 0) + ((b[1]! << 16) | (b[2]! << 8) | b[3]!);
  }

  /** The next `n` bytes, as a view into the original buffer. */
  take(n: number): Uint8Array {
    if (n > this.remaining) throw decodeError(`${this.what}: truncated (need ${n} bytes, have ${this.remaining})`);
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  rest(): Uint8Array {
    return this.take(this.remaining);
  }

  /** Bytes of a vector with a 1-, 2- or 3-byte length prefix. */
  bytes8(): Uint8Array {
    return this.take(this.u8());
  }

  bytes16(): Uint8Array {
    return this.take(this.u16());
  }

  bytes24(): Uint8Array {
    return this.take(this.u24());
  }

  vec8(what = this.what): Reader {
    return new Reader(this.bytes8(), what);
  }

  vec16(what = this.what): Reader {
    return new Reader(this.bytes16(), what);
  }

  vec24(what = this.what): Reader {
    return new Reader(this.bytes24(), what);
  }

  /** Trailing bytes are a decode error (RFC 8446 §4: lengths must match exactly). */
  expectEnd(): void {
    if (this.remaining !== 0) throw decodeError(`${this.what}: ${this.remaining} trailing bytes`);
  }
}
