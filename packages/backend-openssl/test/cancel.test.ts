import { expect } from 'chai';
import { EnginePair } from '@tlsport/testkit';
import { liveObjects } from '../src/index.js';
import { backend } from './helpers/pair.js';
import { makePki, serverWith, type Pki } from './helpers/pki.js';

/** mulberry32: a small seeded PRNG, so the "random" cancel points are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('cancelling openssl handshakes', () => {
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => pki.dispose());

  it('destroy() while a handshake step runs on the pool waits for it, then frees; the sink hears nothing more', async () => {
    const before = liveObjects();
    const pair = await EnginePair.create(backend, { ca: pki.ca.cert }, backend, serverWith(pki.ecdsa));
    expect(liveObjects()).to.deep.equal({ ssl: before.ssl + 2, ctx: before.ctx + 2 });
    pair.client.engine.start();  // queues the ClientHello step on the pool
    const wire = pair.client.wire.length;
    await pair.destroy();
    await turn();
    expect(pair.client.wire.length).to.equal(wire);
    expect(pair.client.handshake).to.equal(undefined);
    expect(pair.client.error).to.equal(undefined);
    expect(liveObjects()).to.deep.equal(before);
  });

  it('1000 handshakes destroyed at random points leave no SSL or SSL_CTX behind', async function () {
    this.timeout(120_000);
    const random = seeded(0x7151);
    const outcome = { beforeStart: 0, midHandshake: 0, afterHandshake: 0 };
    const one = async () => {
      // The server trusts only the test CA: parsing Node's 144 roots per context would dominate.
      const pair = await EnginePair.create(backend, { ca: pki.ca.cert, servername: 'localhost' }, backend, { ...serverWith(pki.ecdsa), ca: pki.ca.cert });
      const point = random();
      if (point >= 0.05) {
        pair.server.engine.start();
        pair.client.engine.start();
        if (point < 0.8) {
          // Mid-handshake: after the k-th flight went out (k = 0..3), plus 0..2 loop turns.
          const flights = Math.floor(random() * 4);
          await pair.until(() => pair.client.wire.length + pair.server.wire.length >= flights || pair.client.error !== undefined);
          for (let i = Math.floor(random() * 3); i > 0; i--) await turn();
        } else {
          await pair.until(() => pair.client.handshake !== undefined && pair.server.handshake !== undefined);
        }
      }
      // Either side may go first; the other then sees its peer vanish mid-flight.
      const first = random() < 0.5 ? pair.client.engine.destroy() : pair.server.engine.destroy();
      if (point < 0.05) outcome.beforeStart++;
      else if (pair.client.handshake === undefined || pair.server.handshake === undefined) outcome.midHandshake++;
      else outcome.afterHandshake++;
      await first;
      await pair.destroy();
    };
    for (let batch = 0; batch < 20; batch++) await Promise.all(Array.from({ length: 50 }, one));
    expect(outcome.beforeStart + outcome.midHandshake + outcome.afterHandshake).to.equal(1000);
    expect(outcome.beforeStart, 'cancelled before start').to.be.greaterThan(10);
    expect(outcome.midHandshake, 'cancelled mid-handshake').to.be.greaterThan(300);
    expect(outcome.afterHandshake, 'cancelled after the handshake').to.be.greaterThan(100);
    expect(liveObjects()).to.deep.equal({ ssl: 0, ctx: 0 });
  });
});
