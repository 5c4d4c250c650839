import { expect } from 'chai';
import fc from 'fast-check';
import { TlsError } from '@tlsport/core';
import { Reader } from '../../src/codec/Reader.js';
import { Writer } from '../../src/codec/Writer.js';
import { constantTimeEqual } from '../../src/codec/bytes.js';

describe('codec: Reader and Writer', () => {
  it('reads big-endian integers and length-prefixed vectors', () => {
    const r = new Reader(Uint8Array.of(1, 0, 2, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 2, 9, 8));
    expect([r.u8(), r.u16(), r.u24(), r.u32()]).to.deep.equal([1, 2, 3, 0xffffffff]);
    const v = r.vec8();
    expect([v.u8(), v.u8()]).to.deep.equal([9, 8]);
    v.expectEnd();
    r.expectEnd();
  });

  it('a read past the end is decode_error, never an out-of-bounds value', () => {
    const r = new Reader(Uint8Array.of(0, 5, 1, 2), 'thing');
    expect(() => r.vec16()).to.throw(TlsError, /thing: truncated/).with.property('fault', 'bad-message');
  });

  it('trailing bytes are decode_error', () => {
    const r = new Reader(Uint8Array.of(1, 2));
    r.u8();
    expect(() => r.expectEnd()).to.throw(TlsError).with.property('alert', 50);
  });

  it('the writer back-patches nested length prefixes', () => {
    const out = new Writer().vec16((w) => w.u8(7).vec8((x) => x.bytes(Uint8Array.of(1, 2, 3))).vec24(() => {})).finish();
    expect([...out]).to.deep.equal([0, 8, 7, 3, 1, 2, 3, 0, 0, 0]);
  });

  it('a vector too long for its prefix is refused', () => {
    expect(() => new Writer().bytes8(new Uint8Array(256))).to.throw(RangeError);
  });

  it('property: whatever is written as nested vectors reads back the same', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (items) => {
      const bytes = new Writer().vec24((w) => items.forEach((i) => w.bytes16(i))).finish();
      const r = new Reader(bytes).vec24();
      const back: Uint8Array[] = [];
      while (r.remaining > 0) back.push(Uint8Array.from(r.bytes16()));
      expect(back).to.deep.equal(items.map((i) => Uint8Array.from(i)));
    }));
  });

  it('constant-time comparison agrees with equality', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 48 }), fc.uint8Array({ maxLength: 48 }), (a, b) => {
      expect(constantTimeEqual(a, b)).to.equal(Buffer.from(a).equals(Buffer.from(b)));
    }));
  });
});
