import { expect } from 'chai';
import { decryptEndMs, liveSlots, MAX_TICKET_LIFETIME_SECONDS, MemorySessionCache, MemoryTicketKeySource, rotationSchedule, TicketKeyRing, type TicketKey, type TicketKeySource } from '@tlsport/core';

const HOUR = 3600_000;

/** A source that can be made to fail, counting what it was asked for. */
class FlakySource implements TicketKeySource {
  readonly keys = new Map<number, TicketKey>();
  down = false;
  asked: number[][] = [];
  async keysFor(slots: readonly number[]): Promise<TicketKey[]> {
    this.asked.push([...slots]);
    if (this.down) throw new Error('connection refused');
    return slots.map((slot) => {
      if (!this.keys.has(slot)) this.keys.set(slot, { slot, name: Uint8Array.from({ length: 16 }, () => slot & 0xff), secret: new Uint8Array(32).fill(slot & 0xff) });
      return this.keys.get(slot)!;
    });
  }
  async close(): Promise<void> {}
}

describe('stores: rotation schedule', () => {
  it('defaults to s2n\'s: encrypt 2 h, decrypt 13 h more, lifetime 15 h; lifetimes above 7 days are refused', () => {
    expect(rotationSchedule()).to.deep.equal({ encryptSeconds: 7200, decryptSeconds: 46800, lifetimeSeconds: 54000 });
    expect(() => rotationSchedule({ lifetimeSeconds: MAX_TICKET_LIFETIME_SECONDS + 1 })).to.throw(RangeError, /lifetimeSeconds.*7 days/);
    expect(() => rotationSchedule({ encryptSeconds: 0 })).to.throw(RangeError, /encryptSeconds/);
    expect(rotationSchedule({ encryptSeconds: 3600 * 24 * 6, decryptSeconds: 3600 * 24 * 6 }).lifetimeSeconds).to.equal(MAX_TICKET_LIFETIME_SECONDS);
  });

  it('live slots are the previous ones still decrypting, the current one and the next', () => {
    const s = rotationSchedule();
    const now = 100 * 2 * HOUR + 1;
    expect(liveSlots(s, now)).to.deep.equal([93, 94, 95, 96, 97, 98, 99, 100, 101]);
    expect(decryptEndMs(s, 93)).to.be.greaterThan(now);
    expect(decryptEndMs(s, 92)).to.be.at.most(now);
  });
});

describe('stores: TicketKeyRing', () => {
  let now = 0;
  const clock = (): number => now;
  const log: string[] = [];
  const open = (source: TicketKeySource): Promise<TicketKeyRing> => TicketKeyRing.open({ source, clock, log: (m) => log.push(m), schedule: { encryptSeconds: 10, decryptSeconds: 20 } });

  beforeEach(() => {
    now = 1_000_000; // slot 100 of 10 s
    log.length = 0;
  });

  it('encrypts with the current slot\'s key, decrypts with next and previous ones until their window closes', async () => {
    const source = new FlakySource();
    const ring = await open(source);
    expect(ring.encryptionKey().slot).to.equal(100);
    expect(source.asked[0]).to.deep.equal([98, 99, 100, 101]);
    expect(ring.decryptionKey(source.keys.get(101)!.name)?.slot, 'next').to.equal(101);
    expect(ring.decryptionKey(source.keys.get(98)!.name)?.slot, 'previous').to.equal(98);
    now += 10_000; // slot 101
    await ring.refresh();
    expect(ring.encryptionKey().slot).to.equal(101);
    const k100 = source.keys.get(100)!.name;
    expect(ring.decryptionKey(k100)?.slot).to.equal(100);
    now = decryptEndMs(ring.schedule, 100) - 1;
    expect(ring.decryptionKey(k100)?.slot, 'just before its window closes').to.equal(100);
    now += 1;
    expect(ring.decryptionKey(k100), 'once its window closed').to.equal(undefined);
    expect(ring.ticketLifetimeSeconds()).to.be.at.most(30);
    await ring.close();
  });

  it('the in-memory source keeps the keys a ring still holds intact across rotations', async () => {
    const ring = await open(new MemoryTicketKeySource());
    const first = ring.encryptionKey();
    const secret = Uint8Array.from(first.secret);
    now += 10_000;
    await ring.refresh();
    expect(ring.encryptionKey()).to.not.equal(first);
    expect(ring.decryptionKey(first.name)).to.equal(first);
    expect(first.secret).to.deep.equal(secret);
    await ring.close();
    expect(first.secret.every((b) => b === 0), 'zeroed by the ring on close').to.equal(true);
  });

  it('tells listeners when the keys change, and only then', async () => {
    const ring = await open(new FlakySource());
    let calls = 0;
    ring.onChange(() => calls++);
    await ring.refresh();
    await ring.refresh();
    expect(calls).to.equal(1);
    now += 10_000;
    await ring.refresh();
    expect(calls).to.equal(2);
    await ring.close();
  });

  it('keeps serving when the source is down: held keys, then a key of its own; logs once, and when it is back', async () => {
    const source = new FlakySource();
    const ring = await open(source);
    source.down = true;
    now += 10_000;
    await ring.refresh();
    await ring.refresh();
    expect(log.filter((m) => /unreachable/.test(m))).to.have.length(1);
    expect(ring.encryptionKey().slot, 'the held next key').to.equal(101);
    now += 20_000; // slot 103: nothing shared is held for it
    await ring.refresh();
    expect(ring.encryptionKey().slot, 'newest shared key still alive').to.equal(101);
    now += 20_000; // slot 105: every held key is dead
    await ring.refresh();
    const local = ring.encryptionKey();
    expect(local.slot).to.equal(105);
    expect(source.keys.has(105)).to.equal(false);
    expect(ring.decryptionKey(local.name)).to.equal(local);
    source.down = false;
    await ring.refresh();
    expect(log.some((m) => /reachable again/.test(m))).to.equal(true);
    expect(ring.encryptionKey()).to.equal(source.keys.get(105));
    expect(ring.decryptionKey(local.name), 'tickets of the local key still open').to.equal(local);
    await ring.close();
  });

  it('refuses a bad refresh interval or source by name', async () => {
    await TicketKeyRing.open({ refreshMs: 0 }).then(() => expect.fail('accepted'), (e: Error) => expect(e.message).to.match(/refreshMs/));
    await TicketKeyRing.open({ source: {} as TicketKeySource }).then(() => expect.fail('accepted'), (e: Error) => expect(e.message).to.match(/source/));
  });
});

describe('stores: MemorySessionCache', () => {
  it('is bounded (least recently used out), expires entries, and zeroes what it drops', async () => {
    let now = 0;
    const cache = new MemorySessionCache(2, () => now);
    const id = (n: number): Uint8Array => Uint8Array.of(n);
    cache.set(id(1), Uint8Array.of(1, 1), 10);
    cache.set(id(2), Uint8Array.of(2, 2), 10);
    const first = cache.get(id(1))!;
    cache.set(id(3), Uint8Array.of(3, 3), 10);
    expect(cache.size).to.equal(2);
    expect(cache.get(id(2))).to.equal(undefined);
    expect([...first]).to.deep.equal([1, 1]);
    now = 10_000;
    expect(cache.get(id(1)), 'expired').to.equal(undefined);
    expect([...first], 'zeroed').to.deep.equal([0, 0]);
    expect(() => new MemorySessionCache(0)).to.throw(RangeError, /capacity/);
    await cache.close();
    expect(cache.size).to.equal(0);
  });
});
