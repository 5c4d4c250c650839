import { expect } from 'chai';
import { AlertDescription, AlertLevel, resolveTlsConfig, TlsError, type SecureAttributes } from '@tlsport/core';
import { EnginePair, TestCa, type Issued } from '@tlsport/testkit';
import { toHex } from '../../src/codec/bytes.js';
import { HandshakeType } from '../../src/handshake/types.js';
import { ContentType } from '../../src/record/types.js';
import { parseTls12Session } from '../../src/tls12/sessionState.js';
import { PureBackend } from '../../src/index.js';
import { firstDer } from '../helpers/pem.js';
import { handshakeMessage, keysFromKeylog, messages, openAll, records, serverRandomOf } from './helpers/wire.js';

const backend = new PureBackend();
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const TLS12: SecureAttributes = { maxVersion: 'TLSv1.2' };

describe('TLS 1.2 pure client <-> pure server: features', () => {
  let ca: TestCa;
  let otherCa: TestCa;
  let leaf: Issued;
  let rsaLeaf: Issued;
  let clientLeaf: Issued;
  let strangerLeaf: Issued;
  const pairs: EnginePair[] = [];

  before(() => {
    ca = TestCa.root();
    otherCa = TestCa.root({ cn: 'someone else' });
    leaf = ca.issue({ keyType: 'ec-p256', dns: ['localhost', 'www.example.test'] });
    rsaLeaf = ca.issue({ keyType: 'rsa-2048', dns: ['rsa.example.test'] });
    clientLeaf = ca.issue({ keyType: 'ec-p384', cn: 'client one' });
    strangerLeaf = otherCa.issue({ keyType: 'ec-p256', cn: 'stranger' });
  });
  afterEach(async () => {
    await Promise.all(pairs.splice(0).map((p) => p.destroy()));
  });
  after(() => {
    ca.dispose();
    otherCa.dispose();
  });

  async function pair(client: SecureAttributes, server: SecureAttributes, tamper?: (d: 'c2s' | 's2c', chunk: Uint8Array) => Uint8Array): Promise<EnginePair> {
    const p = await EnginePair.create(
      backend, { ca: ca.cert, servername: 'localhost', keylog: () => {}, ...client },
      backend, { cert: leaf.chain, key: leaf.key, keylog: () => {}, ...server },
      tamper === undefined ? {} : { tamper },
    );
    pairs.push(p);
    await p.handshake();
    return p;
  }

  function ok(p: EnginePair): void {
    expect(p.client.error, String(p.client.error)).to.equal(undefined);
    expect(p.server.error, String(p.server.error)).to.equal(undefined);
  }

  it('HandshakeResult is filled exactly on both sides', async () => {
    const p = await pair({ ...TLS12, ALPNProtocols: ['h2', 'http/1.1'] }, { ALPNProtocols: ['http/1.1'] });
    ok(p);
    const common = { version: 'TLSv1.2', cipherSuite: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', group: 'x25519', alpnProtocol: 'http/1.1', servername: 'localhost', resumed: false };
    expect(p.client.handshake).to.deep.equal({ ...common, peerCertificates: p.client.handshake!.peerCertificates, peerVerified: true });
    expect(p.client.handshake!.peerCertificates.map(toHex)).to.deep.equal([toHex(firstDer(leaf.cert)), toHex(firstDer(ca.cert))]);
    expect(p.server.handshake).to.deep.equal({ ...common, peerCertificates: [], peerVerified: false });
  });

  it('both sides log the same CLIENT_RANDOM line, client random first, 48-byte master secret', async () => {
    const p = await pair(TLS12, {});
    ok(p);
    expect(p.client.keylog).to.have.length(1);
    expect(p.client.keylog).to.deep.equal(p.server.keylog);
    const clientRandom = toHex(messages(records(p.client.wire[0]!)[0]!.fragment)[0]!.slice(6, 38));
    expect(p.client.keylog[0]).to.match(new RegExp(`^CLIENT_RANDOM ${clientRandom} [0-9a-f]{96}$`));
  });

  it('SNI picks the certificate (an RSA certificate brings an ECDHE_RSA suite)', async () => {
    const p = await pair({ ...TLS12, servername: 'rsa.example.test' }, { sniCertificates: { 'rsa.example.test': { cert: rsaLeaf.chain, key: rsaLeaf.key } } });
    ok(p);
    expect(p.client.handshake!.cipherSuite).to.equal('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    expect(p.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(rsaLeaf.cert));
    expect(p.server.handshake!.servername).to.equal('rsa.example.test');
  });

  it('no suite for the certificate type (client offers only ECDHE_RSA, server has an EC key): handshake_failure', async () => {
    const p = await pair({ ...TLS12, ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' }, {});
    await p.until(() => p.client.error !== undefined && p.server.error !== undefined);
    expect(p.server.error!.fault).to.equal('no-shared-cipher');
    expect(p.client.error!.alert).to.equal(AlertDescription.handshake_failure);
  });

  it('KeyUpdate is rejected on TLS 1.2 with "unsupported"', async () => {
    const p = await pair(TLS12, {});
    ok(p);
    expect(() => p.client.engine.keyUpdate(false)).to.throw(TlsError).with.property('fault', 'unsupported');
  });

  describe('client certificates', () => {
    it('requested and verified', async () => {
      const p = await pair({ ...TLS12, cert: clientLeaf.chain, key: clientLeaf.key }, { requestCert: true, rejectUnauthorized: true, ca: ca.cert });
      ok(p);
      expect(p.server.handshake).to.include({ peerVerified: true });
      expect(p.server.handshake!.peerCertificates[0]).to.deep.equal(firstDer(clientLeaf.cert));
    });

    it('an RSA client certificate signs CertificateVerify with RSA-PSS', async () => {
      const p = await pair({ ...TLS12, cert: rsaLeaf.chain, key: rsaLeaf.key }, { requestCert: true, rejectUnauthorized: true, ca: ca.cert });
      ok(p);
      expect(p.server.handshake!.peerCertificates[0]).to.deep.equal(firstDer(rsaLeaf.cert));
    });

    it('required but none sent: handshake_failure (TLS 1.2 has no certificate_required)', async () => {
      const p = await pair(TLS12, { requestCert: true, rejectUnauthorized: true, ca: ca.cert });
      await p.until(() => p.client.error !== undefined && p.server.error !== undefined);
      expect(p.server.error).to.include({ fault: 'certificate-required', alert: AlertDescription.handshake_failure });
      expect(p.client.error!.alert).to.equal(AlertDescription.handshake_failure);
    });

    it('an unknown issuer is fatal with rejectUnauthorized', async () => {
      const p = await pair({ ...TLS12, cert: strangerLeaf.chain, key: strangerLeaf.key }, { requestCert: true, rejectUnauthorized: true, ca: ca.cert });
      await p.until(() => p.server.error !== undefined);
      expect(p.server.error!.fault).to.equal('unknown-ca');
    });

    it('an unknown issuer is recorded, not fatal, without rejectUnauthorized', async () => {
      const p = await pair({ ...TLS12, cert: strangerLeaf.chain, key: strangerLeaf.key }, { requestCert: true, rejectUnauthorized: false, ca: ca.cert });
      ok(p);
      expect(p.server.handshake!.peerVerified).to.equal(false);
      expect(p.server.handshake!.peerCertificates[0]).to.deep.equal(firstDer(strangerLeaf.cert));
    });
  });

  describe('resumption', () => {
    async function resume(clientAttrs: SecureAttributes, serverAttrs: SecureAttributes, second: SecureAttributes = {}): Promise<{ first: EnginePair; second: EnginePair }> {
      const cAttrs = { ca: ca.cert, servername: 'localhost', keylog: () => {}, ...TLS12, ...clientAttrs };
      const sAttrs = { cert: leaf.chain, key: leaf.key, ...serverAttrs };
      const [cctx, sctx] = await EnginePair.contexts(backend, cAttrs, sAttrs);
      const one = EnginePair.fromContexts(cctx, cAttrs, sctx, sAttrs);
      await one.handshake();
      await one.until(() => one.client.sessions.length > 0 || one.client.error !== undefined);
      // Suites and groups are context settings: a second attempt that changes them gets a client context of its own.
      const secondContext = Object.keys(second).length === 0 ? cctx : await backend.createContext(resolveTlsConfig({ ...cAttrs, ...second, role: 'client' }));
      const two = EnginePair.fromContexts(secondContext, { ...cAttrs, session: one.client.sessions[0]!, ...second }, sctx, sAttrs);
      await two.handshake();
      return { first: one, second: two };
    }

    it('by ticket: resumed on both sides, no group, the original peer and a fresh ALPN', async () => {
      const { first, second } = await resume({ ALPNProtocols: ['h2'] }, { ALPNProtocols: ['h2'] });
      const state = parseTls12Session(first.client.sessions[0]!, 'session');
      expect(state.ticket.length).to.be.greaterThan(0);
      expect(second.client.error, String(second.client.error)).to.equal(undefined);
      for (const side of [second.client, second.server]) {
        expect(side.handshake).to.include({ version: 'TLSv1.2', resumed: true, group: undefined, alpnProtocol: 'h2', cipherSuite: first.client.handshake!.cipherSuite });
      }
      expect(second.client.handshake!.peerVerified).to.equal(true);
      expect(second.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(leaf.cert));
      // Same master secret: the key log lines carry it.
      expect(second.client.keylog[0]!.split(' ')[2]).to.equal(first.client.keylog[0]!.split(' ')[2]);
      second.client.engine.send(text('resumed'), () => {});
      await second.until(() => second.server.received.length > 0);
      expect(second.server.receivedText()).to.equal('resumed');
    });

    it('by session id when the server issues no tickets', async () => {
      const { first, second } = await resume({}, { sessionTickets: false });
      const state = parseTls12Session(first.client.sessions[0]!, 'session');
      expect(state.ticket.length).to.equal(0);
      expect(state.sessionId.length).to.equal(32);
      expect(second.client.handshake).to.include({ resumed: true, group: undefined });
      expect(second.server.handshake).to.include({ resumed: true, group: undefined });
    });

    it('keeps the client certificate the server saw', async () => {
      const { second } = await resume({ cert: clientLeaf.chain, key: clientLeaf.key }, { requestCert: true, ca: ca.cert });
      expect(second.server.handshake).to.include({ resumed: true, peerVerified: true });
      expect(second.server.handshake!.peerCertificates[0]).to.deep.equal(firstDer(clientLeaf.cert));
    });

    it('a session is not offered to another server name (full handshake)', async () => {
      const { second } = await resume({}, {}, { servername: 'www.example.test' });
      expect(second.client.handshake).to.include({ resumed: false, group: 'x25519' });
    });

    it('a session whose suite is no longer enabled is not offered', async () => {
      const { second } = await resume({ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384' }, {}, { ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' });
      expect(second.client.handshake).to.include({ resumed: false, cipherSuite: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384' });
    });

    it('a ticket from another server context gives a full handshake', async () => {
      const { first } = await resume({}, {});
      const p = await pair({ ...TLS12, session: first.client.sessions[0]! }, {});
      ok(p);
      expect(p.client.handshake).to.include({ resumed: false, group: 'x25519' });
      expect(p.client.sessions).to.have.length(1);
    });
  });

  describe('version negotiation and the downgrade sentinel', () => {
    const SENTINEL = toHex(new TextEncoder().encode('DOWNGRD\x01'));
    const randomTail = (p: EnginePair): string => toHex(serverRandomOf(p.server.wire[0]!).subarray(24));

    it('both sides able: TLS 1.3', async () => {
      const p = await pair({}, {});
      ok(p);
      expect(p.client.handshake!.version).to.equal('TLSv1.3');
    });

    it('a 1.3-capable server answering a 1.2-only client sets the sentinel; the client (not 1.3-capable) accepts', async () => {
      const p = await pair(TLS12, {});
      ok(p);
      expect(p.client.handshake!.version).to.equal('TLSv1.2');
      expect(randomTail(p)).to.equal(SENTINEL);
    });

    it('a genuinely 1.2-only server sets no sentinel; a 1.3-capable client accepts TLS 1.2', async () => {
      const p = await pair({}, TLS12);
      ok(p);
      expect(p.client.handshake!.version).to.equal('TLSv1.2');
      expect(randomTail(p)).not.to.equal(SENTINEL);
    });

    it('a ServerHello tampered to carry the sentinel: the 1.3-capable client aborts with illegal_parameter', async () => {
      const sentinel = new TextEncoder().encode('DOWNGRD\x01');
      let first = true;
      const p = await pair({}, TLS12, (direction, chunk) => {
        if (direction !== 's2c' || !first) return chunk;
        first = false;
        const out = Uint8Array.from(chunk);
        out.set(sentinel, 5 + 4 + 2 + 24);
        return out;
      });
      await p.until(() => p.client.error !== undefined);
      expect(p.client.error).to.include({ fault: 'illegal-parameter', origin: 'local' });
      expect(p.client.handshake).to.equal(undefined);
    });

    it('client TLS 1.3 only, server TLS 1.2 only: protocol_version', async () => {
      const p = await pair({ minVersion: 'TLSv1.3' }, TLS12);
      await p.until(() => p.client.error !== undefined && p.server.error !== undefined);
      expect(p.server.error!.fault).to.equal('protocol-version');
      expect(p.client.error!.alert).to.equal(AlertDescription.protocol_version);
    });

    it('client TLS 1.2 only, server TLS 1.3 only: protocol_version', async () => {
      const p = await pair(TLS12, { minVersion: 'TLSv1.3' });
      await p.until(() => p.client.error !== undefined && p.server.error !== undefined);
      expect(p.server.error!.fault).to.equal('protocol-version');
    });
  });

  describe('renegotiation is refused', () => {
    /** Records after this side's ChangeCipherSpec: the protected ones. */
    function protectedRecords(wire: readonly Uint8Array[]): ReturnType<typeof records> {
      const all = wire.flatMap((c) => records(c));
      return all.slice(all.findIndex((r) => r.type === ContentType.change_cipher_spec) + 1);
    }

    it('server: a ClientHello after the handshake gets a no_renegotiation warning; the connection goes on', async () => {
      const p = await pair(TLS12, {});
      ok(p);
      const keys = keysFromKeylog(p.client.keylog[0]!, serverRandomOf(p.server.wire[0]!), p.client.handshake!.cipherSuite);
      const clientHello = messages(records(p.client.wire[0]!)[0]!.fragment)[0]!;
      keys.client.seal(ContentType.handshake, new Uint8Array(16)); // the client's Finished took sequence number 0
      const before = p.server.wire.length;
      p.server.engine.receive(keys.client.seal(ContentType.handshake, clientHello));
      expect(p.server.error).to.equal(undefined);
      expect(p.server.wire.length).to.equal(before + 1);
      const opened = openAll(keys.server, protectedRecords(p.server.wire));
      expect(opened.at(-1)).to.deep.equal({ type: ContentType.alert, content: Uint8Array.of(AlertLevel.warning, AlertDescription.no_renegotiation) });
      p.server.engine.send(text('still here'), () => {});
      await p.until(() => p.client.received.length > 0);
      expect(p.client.receivedText()).to.equal('still here');
      expect(p.client.error).to.equal(undefined);
    });

    it('client: a HelloRequest gets a no_renegotiation warning; the connection goes on', async () => {
      const p = await pair(TLS12, {});
      ok(p);
      const keys = keysFromKeylog(p.client.keylog[0]!, serverRandomOf(p.server.wire[0]!), p.client.handshake!.cipherSuite);
      keys.server.seal(ContentType.handshake, new Uint8Array(16)); // the server's Finished
      p.client.engine.receive(keys.server.seal(ContentType.handshake, handshakeMessage(HandshakeType.hello_request, new Uint8Array(0))));
      expect(p.client.error).to.equal(undefined);
      const opened = openAll(keys.client, protectedRecords(p.client.wire));
      expect(opened.at(-1)).to.deep.equal({ type: ContentType.alert, content: Uint8Array.of(AlertLevel.warning, AlertDescription.no_renegotiation) });
      p.client.engine.send(text('still here'), () => {});
      await p.until(() => p.server.received.length > 0);
      expect(p.server.receivedText()).to.equal('still here');
      expect(p.server.error).to.equal(undefined);
    });
  });
});
