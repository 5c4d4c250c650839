import { expect } from 'chai';
import { EnginePair, TestCa, type Issued } from '@tlsport/testkit';
import type { GroupName, SecureAttributes } from '@tlsport/core';
import { PureBackend } from '../../src/index.js';
import { parseClientHello } from '../../src/handshake/clientHello.js';
import { HRR_RANDOM } from '../../src/handshake/serverHello.js';
import { toHex } from '../../src/codec/bytes.js';

const backend = new PureBackend();

/** The first ClientHello's body, from the client's first record (5-byte record header, 4-byte handshake header). */
function firstClientHello(p: EnginePair): ReturnType<typeof parseClientHello> {
  return parseClientHello(p.client.wire[0]!.subarray(9));
}

describe('pure client <-> pure server: post-quantum hybrid groups', () => {
  let ca: TestCa;
  let leaf: Issued;
  const pairs: EnginePair[] = [];
  before(() => {
    ca = TestCa.root();
    leaf = ca.issue({ keyType: 'ec-p256' });
  });
  afterEach(async () => {
    await Promise.all(pairs.splice(0).map((p) => p.destroy()));
  });
  after(() => ca.dispose());

  async function handshake(client: SecureAttributes, server: SecureAttributes, group: GroupName): Promise<EnginePair> {
    const p = await EnginePair.create(backend, { ca: ca.cert, servername: 'localhost', ...client }, backend, { cert: leaf.chain, key: leaf.key, ...server });
    pairs.push(p);
    await p.handshake();
    expect(p.client.error, String(p.client.error)).to.equal(undefined);
    expect(p.server.error, String(p.server.error)).to.equal(undefined);
    expect(p.client.handshake!.group).to.equal(group);
    expect(p.server.handshake!.group).to.equal(group);
    p.client.engine.send(new TextEncoder().encode('pq'), () => {});
    await p.until(() => p.server.received.length > 0);
    expect(p.server.receivedText()).to.equal('pq');
    return p;
  }

  const isRetry = (p: EnginePair): boolean => toHex(p.server.wire[0]!.subarray(5 + 6, 5 + 38)) === toHex(HRR_RANDOM);

  it('by default the client shares X25519MLKEM768 and x25519 (one X25519 key), and the server takes the hybrid', async () => {
    const p = await handshake({}, {}, 'X25519MLKEM768');
    const hello = firstClientHello(p);
    expect(hello.keyShares!.map((s) => [s.group, s.keyExchange.length])).to.deep.equal([[0x11ec, 1216], [0x001d, 32]]);
    expect(hello.keyShares![0]!.keyExchange.subarray(1184)).to.deep.equal(hello.keyShares![1]!.keyExchange);
    expect(hello.supportedGroups).to.deep.equal([0x11ec, 0x001d, 0x0017, 0x0018, 0x11eb]);
    expect(isRetry(p)).to.equal(false);
  });

  it('a server without the hybrids takes the x25519 share beside it, without a retry', async () => {
    const p = await handshake({}, { groups: ['x25519', 'P-256'] }, 'x25519');
    expect(isRetry(p)).to.equal(false);
  });

  it('SecP256r1MLKEM768 when both sides enable only it', async () => {
    const p = await handshake({ groups: 'SecP256r1MLKEM768' }, { groups: 'SecP256r1MLKEM768' }, 'SecP256r1MLKEM768');
    expect(firstClientHello(p).keyShares!.map((s) => s.keyExchange.length)).to.deep.equal([1249]);
  });

  it('HelloRetryRequest to SecP256r1MLKEM768 (the client shared X25519MLKEM768 and x25519)', async () => {
    const p = await handshake({}, { groups: 'SecP256r1MLKEM768' }, 'SecP256r1MLKEM768');
    expect(isRetry(p)).to.equal(true);
  });

  it('HelloRetryRequest to X25519MLKEM768 (the client shared x25519 only)', async () => {
    const p = await handshake({ groups: ['x25519', 'X25519MLKEM768'] }, { groups: 'X25519MLKEM768' }, 'X25519MLKEM768');
    expect(isRetry(p)).to.equal(true);
  });

  it('TLS 1.2 never uses a hybrid: the 1.2-only hello leaves them out, the server skips them', async () => {
    const only12 = await handshake({ maxVersion: 'TLSv1.2' }, {}, 'x25519');
    expect(firstClientHello(only12).supportedGroups).to.not.include(0x11ec);
    const p = await handshake({}, { maxVersion: 'TLSv1.2' }, 'x25519');
    expect(firstClientHello(p).supportedGroups).to.include(0x11ec);
  });

  it('resumes after a hybrid handshake, with a fresh hybrid exchange (psk_dhe_ke)', async () => {
    const cAttrs = { ca: ca.cert, servername: 'localhost' };
    const sAttrs = { cert: leaf.chain, key: leaf.key };
    const [cctx, sctx] = await EnginePair.contexts(backend, cAttrs, sAttrs);
    const first = EnginePair.fromContexts(cctx, cAttrs, sctx, sAttrs);
    pairs.push(first);
    await first.handshake();
    await first.until(() => first.client.sessions.length > 0 || first.client.error !== undefined);
    expect(first.client.handshake!.group).to.equal('X25519MLKEM768');
    const second = EnginePair.fromContexts(cctx, { ...cAttrs, session: first.client.sessions[0]! }, sctx, sAttrs);
    pairs.push(second);
    await second.handshake();
    expect(second.client.handshake).to.include({ resumed: true, group: 'X25519MLKEM768' });
    expect(second.server.handshake).to.include({ resumed: true, group: 'X25519MLKEM768' });
  });

  /** Rewrites the client's X25519MLKEM768 key share in its first flight (found by its entry header). */
  function tamperHybridShare(edit: (share: Uint8Array) => void): (direction: 'c2s' | 's2c', chunk: Uint8Array) => Uint8Array {
    let done = false;
    return (direction, chunk) => {
      if (direction !== 'c2s' || done) return chunk;
      const at = Buffer.from(chunk).indexOf(Buffer.from([0x11, 0xec, 0x04, 0xc0]));
      if (at < 0) return chunk;
      done = true;
      const copy = Uint8Array.from(chunk);
      edit(copy.subarray(at + 4, at + 4 + 1216));
      return copy;
    };
  }

  async function refused(edit: (share: Uint8Array) => void): Promise<EnginePair> {
    const p = await EnginePair.create(backend, { ca: ca.cert, servername: 'localhost' }, backend, { cert: leaf.chain, key: leaf.key }, { tamper: tamperHybridShare(edit) });
    pairs.push(p);
    await p.handshake();
    await p.until(() => p.client.error !== undefined && p.server.error !== undefined);
    return p;
  }

  it('a server refuses an encapsulation key that fails the modulus check: illegal_parameter', async () => {
    const p = await refused((share) => {
      share[0] = 0xff;
      share[1]! |= 0x0f;
    });
    expect(p.server.error!.fault).to.equal('illegal-parameter');
    expect(p.server.error!.detail).to.match(/modulus/);
    expect(p.client.error!.fault).to.equal('illegal-parameter');
  });

  it("a server refuses the hybrid's X25519 half when it gives an all-zero secret: illegal_parameter", async () => {
    const p = await refused((share) => share.fill(0, 1184));
    expect(p.server.error!.fault).to.equal('illegal-parameter');
    expect(p.server.error!.detail).to.match(/x25519/);
  });
});
