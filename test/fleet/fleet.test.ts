import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { decryptEndMs, rotationSchedule, slotAt, slotStartMs } from '@tlsport/core';
import { connectOnce, killChildren, otherServer, RedisServer, type Connection, type Fleet } from '@tlsport/testkit';
import { RedisStores, redisClient } from '@tlsport/store-redis';
import { listen } from '../faces/support/fixture.js';
import { interopPki, type InteropPki } from '../support/interopPki.js';
import { filesHolding, startFleet as startProcesses } from './fleet.js';

/** Resumptions per backend in TLS 1.3 (a third as many in TLS 1.2). The soak script (npm run soak:fleet) asks for 200. */
const RESUMPTIONS = Number(process.env['TLSPORT_FLEET_RESUMPTIONS'] ?? 60);
const BACKENDS = ['pure', 'openssl', 'node-tls'] as const;
/** The soak run (npm run soak:fleet) prints the counts it asserted on. */
const report = (line: string): void => {
  if (process.env['TLSPORT_FLEET_RESUMPTIONS'] !== undefined) console.log(`      ${line}`);
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface Tally {
  resumed: number;
  total: number;
}

/**
 * A full handshake on server 0, then `count` connections, each on a server other than the one that
 * issued the session it presents, chosen at random; the newest session is kept after each one.
 */
async function resumeAcross(fleet: Fleet, ca: string, version: 'TLSv1.3' | 'TLSv1.2', count: number, between?: (i: number) => Promise<void>): Promise<Tally> {
  let issuer = 0;
  let last: Connection = await connectOnce(fleet.servers[0]!.port, ca, version, undefined);
  expect(last.session, 'the first connection gave the client no session').to.not.equal(undefined);
  const tally = { resumed: 0, total: 0 };
  for (let i = 0; i < count; i++) {
    await between?.(i);
    const next = otherServer(fleet.servers.length, issuer);
    last = await connectOnce(fleet.servers[next]!.port, ca, version, last.session);
    tally.total++;
    if (last.resumed) tally.resumed++;
    issuer = next;
  }
  return tally;
}

/** The ticket keys in Redis, as the 48 bytes each server holds (name, HMAC key, AES key). */
async function ticketKeysIn(redis: RedisServer): Promise<Buffer[]> {
  const client = redisClient({ url: redis.url, log: () => {} });
  await client.connect();
  try {
    const names = await client.keys('*:ticket-key:*');
    const values = names.length === 0 ? [] : await client.mGet(names);
    return values.filter((v): v is string => typeof v === 'string').map((v) => Buffer.from(v, 'base64'));
  } finally {
    await client.close();
  }
}

describe('a fleet of tlsport servers sharing ticket keys through Redis', function () {
  this.timeout(180_000);
  let redis: RedisServer;
  let pki: InteropPki;
  let ca: string;
  let identity: string[];
  const fleets: Fleet[] = [];
  const startFleet = async (backend: string, args: readonly string[]): Promise<Fleet> => {
    const fleet = await startProcesses(3, backend, [...identity, ...args]);
    fleets.push(fleet);
    return fleet;
  };

  before(async () => {
    redis = await RedisServer.start();
    pki = interopPki();
    ca = readFileSync(pki.ca.certFile, 'utf8');
    identity = ['-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile];
  });
  afterEach(async () => {
    await Promise.all(fleets.splice(0).map((f) => f.stop()));
  });
  after(async () => {
    await killChildren();
    await redis?.stop();
    pki?.dispose();
  });

  for (const backend of BACKENDS) {
    it(`${backend}: three servers; ${RESUMPTIONS} TLS 1.3 and ${Math.ceil(RESUMPTIONS / 3)} TLS 1.2 resumptions, each on another server chosen at random: at least 99% resumed; no key bytes in their directories`, async () => {
      const fleet = await startFleet(backend, ['-ticket_store', redis.url]);
      const tls13 = await resumeAcross(fleet, ca, 'TLSv1.3', RESUMPTIONS);
      const tls12 = await resumeAcross(fleet, ca, 'TLSv1.2', Math.ceil(RESUMPTIONS / 3));
      report(`${backend}: TLS 1.3 ${tls13.resumed}/${tls13.total} resumed, TLS 1.2 ${tls12.resumed}/${tls12.total}`);
      expect(tls13.resumed / tls13.total, `TLS 1.3: ${tls13.resumed} of ${tls13.total}`).to.be.at.least(0.99);
      expect(tls12.resumed / tls12.total, `TLS 1.2: ${tls12.resumed} of ${tls12.total}`).to.be.at.least(0.99);

      const keys = await ticketKeysIn(redis);
      expect(keys.length, 'keys in redis').to.be.at.least(3);
      const dirs = fleet.servers.flatMap((s) => [s.cwd, s.tmp]);
      expect(filesHolding(dirs, keys.flatMap((k) => [k, k.subarray(16)])), 'files holding ticket key bytes').to.deep.equal([]);
    });
  }

  it('the key-bytes scan finds key bytes written to a file, raw, hex or base64 (so the check above can fail)', async () => {
    const keys = await ticketKeysIn(redis);
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'tlsport-fleet-probe-'));
    try {
      const secret = keys[0]!.subarray(16);
      writeFileSync(join(dir, 'raw'), Buffer.concat([Buffer.from('x'), secret]));
      writeFileSync(join(dir, 'hex.txt'), `key=${secret.toString('hex')}\n`);
      writeFileSync(join(dir, 'b64.txt'), secret.toString('base64'));
      writeFileSync(join(dir, 'clean'), 'nothing here');
      expect(filesHolding([dir], [secret]).map((f) => f.slice(dir.length + 1)).sort()).to.deep.equal(['b64.txt', 'hex.txt', 'raw']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`pure, TLS 1.2 without tickets: session ids resume on other servers through the session cache replicated by Redis`, async () => {
    const fleet = await startFleet('pure', ['-ticket_store', redis.url, '-no_ticket']);
    const tally = await resumeAcross(fleet, ca, 'TLSv1.2', Math.ceil(RESUMPTIONS / 3));
    report(`pure, TLS 1.2 by session id: ${tally.resumed}/${tally.total} resumed`);
    expect(tally.resumed / tally.total, `${tally.resumed} of ${tally.total}`).to.be.at.least(0.99);
  });

  it('a rotation: tickets of the previous key resume on other servers until its decrypt window closes (node-tls: not after the rotation), then full handshakes', async () => {
    const schedule = rotationSchedule({ encryptSeconds: 3, decryptSeconds: 6 });
    const fleetsByBackend = await Promise.all(BACKENDS.map((b) => startFleet(b, ['-ticket_store', redis.url, '-ticket_rotate', '3', '-ticket_decrypt', '6'])));
    // Start early in a slot, so the ticket's key is known and every server has had time to refresh.
    const now = Date.now();
    const start = slotAt(schedule, now) + 1;
    await sleep(slotStartMs(schedule, start) + 100 - now);
    const firsts = await Promise.all(fleetsByBackend.map((f) => connectOnce(f.servers[0]!.port, ca, 'TLSv1.3', undefined)));
    expect(Date.now(), 'the tickets were sealed in the first slot').to.be.below(slotStartMs(schedule, start + 1));
    // One slot later (and a refresh interval) the servers seal with the next key; the ticket's key only decrypts.
    await sleep(slotStartMs(schedule, start + 1) + 900 - Date.now());
    const afterRotation = await Promise.all(fleetsByBackend.map((f, i) => connectOnce(f.servers[1]!.port, ca, 'TLSv1.3', firsts[i]!.session)));
    expect(Date.now(), 'the check ran inside the decrypt window').to.be.below(decryptEndMs(schedule, start));
    await sleep(decryptEndMs(schedule, start) + 500 - Date.now());
    const afterWindow = await Promise.all(fleetsByBackend.map((f, i) => connectOnce(f.servers[2]!.port, ca, 'TLSv1.3', firsts[i]!.session)));
    expect(afterRotation.map((c) => c.resumed), 'pure, openssl, node-tls after the rotation').to.deep.equal([true, true, false]);
    expect(afterWindow.map((c) => c.resumed), 'after the decrypt window').to.deep.equal([false, false, false]);
  });

  it('createServer takes the stores: a ticket from one node:tls-shaped server resumes on another with its own RedisStores', async () => {
    const stores = await Promise.all([0, 1].map(() => RedisStores.open({ url: redis.url, prefix: 'faces', log: () => {} })));
    const servers = await Promise.all(
      stores.map((s) =>
        listen({ cert: pki.ecdsa.chain, key: pki.ecdsa.key, backend: 'openssl', ticketKeys: s.ticketKeys, sessionCache: s.sessionCache }, (socket) => {
          socket.on('data', () => socket.write('gnip\n'));
        }),
      ),
    );
    try {
      const first = await connectOnce(servers[0]!.port, ca, 'TLSv1.3', undefined);
      const second = await connectOnce(servers[1]!.port, ca, 'TLSv1.3', first.session);
      expect([first.resumed, second.resumed]).to.deep.equal([false, true]);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('stopping Redis mid-run fails no connection: servers keep resuming with the keys they hold, and log the outage', async () => {
    const own = await RedisServer.start();
    try {
      const fleet = await startFleet('openssl', ['-ticket_store', own.url]);
      const stopAt = Math.floor(RESUMPTIONS / 2);
      const tally = await resumeAcross(fleet, ca, 'TLSv1.3', RESUMPTIONS, async (i) => {
        if (i === stopAt) await own.stop();
      });
      report(`openssl, Redis stopped after ${stopAt}: ${tally.resumed}/${tally.total} resumed`);
      expect(tally.total).to.equal(RESUMPTIONS);
      expect(tally.resumed / tally.total, `${tally.resumed} of ${tally.total}`).to.be.at.least(0.99);
      // Each server notices at its next refresh (a minute at most) or its next write; the client's own errors say it first.
      await fleet.servers[0]!.child.waitFor(/redis .* unreachable/, 'stderr', 90_000).catch(() => undefined);
      expect(fleet.logs).to.match(/redis .* unreachable/);
      expect(fleet.logs).to.not.match(/^FAILED/m);
    } finally {
      await own.stop();
    }
  });
});
