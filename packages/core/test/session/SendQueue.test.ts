import { EnginePair } from '@tlsport/testkit';
import { expect } from 'chai';
import { SendQueue, type PendingSend } from '../../src/session/SendQueue.js';
import { BACKENDS, clientAttrs, makePki, serverAttrs } from '../support/fixtures.js';

describe('SendQueue', () => {
  const pki = makePki();

  for (const backend of BACKENDS) {
    it(`on ${backend.name}: feeds sends in order, in slices as room appears, and settles each once`, async () => {
      const pair = await EnginePair.create(backend, clientAttrs(pki), backend, serverAttrs(pki));
      await pair.handshake();
      // The transport: what was fed stays held until it "drains".
      let capacity = 40 * 1024;
      let held = 0;
      let waits = 0;
      const settled: PendingSend[] = [];
      const slices: number[] = [];
      const queue = new SendQueue({
        feed: (slice, written) => {
          slices.push(slice.length);
          held += slice.length;
          pair.client.engine.send(slice, written);
        },
        room: () => capacity - held,
        wantRoom: () => waits++,
        settled: (send) => settled.push(send),
      });
      const big = queue.push(new Uint8Array(100 * 1024).fill(1));
      const small = queue.push(Uint8Array.of(2, 2, 2));
      await pair.until(() => pair.server.received.length > 0);
      expect(slices).to.deep.equal([32 * 1024]);
      expect(waits).to.be.greaterThan(0);
      expect(settled).to.deep.equal([]);
      capacity = 1 << 20;
      held = 0;
      queue.pump();
      await pair.until(() => settled.length === 2);
      expect(settled).to.deep.equal([big, small]);
      expect(slices).to.deep.equal([32 * 1024, 100 * 1024 - 32 * 1024, 3]);
      expect([big.written, big.error, small.written]).to.deep.equal([100 * 1024, undefined, 3]);
      await pair.until(() => pair.server.received.reduce((n, c) => n + c.length, 0) === 100 * 1024 + 3);
      const got = Buffer.concat(pair.server.received);
      expect([got[0], got[100 * 1024 - 1], got[100 * 1024], got.length]).to.deep.equal([1, 1, 2, 100 * 1024 + 3]);
      await pair.destroy();
    });
  }
});
