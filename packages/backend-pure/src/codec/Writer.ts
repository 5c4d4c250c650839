/**
 * Builds TLS wire bytes. `vec8/16/24(body)` write a length-prefixed block whose length is
 * patched in after `body` has written its contents, so no codec computes a length by hand.
 */
export class Writer {
  private buf = new Uint8Array(256);
  private len = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  u8(v: number): this {
    this.reserve(1);
    this.buf[this.len++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    this.reserve(2);
    this.buf[this.len++] = (v >>> 8) & 0xff;
    this.buf[this.len++] = v & 0xff;
    return this;
  }

  u24(v: number): this {
    this.reserve(3);
    this.buf[this.len++] = (v >>> 16) & 0xff;
    this.buf[this.len++] = (v >>> 8) & 0xff;
    this.buf[this.len++] = v & 0xff;
    return this;
  }

  u32(v: number): this {
    this.u16(Math.floor(v / 0x10000) & 0xffff);
    return this.u16(v & 0xffff);
  }

  bytes(b: Uint8Array): this {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  vec8(body: (w: this) => void): this {
    return this.prefixed(1, body);
  }

  vec16(body: (w: this) => void): this {
    return this.prefixed(2, body);
  }

  vec24(body: (w: this) => void): this {
    return this.prefixed(3, body);
  }

  /** Shorthands for a length-prefixed opaque value. */
  bytes8(b: Uint8Array): this {
    return this.vec8((w) => w.bytes(b));
  }

  bytes16(b: Uint8Array): this {
    return this.vec16((w) => w.bytes(b));
  }

  bytes24(b: Uint8Array): this {
    return this.vec24((w) => w.bytes(b));
  }

  private prefixed(size: 1 | 2 | 3, body: (w: this) => void): this {
    this.reserve(size);
    const at = this.len;
    this.len += size;
    body(this);
    const n = this.len - at - size;
    if (n >= 1 << (8 * size)) throw new RangeError(`vector of ${n} bytes exceeds a ${size}-byte length prefix`);
    for (let i = size - 1, v = n; i >= 0; i--, v >>>= 8) this.buf[at + i] = v & 0xff;
    return this;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
