import { expect } from 'chai';
import { EnginePair, TestCa, type Issued } from '@tlsport/testkit';
import type { SecureAttributes } from '@tlsport/core';
import { PureBackend } from '../../src/index.js';
import { HRR_RANDOM } from '../../src/handshake/serverHello.js';
import { toHex } from '../../src/codec/bytes.js';
import { firstDer } from '../helpers/pem.js';

const backend = new PureBackend();
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('pure client <-> pure server: features', () => {
  let ca: TestCa;
  let otherCa: TestCa;
  let leaf: Issued;
  let clientLeaf: Issued;
  let strangerLeaf: Issued;
  const pairs: EnginePair[] = [];

  before(() => {
    ca = TestCa.root();
    otherCa = TestCa.root({ cn: 'someone else' });
    leaf = ca.issue({ keyType: 'ec-p256', dns: ['localhost', 'www.example.test'] });
    clientLeaf = ca.issue({ keyType: 'ed25519', cn: 'client one' });
    strangerLeaf = otherCa.issue({ keyType: 'ec-p256', cn: 'stranger' });
  });
  afterEach(async () => {
    await Promise.all(pairs.splice(0).map((p) => p.destroy()));
  });
  after(() => {
    ca.dispose();
    otherCa.dispose();
  });

  async function pair(client: SecureAttributes, server: SecureAttributes): Promise<EnginePair> {
    const p = await EnginePair.create(backend, { ca: ca.cert, servername: 'localhost', ...client }, backend, { cert: leaf.chain, key: leaf.key, ...server });
    pairs.push(p);
    await p.handshake();
    return p;
  }

  /** Waits for the side that received the alert to report it too. */
  async function bothFailed(p: EnginePair): Promise<void> {
    await p.until(() => p.client.error !== undefined && p.server.error !== undefined);
  }

  function ok(p: EnginePair): void {
    expect(p.client.error, String(p.client.error)).to.equal(undefined);
    expect(p.server.error, String(p.server.error)).to.equal(undefined);
  }

  it('HelloRetryRequest when the server only takes secp384r1 (client shares x25519 first)', async () => {
    const p = await pair({}, { groups: ['secp384r1'] });
    ok(p);
    expect(p.client.handshake!.group).to.equal('secp384r1');
    expect(p.server.handshake!.group).to.equal('secp384r1');
    // The server's first record is a HelloRetryRequest: ServerHello with the special random.
    expect(toHex(p.server.wire[0]!.subarray(5 + 6, 5 + 38))).to.equal(toHex(HRR_RANDOM));
  });

  it('no common group: handshake_failure, no-shared-group on the server', async () => {
    const p = await pair({ groups: ['x25519'] }, { groups: ['secp384r1'] });
    await bothFailed(p);
    expect(p.server.error!.fault).to.equal('no-shared-group');
    expect(p.client.error!.origin).to.equal('peer');
    expect(p.client.error!.alert).to.equal(40);
  });

  it('no common suite: handshake_failure, no-shared-cipher', async () => {
    const p = await pair({ cipherSuites: 'TLS_AES_128_GCM_SHA256' }, { cipherSuites: 'TLS_AES_256_GCM_SHA384' });
    await bothFailed(p);
    expect(p.server.error!.fault).to.equal('no-shared-cipher');
    expect(p.client.error!.fault).to.equal('no-shared-cipher');
  });

  it('ALPN: the server picks by its own preference', async () => {
    const p = await pair({ ALPNProtocols: ['http/1.1', 'h2'] }, { ALPNProtocols: ['h2', 'http/1.1'] });
    ok(p);
    expect(p.client.handshake!.alpnProtocol).to.equal('h2');
    expect(p.server.handshake!.alpnProtocol).to.equal('h2');
  });

  it('ALPN without overlap: no_application_protocol on both sides', async () => {
    const p = await pair({ ALPNProtocols: ['spdy/3'] }, { ALPNProtocols: ['h2'] });
    await bothFailed(p);
    expect(p.server.error!.fault).to.equal('no-application-protocol');
    expect(p.client.error!.fault).to.equal('no-application-protocol');
    expect(p.client.error!.origin).to.equal('peer');
  });

  it('SNI selects the certificate through selectCertificate (exact and wildcard names)', async () => {
    const exact = ca.issue({ keyType: 'ec-p384', dns: ['api.example.test'] });
    const wild = ca.issue({ keyType: 'rsa-2048', dns: ['*.example.test'] });
    const sni = { 'api.example.test': { cert: exact.chain, key: exact.key }, '*.example.test': { cert: wild.chain, key: wild.key } };
    const a = await pair({ servername: 'api.example.test' }, { sniCertificates: sni });
    ok(a);
    expect(a.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(exact.cert));
    expect(a.server.handshake!.servername).to.equal('api.example.test');
    const b = await pair({ servername: 'files.example.test' }, { sniCertificates: sni });
    ok(b);
    expect(b.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(wild.cert));
    const c = await pair({ servername: 'localhost' }, { sniCertificates: sni });
    ok(c);
    expect(c.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(leaf.cert));
  });

  it('an IP literal is verified against the certificate but not sent as SNI', async () => {
    const p = await pair({ servername: '127.0.0.1' }, {});
    ok(p);
    expect(p.client.handshake!.peerVerified).to.equal(true);
    expect(p.server.handshake!.servername).to.equal(undefined);
    expect(p.client.handshake!.servername).to.equal(undefined);
  });

  it('host name mismatch: hostname-mismatch, bad_certificate on the wire', async () => {
    const p = await pair({ servername: 'elsewhere.test' }, {});
    await bothFailed(p);
    expect(p.client.error!.fault).to.equal('hostname-mismatch');
    expect(p.server.error!.alert).to.equal(42);
  });

  it('unknown CA fails by default and passes unverified with rejectUnauthorized false', async () => {
    const bad = await pair({ ca: otherCa.cert }, {});
    await bothFailed(bad);
    expect(bad.client.error!.fault).to.equal('unknown-ca');
    expect(bad.server.error!.fault).to.equal('unknown-ca');
    const lax = await pair({ ca: otherCa.cert, rejectUnauthorized: false }, {});
    ok(lax);
    expect(lax.client.handshake!.peerVerified).to.equal(false);
    expect(lax.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(leaf.cert));
  });

  describe('client certificates', () => {
    const server = (rejectUnauthorized: boolean): SecureAttributes => ({ requestCert: true, rejectUnauthorized, ca: ca.cert });

    it('a verified client certificate', async () => {
      const p = await pair({ cert: clientLeaf.chain, key: clientLeaf.key }, server(true));
      ok(p);
      expect(p.server.handshake!.peerVerified).to.equal(true);
      expect(p.server.handshake!.peerCertificates[0]).to.deep.equal(firstDer(clientLeaf.cert));
    });

    it('no client certificate with rejectUnauthorized: certificate_required', async () => {
      const p = await pair({}, server(true));
    await bothFailed(p);
      expect(p.server.error!.fault).to.equal('certificate-required');
      expect(p.client.error!.fault).to.equal('certificate-required');
    });

    it('no client certificate without rejectUnauthorized: an empty Certificate is accepted', async () => {
      const p = await pair({}, server(false));
      ok(p);
      expect(p.server.handshake!.peerCertificates).to.deep.equal([]);
      expect(p.server.handshake!.peerVerified).to.equal(false);
    });

    it('a certificate from an unknown CA: unknown_ca with rejectUnauthorized, unverified without', async () => {
      const strict = await pair({ cert: strangerLeaf.chain, key: strangerLeaf.key }, server(true));
      await bothFailed(strict);
      expect(strict.server.error!.fault).to.equal('unknown-ca');
      const lax = await pair({ cert: strangerLeaf.chain, key: strangerLeaf.key }, server(false));
      ok(lax);
      expect(lax.server.handshake!.peerVerified).to.equal(false);
      expect(lax.server.handshake!.peerCertificates[0]).to.deep.equal(firstDer(strangerLeaf.cert));
    });
  });

  describe('resumption with tickets', () => {
    async function resume(clientAttrs: SecureAttributes, serverAttrs: SecureAttributes): Promise<{ first: EnginePair; second: EnginePair }> {
      const cAttrs = { ca: ca.cert, servername: 'localhost', ...clientAttrs };
      const sAttrs = { cert: leaf.chain, key: leaf.key, ...serverAttrs };
      const [cctx, sctx] = await EnginePair.contexts(backend, cAttrs, sAttrs);
      const first = EnginePair.fromContexts(cctx, cAttrs, sctx, sAttrs);
      await first.handshake();
      await first.until(() => first.client.sessions.length > 0 || first.client.error !== undefined);
      const second = EnginePair.fromContexts(cctx, { ...cAttrs, session: first.client.sessions[0]! }, sctx, sAttrs);
      await second.handshake();
      return { first, second };
    }

    it('the client resumes with the ticket; results carry the original peer and ALPN', async () => {
      const { first, second } = await resume({ ALPNProtocols: ['h2'] }, { ALPNProtocols: ['h2'] });
      expect(first.client.handshake!.resumed).to.equal(false);
      expect(second.client.error, String(second.client.error)).to.equal(undefined);
      expect(second.client.handshake).to.include({ resumed: true, peerVerified: true, alpnProtocol: 'h2', group: 'X25519MLKEM768' });
      expect(second.server.handshake!.resumed).to.equal(true);
      expect(second.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(leaf.cert));
      second.client.engine.send(text('resumed'), () => {});
      await second.until(() => second.server.received.length > 0);
    });

    it('resumption keeps the client certificate the server saw', async () => {
      const { second } = await resume({ cert: clientLeaf.chain, key: clientLeaf.key }, { requestCert: true, ca: ca.cert });
      expect(second.server.handshake).to.include({ resumed: true, peerVerified: true });
      expect(second.server.handshake!.peerCertificates[0]).to.deep.equal(firstDer(clientLeaf.cert));
    });

    it('resumption through a HelloRetryRequest (binder over message_hash and the retry)', async () => {
      const { second } = await resume({ groups: ['x25519', 'secp384r1'] }, { groups: ['secp384r1'] });
      expect(second.client.error, String(second.client.error)).to.equal(undefined);
      expect(second.client.handshake).to.include({ resumed: true, group: 'secp384r1' });
    });

    it('a ticket from another server context is not accepted: full handshake', async () => {
      const { first } = await resume({}, {});
      const p = await pair({ session: first.client.sessions[0]! }, {});
      ok(p);
      expect(p.client.handshake!.resumed).to.equal(false);
    });

    it('no tickets when sessionTickets is false', async () => {
      const p = await pair({}, { sessionTickets: false });
      ok(p);
      await new Promise((r) => setTimeout(r, 20));
      expect(p.client.sessions).to.deep.equal([]);
    });
  });

  it('KeyUpdate both ways, with update_requested answered', async () => {
    const p = await pair({}, {});
    ok(p);
    p.client.engine.keyUpdate(true);
    p.client.engine.send(text('one'), () => {});
    await p.until(() => p.server.receivedText() === 'one');
    p.server.engine.send(text('two'), () => {});
    await p.until(() => p.client.receivedText() === 'two');
    p.server.engine.keyUpdate(false);
    p.server.engine.send(text('three'), () => {});
    await p.until(() => p.client.receivedText() === 'twothree');
    p.client.engine.send(text('four'), () => {});
    await p.until(() => p.server.receivedText() === 'onefour');
    ok(p);
  });

  it('send splits large writes into 2^14-byte records', async () => {
    const p = await pair({}, {});
    const big = new Uint8Array(40_000).map((_, i) => i & 0xff);
    let done = false;
    p.client.engine.send(big, (e) => {
      expect(e).to.equal(undefined);
      done = true;
    });
    expect(done).to.equal(true);
    await p.until(() => p.server.received.reduce((n, c) => n + c.length, 0) === big.length);
    expect(Buffer.concat(p.server.received)).to.deep.equal(Buffer.from(big));
    expect(p.server.received.length).to.equal(3);
  });

  it('close_notify: the peer reports peerClosed; sending after close fails', async () => {
    const p = await pair({}, {});
    p.client.engine.closeNotify();
    await p.until(() => p.server.peerClosed);
    let error: unknown;
    p.client.engine.send(text('late'), (e) => {
      error = e;
    });
    expect((error as { fault: string }).fault).to.equal('peer-closed');
    p.server.engine.closeNotify();
    await p.until(() => p.client.peerClosed);
  });

  it('key log lines: five per side, the same secrets on both sides', async () => {
    const p = await pair({ keylog: () => {} }, { keylog: () => {} });
    ok(p);
    expect(p.client.keylog.map((l) => l.split(' ')[0])).to.deep.equal([
      'CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0', 'EXPORTER_SECRET',
    ]);
    expect([...p.client.keylog].sort()).to.deep.equal([...p.server.keylog].sort());
    const none = await pair({}, {});
    expect(none.client.keylog).to.deep.equal([]);
  });

  it('destroy is idempotent and silences the engine', async () => {
    const p = await pair({}, {});
    await p.client.engine.destroy();
    await p.client.engine.destroy();
    p.client.engine.receive(new Uint8Array([23, 3, 3, 0, 1, 0]));
    expect(p.client.error).to.equal(undefined);
  });
});
