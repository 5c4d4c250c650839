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

  // Integers are read in place: a subarray per field was most of a ClientHello parse's garbage.
  u8(): number {
    const at = this.advance(1);
    return this.data[at]!;
  }

  u16(): number {
    const at = this.advance(2);
    return (this.data[at]! << 8) | this.data[at + 1]!;
  }

  u24(): number {
    const at = this.advance(3);
    return (this.data[at]! << 16) | (this.data[at + 1]! << 8) | this.data[at + 2]!;
  }

  u32(): number {
    const at = this.advance(4);
    return ((this.data[at]! << 24) >>> 0) + ((this.data[at + 1]! << 16) | (this.data[at + 2]! << 8) | this.data[at + 3]!);
  }

  /** The next `n` bytes, as a view into the original buffer. */
  take(n: number): Uint8Array {
    const at = this.advance(n);
    return this.data.subarray(at, at + n);
  }

  /** Moves past `n` bytes, returning where they start; decode_error when fewer remain. */
  private advance(n: number): number {
    if (n > this.remaining) throw decodeError(`${this.what}: truncated (need ${n} bytes, have ${this.remaining})`);
    const at = this.pos;
    this.pos += n;
    return at;
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
