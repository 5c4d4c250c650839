import { expect } from 'chai';
import fc from 'fast-check';
import { PlaintextBuffer } from '../../src/session/PlaintextBuffer.js';

describe('PlaintextBuffer', () => {
  it('reads back exactly what was pushed, across any chunking and read sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1 }), (chunks, reads) => {
        const buffer = new PlaintextBuffer();
        for (const c of chunks) buffer.push(c);
        const expected = Buffer.concat(chunks);
        expect(buffer.length).to.equal(expected.length);
        const out: Uint8Array[] = [];
        for (let i = 0; buffer.length > 0; i++) {
          const target = new Uint8Array(reads[i % reads.length]!);
          const n = buffer.readInto(target, target.length);
          expect(n).to.be.greaterThan(0);
          out.push(target.subarray(0, n));
        }
        expect(Buffer.concat(out).equals(expected)).to.equal(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('drains 200k 1-byte chunks one byte at a time, in order', () => {
    const buffer = new PlaintextBuffer();
    for (let i = 0; i < 200_000; i++) buffer.push(Uint8Array.of(i & 0xff));
    const one = new Uint8Array(1);
    let wrong = -1;
    for (let i = 0; i < 200_000 && wrong < 0; i++) {
      if (buffer.readInto(one, 1) !== 1 || one[0] !== (i & 0xff)) wrong = i;
    }
    expect(wrong).to.equal(-1);
    expect(buffer.length).to.equal(0);
  });
});
