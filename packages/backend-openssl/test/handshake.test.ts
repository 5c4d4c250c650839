import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { CIPHER_SUITES, GROUPS, TlsError } from '@tlsport/core';
import { opensslHasHybridGroups } from '@tlsport/core/openssl';
import { deliver, handshakePair } from './helpers/pair.js';
import { makePki, serverWith, type Pki } from './helpers/pki.js';

describe('openssl <-> openssl handshakes (engine level)', () => {
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => pki.dispose());

  for (const suite of CIPHER_SUITES) {
    it(`${suite.version} ${suite.name}`, async () => {
      const cert = suite.auth === 'rsa' ? pki.rsa : pki.ecdsa;
      const attrs = suite.version === 'TLSv1.3' ? { cipherSuites: suite.name, minVersion: 'TLSv1.3' as const } : { ciphers: suite.openssl, maxVersion: 'TLSv1.2' as const };
      const pair = await handshakePair({ ...attrs, ca: pki.ca.cert, servername: 'localhost' }, { ...attrs, ...serverWith(cert) });
      try {
        expect(pair.client.error).to.equal(undefined);
        // The default group: in TLS 1.3 the X25519MLKEM768 hybrid where this Node's OpenSSL has it (3.5+), else x25519.
        const group = suite.version === 'TLSv1.3' && opensslHasHybridGroups(process.versions.openssl) ? 'X25519MLKEM768' : 'x25519';
        for (const side of [pair.client, pair.server]) {
          expect(side.handshake).to.include({ version: suite.version, cipherSuite: suite.name, resumed: false, group });
        }
        expect(pair.client.handshake!.peerVerified).to.equal(true);
        expect(pair.client.handshake!.servername).to.equal('localhost');
        expect(pair.server.handshake!.servername).to.equal('localhost');
        // The peer chain is DER, leaf first, as sent: the leaf then the root.
        const chain = pair.client.handshake!.peerCertificates.map((der) => new X509Certificate(der));
        expect(chain.map((c) => c.fingerprint256)).to.deep.equal([new X509Certificate(cert.cert).fingerprint256, new X509Certificate(pki.ca.cert).fingerprint256]);
        expect(pair.server.handshake!.peerCertificates).to.have.length(0);
        expect(pair.server.handshake!.peerVerified).to.equal(false);
        await deliver(pair, pair.client, 'ping from the client');
        await deliver(pair, pair.server, 'pong from the server');
        expect(pair.server.receivedText()).to.equal('ping from the client');
        expect(pair.client.receivedText()).to.equal('pong from the server');
      } finally {
        await pair.destroy();
      }
    });
  }

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    // The hybrids are TLS 1.3 only (draft-ietf-tls-ecdhe-mlkem §3).
    for (const group of GROUPS.filter((g) => version === 'TLSv1.3' || !g.hybrid)) {
      it(`${version} group ${group.name}`, async () => {
        const attrs = { minVersion: version, maxVersion: version };
        if (group.hybrid && !opensslHasHybridGroups(process.versions.openssl)) {
          // Before OpenSSL 3.5 the environment refuses it up front, saying why.
          const refused = await handshakePair({ ...attrs, ca: pki.ca.cert, groups: group.openssl }, { ...attrs, ...serverWith(pki.ecdsa), groups: group.openssl }).then(
            () => expect.fail('a hybrid-only environment opened on OpenSSL < 3.5'),
            (error: unknown) => error,
          );
          expect(refused).to.be.instanceOf(TlsError).and.include({ fault: 'unsupported' });
          expect(String(refused)).to.match(/no ML-KEM hybrid groups/);
          return;
        }
        // In TLS 1.2 the client's groups also bound the ECDSA certificate's curve (RFC 8422 §5.1.1),
        // so the client adds P-256 for the server's certificate and the server allows only `group`.
        const clientGroups = version === 'TLSv1.2' ? [...new Set([group.openssl, 'P-256'])] : [group.openssl];
        const pair = await handshakePair({ ...attrs, ca: pki.ca.cert, groups: clientGroups }, { ...attrs, ...serverWith(pki.ecdsa), groups: group.openssl });
        try {
          expect(pair.client.handshake?.group).to.equal(group.name);
          expect(pair.server.handshake?.group).to.equal(group.name);
        } finally {
          await pair.destroy();
        }
      });
    }
  }

  it('TLS 1.3 HelloRetryRequest: the server wants a group the client did not send a share for', async () => {
    // OpenSSL's client sends one key share (its first group); the server only accepts its second.
    const pair = await handshakePair({ ca: pki.ca.cert, groups: ['x25519', 'P-384'] }, { ...serverWith(pki.ecdsa), groups: ['P-384'] });
    try {
      expect(pair.client.handshake?.group).to.equal('secp384r1');
      expect(pair.server.handshake?.group).to.equal('secp384r1');
    } finally {
      await pair.destroy();
    }
  });

  for (const [name, key] of [['ECDSA P-384', 'ecdsa384'], ['RSA (RSA-PSS in 1.3)', 'rsa'], ['Ed25519', 'ed25519']] as const) {
    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      it(`${version} with an ${name} certificate`, async () => {
        const attrs = { minVersion: version, maxVersion: version };
        const pair = await handshakePair({ ...attrs, ca: pki.ca.cert }, { ...attrs, ...serverWith(pki[key]) });
        try {
          expect(pair.client.error).to.equal(undefined);
          expect(pair.client.handshake?.version).to.equal(version);
          expect(pair.client.handshake?.peerVerified).to.equal(true);
        } finally {
          await pair.destroy();
        }
      });
    }
  }

  it('verifies an IP literal against the IP SAN and sends no SNI for it', async () => {
    const pair = await handshakePair({ ca: pki.ca.cert, servername: '127.0.0.1' }, serverWith(pki.ecdsa));
    try {
      expect(pair.client.handshake?.peerVerified).to.equal(true);
      expect(pair.server.handshake?.servername).to.equal(undefined);
      expect(pair.client.handshake?.servername).to.equal(undefined);
    } finally {
      await pair.destroy();
    }
  });

  it('moves a megabyte each way in order', async () => {
    const pair = await handshakePair({ ca: pki.ca.cert }, serverWith(pki.ecdsa));
    try {
      const big = 'x'.repeat(1 << 20);
      await deliver(pair, pair.client, big);
      await deliver(pair, pair.server, big);
      expect(pair.server.receivedText()).to.equal(big);
      expect(pair.client.receivedText()).to.equal(big);
    } finally {
      await pair.destroy();
    }
  });
});
