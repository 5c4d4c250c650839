import { expect } from 'chai';
import { setImmediate as turn } from 'node:timers/promises';
import { memoryPipe } from '../../src/transport/memoryPipe.js';
import { TransportBinding, type TransportEvents } from '../../src/transport/TransportBinding.js';

/** A binding on one end of a memory pipe that records what it reports. */
function bound(room: () => number) {
  const [near, far] = memoryPipe();
  const seen = { received: [] as Uint8Array[], ended: 0, drained: 0, failed: [] as Error[] };
  const events: TransportEvents = {
    received: (chunk) => seen.received.push(chunk),
    ended: () => seen.ended++,
    failed: (error) => seen.failed.push(error),
    drained: () => seen.drained++,
  };
  const binding = new TransportBinding(near, events, room);
  const total = () => seen.received.reduce((n, c) => n + c.length, 0);
  return { near, far, seen, binding, total };
}

describe('TransportBinding', () => {
  it('takes from the transport only what room allows, and more when pumped after room grows', async () => {
    let room = 1000;
    const t = bound(() => room - t.total());
    t.binding.attach();
    t.far.write(new Uint8Array(3000).fill(7));
    await turn();
    await turn();
    expect(t.total()).to.equal(1000);
    expect(t.seen.received.every((c) => c.length <= 1000)).to.equal(true);
    room = 2500;
    t.binding.pump();
    expect(t.total()).to.equal(2500);
    room = 10_000;
    t.binding.pump();
    expect(t.total()).to.equal(3000);
    t.binding.detach();
    t.near.destroy();
  });

  it('reports the end of input once, after the data before it was taken', async () => {
    let room = 10;
    const t = bound(() => room - t.total());
    t.binding.attach();
    t.far.end(new Uint8Array(50));
    await turn();
    await turn();
    expect([t.total(), t.seen.ended]).to.deep.equal([10, 0]);
    room = 100;
    t.binding.pump();
    await turn();
    await turn();
    expect([t.total(), t.seen.ended]).to.deep.equal([50, 1]);
    t.near.destroy();
    await turn();
    expect(t.seen.ended).to.equal(1);
  });

  it('counts what the transport has not taken, and reports the drain', async () => {
    const t = bound(() => 1 << 20);
    t.binding.attach();
    // The far end does not read: after its readable buffer fills, writes wait in ours.
    t.far.pause();
    for (let i = 0; i < 8; i++) t.binding.write(new Uint8Array(16 * 1024));
    await turn();
    await turn();
    expect(t.binding.buffered).to.be.greaterThan(64 * 1024);
    let flushed = false;
    t.binding.whenDrained(() => {
      flushed = true;
    });
    expect(flushed).to.equal(false);
    t.far.resume();
    t.far.on('data', () => undefined);
    while (!flushed) await turn();
    expect([t.binding.buffered, t.seen.drained]).to.deep.equal([0, 1]);
    t.binding.detach();
    t.near.destroy();
  });

  it('release flushes what was written before destroying the socket', async () => {
    const t = bound(() => 0);
    t.binding.attach();
    const got: Uint8Array[] = [];
    t.far.on('data', (c: Uint8Array) => got.push(c));
    t.binding.write(Uint8Array.of(1, 2, 3));
    t.binding.detach();
    t.binding.release();
    while (!t.near.destroyed) await turn();
    expect(Buffer.concat(got)).to.deep.equal(Buffer.of(1, 2, 3));
  });
});
