import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { CIPHER_SUITES, type TlsVersion } from '@tlsport/core';
import { TestCa, type KeyType } from '@tlsport/testkit';
import { Pairs, send } from './helpers/fixtures.js';

function der(pem: string): Uint8Array {
  return new Uint8Array(new X509Certificate(pem).raw);
}

describe('node-tls engine: handshakes', function () {
  const pairs = new Pairs();
  const ca = TestCa.root();
  const leaves = new Map<KeyType, { cert: string; key: string; leaf: string }>();
  function leaf(keyType: KeyType) {
    let found = leaves.get(keyType);
    if (found === undefined) {
      const issued = ca.issue({ keyType });
      found = { cert: issued.chain, key: issued.key, leaf: issued.cert };
      leaves.set(keyType, found);
    }
    return found;
  }
  const client = { ca: ca.cert, servername: 'localhost' };

  afterEach(() => pairs.destroyAll());
  after(() => ca.dispose());

  for (const suite of CIPHER_SUITES) {
    it(`${suite.version} ${suite.name}: negotiates it and carries data both ways`, async () => {
      const cert = leaf(suite.auth === 'rsa' ? 'rsa-2048' : 'ec-p256');
      const only = suite.version === 'TLSv1.3' ? { cipherSuites: suite.name } : { ciphers: suite.openssl };
      const pair = await pairs.handshake(
        { ...client, ...only, minVersion: suite.version, maxVersion: suite.version },
        { cert: cert.cert, key: cert.key },
      );
      expect(pair.client.error).to.equal(undefined);
      for (const side of [pair.client, pair.server]) {
        expect(side.handshake?.version).to.equal(suite.version);
        expect(side.handshake?.cipherSuite).to.equal(suite.name);
        expect(side.handshake?.resumed).to.equal(false);
      }
      await send(pair, 'client', 'ping');
      await send(pair, 'server', 'pong');
      await pair.until(() => pair.server.receivedText() === 'ping' && pair.client.receivedText() === 'pong');
    });
  }

  for (const version of ['TLSv1.2', 'TLSv1.3'] as TlsVersion[]) {
    for (const [group, name] of [['x25519', 'x25519'], ['P-256', 'secp256r1'], ['P-384', 'secp384r1']]) {
      it(`${version} group ${group}: both sides report ${name}`, async () => {
        // RSA: in TLS 1.2 an ECDSA certificate's own curve must also be among the client's groups.
        const pair = await pairs.handshake({ ...client, groups: group, minVersion: version, maxVersion: version }, leaf('rsa-2048'));
        expect(pair.client.error).to.equal(undefined);
        expect(pair.client.handshake?.group).to.equal(name);
        expect(pair.server.handshake?.group).to.equal(name);
      });
    }

    for (const keyType of ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519'] as KeyType[]) {
      it(`${version} ${keyType} server certificate: verified, chain leaf first`, async () => {
        const cert = leaf(keyType);
        const pair = await pairs.handshake({ ...client, minVersion: version, maxVersion: version }, cert);
        expect(pair.client.error).to.equal(undefined);
        expect(pair.client.handshake?.peerVerified).to.equal(true);
        expect(pair.client.handshake?.peerCertificates[0]).to.deep.equal(der(cert.leaf));
        expect(pair.client.handshake?.peerCertificates[1]).to.deep.equal(der(ca.cert));
        expect(pair.client.handshake?.peerCertificates).to.have.length(2);
      });
    }

    it(`${version} key log: both sides log the same NSS lines`, async () => {
      const pair = await pairs.handshake({ ...client, minVersion: version, maxVersion: version, keylog: () => {} }, { ...leaf('ec-p256'), keylog: () => {} });
      const labels = pair.client.keylog.map((l) => l.split(' ')[0]).sort();
      expect(labels).to.deep.equal(
        version === 'TLSv1.3'
          ? ['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'EXPORTER_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_TRAFFIC_SECRET_0']
          : ['CLIENT_RANDOM'],
      );
      for (const line of pair.client.keylog) expect(line).to.match(/^[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]+$/);
      expect([...pair.server.keylog].sort()).to.deep.equal([...pair.client.keylog].sort());
    });
  }

  it('no key log lines when no keylog callback is set', async () => {
    const pair = await pairs.handshake(client, leaf('ec-p256'));
    expect(pair.client.keylog).to.deep.equal([]);
    expect(pair.server.keylog).to.deep.equal([]);
  });

  it('TLS 1.3 HelloRetryRequest: the server group is learned from the second ServerHello', async () => {
    const pair = await pairs.handshake({ ...client, groups: 'x25519:P-384' }, { ...leaf('ec-p256'), groups: 'P-384' });
    expect(pair.client.handshake?.group).to.equal('secp384r1');
    expect(pair.server.handshake?.group).to.equal('secp384r1');
  });

  it('ALPN: the server picks from its own list', async () => {
    const pair = await pairs.handshake({ ...client, ALPNProtocols: ['h2', 'http/1.1'] }, { ...leaf('ec-p256'), ALPNProtocols: ['http/1.1'] });
    expect(pair.client.handshake?.alpnProtocol).to.equal('http/1.1');
    expect(pair.server.handshake?.alpnProtocol).to.equal('http/1.1');
  });

  it('ALPN: no overlap fails with no-application-protocol on both sides', async () => {
    const pair = await pairs.handshake({ ...client, ALPNProtocols: ['h2'] }, { ...leaf('ec-p256'), ALPNProtocols: ['imap'] });
    expect(pair.server.error?.fault).to.equal('no-application-protocol');
    await pair.until(() => pair.client.error !== undefined);
    expect(pair.client.error?.fault).to.equal('no-application-protocol');
    expect(pair.client.error?.origin).to.equal('peer');
  });

  it('ALPN: none offered gives undefined', async () => {
    const pair = await pairs.handshake(client, { ...leaf('ec-p256'), ALPNProtocols: ['h2'] });
    expect(pair.client.handshake?.alpnProtocol).to.equal(undefined);
    expect(pair.server.handshake?.alpnProtocol).to.equal(undefined);
  });

  describe('SNI', () => {
    let api: { cert: string; key: string; leaf: string };
    let wildcard: { cert: string; key: string; leaf: string };
    before(() => {
      const a = ca.issue({ dns: ['api.example.com'] });
      const w = ca.issue({ dns: ['*.example.com'] });
      api = { cert: a.chain, key: a.key, leaf: a.cert };
      wildcard = { cert: w.chain, key: w.key, leaf: w.cert };
    });
    const server = () => ({ ...leaf('ec-p256'), sniCertificates: { 'api.example.com': api, '*.example.com': wildcard } });

    it('an exact name selects its certificate', async () => {
      const pair = await pairs.handshake({ ca: ca.cert, servername: 'api.example.com' }, server());
      expect(pair.client.error).to.equal(undefined);
      expect(pair.client.handshake?.peerCertificates[0]).to.deep.equal(der(api.leaf));
      expect(pair.server.handshake?.servername).to.equal('api.example.com');
      expect(pair.client.handshake?.servername).to.equal('api.example.com');
    });

    it('a wildcard entry covers one label', async () => {
      const pair = await pairs.handshake({ ca: ca.cert, servername: 'www.example.com' }, server());
      expect(pair.client.error).to.equal(undefined);
      expect(pair.client.handshake?.peerCertificates[0]).to.deep.equal(der(wildcard.leaf));
    });

    it('an unknown name falls back to the default certificate', async () => {
      const pair = await pairs.handshake({ ca: ca.cert, servername: 'localhost' }, server());
      expect(pair.client.handshake?.peerCertificates[0]).to.deep.equal(der(leaf('ec-p256').leaf));
      expect(pair.server.handshake?.servername).to.equal('localhost');
    });

    it('a server with only SNI certificates fails a name it has none for with no-certificate', async () => {
      const pair = await pairs.handshake({ ca: ca.cert, servername: 'elsewhere.test' }, { sniCertificates: { 'api.example.com': api } });
      expect(pair.server.error?.fault).to.equal('no-certificate');
      expect(pair.server.error?.detail).to.contain('elsewhere.test');
      await pair.until(() => pair.client.error !== undefined);
      expect(pair.client.error?.origin).to.equal('peer');
    });

    it('an IP literal is verified against IP SANs and not sent', async () => {
      const pair = await pairs.handshake({ ca: ca.cert, servername: '127.0.0.1' }, server());
      expect(pair.client.error).to.equal(undefined);
      expect(pair.client.handshake?.peerVerified).to.equal(true);
      expect(pair.client.handshake?.servername).to.equal(undefined);
      expect(pair.server.handshake?.servername).to.equal(undefined);
    });
  });

  describe('close_notify', () => {
    it('reaches the peer as peerClosed; the peer can still answer, then close too', async () => {
      const pair = await pairs.handshake(client, leaf('ec-p256'));
      pair.client.engine.closeNotify();
      await pair.until(() => pair.server.peerClosed);
      await send(pair, 'server', 'last words');
      await pair.until(() => pair.client.receivedText() === 'last words');
      pair.server.engine.closeNotify();
      await pair.until(() => pair.client.peerClosed);
      expect(pair.client.error).to.equal(undefined);
      expect(pair.server.error).to.equal(undefined);
    });

    it('send after closeNotify fails with connection-closed', async () => {
      const pair = await pairs.handshake(client, leaf('ec-p256'));
      pair.client.engine.closeNotify();
      const error = await send(pair, 'client', 'late').then(() => undefined, (e: unknown) => e);
      expect(error).to.have.property('fault', 'peer-closed');
    });
  });
});
