import { expect } from 'chai';
import { TicketKeyRing } from '@tlsport/core';
import { freePort, pollUntil, RedisServer } from '@tlsport/testkit';
import { RedisStores, RedisTicketKeySource, redisClient } from '../src/index.js';

describe('store-redis against a real redis-server', function () {
  this.timeout(30_000);
  let redis: RedisServer;
  const opened: RedisStores[] = [];
  const log: string[] = [];
  const open = async (prefix = 'a'): Promise<RedisStores> => {
    const stores = await RedisStores.open({ url: redis.url, prefix, log: (m) => log.push(m), schedule: { encryptSeconds: 60 } });
    opened.push(stores);
    return stores;
  };

  before(async () => {
    redis = await RedisServer.start();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    log.length = 0;
  });
  after(async () => {
    await redis?.stop();
  });

  it('servers of one fleet get the same key for each slot; another prefix gets its own', async () => {
    const [a, b, other] = [await open(), await open(), await open('b')];
    const live = (s: RedisStores) => s.ticketKeys.liveKeys().decrypting.map((d) => Buffer.from(d.key.secret).toString('hex'));
    expect(live(a)).to.deep.equal(live(b));
    expect(a.ticketKeys.encryptionKey().name).to.deep.equal(b.ticketKeys.encryptionKey().name);
    expect(live(other)).to.not.deep.include(live(a)[0]);
  });

  it('racing servers agree: SET NX lets exactly one key win per slot', async () => {
    const client = redisClient({ url: redis.url, log: () => {} });
    await client.connect();
    try {
      const sources = Array.from({ length: 8 }, () => new RedisTicketKeySource(client, { prefix: 'race' }));
      const ring = await TicketKeyRing.open({ log: () => {} });
      const keys = await Promise.all(sources.map((s) => s.keysFor([1000, 1001], ring.schedule)));
      await ring.close();
      const names = new Set(keys.map((k) => Buffer.from(k[0]!.name).toString('hex')));
      expect(names.size).to.equal(1);
      const ttl = await client.pTTL(`race:ticket-key:${ring.schedule.encryptSeconds}:${ring.schedule.decryptSeconds}:1000`);
      expect(ttl, 'a key of a long-dead slot expires at once (floor 1 s)').to.be.within(1, 1000);
    } finally {
      await client.close();
    }
  });

  it('a TLS 1.2 session stored on one server reaches the others through the channel, with its TTL in redis', async () => {
    const [a, b] = [await open('s'), await open('s')];
    const id = Uint8Array.of(1, 2, 3, 4);
    a.sessionCache.set(id, Uint8Array.of(9, 9, 9), 120);
    await pollUntil(() => b.sessionCache.get(id) !== undefined, 5000, () => 'the session never reached the second server');
    expect([...b.sessionCache.get(id)!]).to.deep.equal([9, 9, 9]);
    const client = redisClient({ url: redis.url, log: () => {} });
    await client.connect();
    expect(await client.ttl('s:session:01020304')).to.be.within(100, 120);
    await client.close();
    a.sessionCache.delete(id);
    await pollUntil(() => b.sessionCache.get(id) === undefined, 5000, () => 'the deletion never reached the second server');
  });

  it('a server whose Redis is not there yet starts anyway, on keys of its own, and says so', async () => {
    const lines: string[] = [];
    const stores = await RedisStores.open({ url: `redis://127.0.0.1:${await freePort()}`, log: (m) => lines.push(m) });
    try {
      const key = stores.ticketKeys.encryptionKey();
      expect(stores.ticketKeys.decryptionKey(key.name)).to.equal(key);
      expect(lines.join('\n')).to.match(/unreachable/);
      stores.sessionCache.set(Uint8Array.of(7), Uint8Array.of(1), 60);
      expect([...stores.sessionCache.get(Uint8Array.of(7))!], 'sessions stay on this server').to.deep.equal([1]);
    } finally {
      await stores.close();
    }
  });

  it('refuses a url that is not redis:// by name', async () => {
    await RedisStores.open({ url: 'http://x' }).then(() => expect.fail('accepted'), (e: Error) => expect(e.message).to.match(/^url: /));
  });
});
