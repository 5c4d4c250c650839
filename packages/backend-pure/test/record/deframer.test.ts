import { expect } from 'chai';
import { TlsError } from '@tlsport/core';
import { RecordDeframer } from '../../src/record/RecordDeframer.js';
import { ContentType } from '../../src/record/types.js';

function record(type: ContentType, length: number, fill: number): Uint8Array {
  const out = new Uint8Array(5 + length).fill(fill);
  out.set([type, 3, 3, length >> 8, length & 0xff]);
  return out;
}

/** Feeds `stream` in chunks of the given sizes, reusing one chunk buffer, as a socket reader may. */
function deframe(stream: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const deframer = new RecordDeframer();
  const scratch = new Uint8Array(stream.length);
  const seen: Uint8Array[] = [];
  for (let at = 0, i = 0; at < stream.length; i++) {
    const n = Math.min(sizes[i % sizes.length]!, stream.length - at);
    const chunk = scratch.subarray(0, n);
    chunk.set(stream.subarray(at, at + n));
    at += n;
    deframer.push(chunk);
    for (let r = deframer.next(); r !== undefined; r = deframer.next()) seen.push(Uint8Array.from([...r.header, ...r.fragment]));
    deframer.release();
    chunk.fill(0xee);
  }
  return seen;
}

describe('RecordDeframer', () => {
  const records = [
    record(ContentType.handshake, 90, 1),
    record(ContentType.application_data, 16401, 2),
    record(ContentType.application_data, 17, 3),
    record(ContentType.alert, 2, 4),
    record(ContentType.application_data, 16401, 5),
    record(ContentType.application_data, 300, 6),
  ];
  const stream = Uint8Array.from(records.flatMap((r) => [...r]));

  for (const sizes of [[stream.length], [1], [3, 7], [4], [5], [6], [16406, 2], [65536], [16000, 500, 1], [9000, 31000]]) {
    it(`yields every record whole when the stream arrives in chunks of ${sizes.join(', ')}`, () => {
      expect(deframe(stream, sizes)).to.deep.equal(records);
    });
  }

  it('checks a header that arrives split across chunks', () => {
    const bad = Uint8Array.from([...records[0]!, 0x63, 3, 3, 0, 4, 1, 2, 3, 4]);
    expect(() => deframe(bad, [records[0]!.length + 3, 100])).to.throw(TlsError);
  });
});
