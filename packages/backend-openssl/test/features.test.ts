import { opensslHasHybridGroups } from '@tlsport/core/openssl';
import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { resolveTlsConfig, TlsError } from '@tlsport/core';
import { EnginePair, silentSink, type Issued } from '@tlsport/testkit';
import { backend, bothFailed, deliver, handshakePair } from './helpers/pair.js';
import { makePki, serverWith, type Pki } from './helpers/pki.js';

/** TLS records in a run of transmitted chunks (5-byte headers, RFC 8446 §5.1). */
function recordCount(chunks: readonly Uint8Array[]): number {
  const bytes = Buffer.concat(chunks);
  let count = 0;
  for (let at = 0; at + 5 <= bytes.length; at += 5 + bytes.readUInt16BE(at + 3)) count++;
  return count;
}

function leafSubject(der: Uint8Array | undefined): string {
  return new X509Certificate(der!).subject;
}

describe('openssl engine features (engine level)', () => {
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => pki.dispose());

  describe('client certificates', () => {
    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      it(`${version}: a required client certificate is verified and reported`, async () => {
        const client = pki.ca.issue({ cn: 'tlsport client', dns: ['client.test'] });
        const pair = await handshakePair(
          { maxVersion: version, ca: pki.ca.cert, cert: client.chain, key: client.key },
          { maxVersion: version, ...serverWith(pki.ecdsa), ca: pki.ca.cert, requestCert: true, rejectUnauthorized: true },
        );
        try {
          expect(pair.server.error).to.equal(undefined);
          expect(pair.server.handshake?.peerVerified).to.equal(true);
          expect(leafSubject(pair.server.handshake?.peerCertificates[0])).to.equal('CN=tlsport client');
          await deliver(pair, pair.client, 'authenticated');
        } finally {
          await pair.destroy();
        }
      });

      it(`${version}: a missing required client certificate is certificate-required on both sides`, async () => {
        const pair = await handshakePair(
          { maxVersion: version, ca: pki.ca.cert },
          { maxVersion: version, ...serverWith(pki.ecdsa), ca: pki.ca.cert, requestCert: true, rejectUnauthorized: true },
        );
        try {
          await bothFailed(pair);
          expect(pair.server.error?.fault).to.equal('certificate-required');
          // 1.3 has the certificate_required alert; 1.2 falls back to handshake_failure.
          expect(pair.client.error?.fault).to.equal(version === 'TLSv1.3' ? 'certificate-required' : 'no-shared-cipher');
        } finally {
          await pair.destroy();
        }
      });
    }

    it('requestCert without rejectUnauthorized accepts an untrusted certificate, unverified', async () => {
      const stranger = makePki();
      try {
        const pair = await handshakePair(
          { ca: pki.ca.cert, cert: stranger.ecdsa.chain, key: stranger.ecdsa.key },
          { ...serverWith(pki.ecdsa), ca: pki.ca.cert, requestCert: true, rejectUnauthorized: false },
        );
        try {
          expect(pair.server.error).to.equal(undefined);
          expect(pair.server.handshake?.peerCertificates).to.have.length(2);
          expect(pair.server.handshake?.peerVerified).to.equal(false);
        } finally {
          await pair.destroy();
        }
      } finally {
        stranger.dispose();
      }
    });
  });

  describe('resumption', () => {
    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      it(`${version}: the session the client emits resumes a later handshake`, async () => {
        const attrs = { minVersion: version, maxVersion: version };
        const serverAttrs = { ...attrs, ...serverWith(pki.ecdsa) };
        const clientAttrs = { ...attrs, ca: pki.ca.cert, servername: 'localhost' };
        const [clientContext, serverContext] = await EnginePair.contexts(backend, clientAttrs, serverAttrs);
        try {
          const first = EnginePair.fromContexts(clientContext, clientAttrs, serverContext, serverAttrs);
          let session: Uint8Array;
          try {
            await first.handshake();
            // TLS 1.3 tickets come after the handshake: a round trip makes sure they arrived.
            await deliver(first, first.server, 'tickets');
            expect(first.client.sessions.length).to.be.greaterThan(0);
            expect(first.server.sessions).to.have.length(0);
            session = first.client.sessions.at(-1)!;
          } finally {
            await first.destroy();
          }
          const second = EnginePair.fromContexts(clientContext, { ...clientAttrs, session }, serverContext, serverAttrs);
          try {
            await second.handshake();
            for (const side of [second.client, second.server]) {
              expect(side.error).to.equal(undefined);
              expect(side.handshake?.resumed).to.equal(true);
              // A 1.2 resumption does no key exchange; 1.3 resumes with psk_dhe_ke in the default group
              // (the X25519MLKEM768 hybrid where this Node's OpenSSL has it).
              expect(side.handshake?.group).to.equal(version === 'TLSv1.3' ? (opensslHasHybridGroups(process.versions.openssl) ? 'X25519MLKEM768' : 'x25519') : undefined);
            }
            expect(second.client.handshake?.peerVerified).to.equal(true);
            await deliver(second, second.client, 'resumed');
          } finally {
            await second.destroy();
          }
        } finally {
          await Promise.all([clientContext.dispose(), serverContext.dispose()]);
        }
      });
    }

    it('sessionTickets false: the client is given no session', async () => {
      const serverAttrs = { ...serverWith(pki.ecdsa), sessionTickets: false };
      const pair = await handshakePair({ ca: pki.ca.cert }, serverAttrs);
      try {
        await deliver(pair, pair.server, 'no tickets');
        expect(pair.client.sessions).to.have.length(0);
      } finally {
        await pair.destroy();
      }
    });

    it('a session that is not an OpenSSL session is refused when the engine is made', async () => {
      const config = resolveTlsConfig({ ca: pki.ca.cert, session: Buffer.from('not a session') });
      const context = await backend.createContext(config);
      try {
        expect(() => context.createEngine(config, silentSink())).to.throw(TlsError).with.property('fault', 'illegal-parameter');
      } finally {
        await context.dispose();
      }
    });
  });

  describe('KeyUpdate', () => {
    for (const requestPeer of [false, true]) {
      it(`TLS 1.3 KeyUpdate (update_requested ${requestPeer}) keeps data flowing both ways`, async () => {
        const pair = await handshakePair({ ca: pki.ca.cert }, serverWith(pki.ecdsa));
        try {
          const sentBefore = pair.server.wire.length;
          pair.client.engine.keyUpdate(requestPeer);
          await deliver(pair, pair.client, 'after client update');
          await deliver(pair, pair.server, 'server answers');
          pair.server.engine.keyUpdate(requestPeer);
          await deliver(pair, pair.server, 'after server update');
          await deliver(pair, pair.client, 'client answers');
          expect(pair.server.receivedText()).to.equal('after client updateclient answers');
          expect(pair.client.receivedText()).to.equal('server answersafter server update');
          // Server records since: its data, its KeyUpdate, its data, and with update_requested
          // one more, the KeyUpdate it owes the client (RFC 8446 §4.6.3).
          expect(recordCount(pair.server.wire.slice(sentBefore))).to.equal(requestPeer ? 4 : 3);
        } finally {
          await pair.destroy();
        }
      });
    }

    it('TLS 1.2: KeyUpdate is refused with unsupported', async () => {
      const pair = await handshakePair({ ca: pki.ca.cert, maxVersion: 'TLSv1.2' }, serverWith(pki.ecdsa));
      try {
        expect(() => pair.client.engine.keyUpdate(false)).to.throw(TlsError).with.property('fault', 'unsupported');
        await deliver(pair, pair.client, 'still fine');
      } finally {
        await pair.destroy();
      }
    });
  });

  describe('ALPN', () => {
    it('the server picks its most preferred protocol the client offers', async () => {
      const pair = await handshakePair({ ca: pki.ca.cert, ALPNProtocols: ['http/1.1', 'h2'] }, { ...serverWith(pki.ecdsa), ALPNProtocols: ['h2', 'http/1.1'] });
      try {
        expect(pair.client.handshake?.alpnProtocol).to.equal('h2');
        expect(pair.server.handshake?.alpnProtocol).to.equal('h2');
      } finally {
        await pair.destroy();
      }
    });

    it('no common protocol fails with no-application-protocol on both sides', async () => {
      const pair = await handshakePair({ ca: pki.ca.cert, ALPNProtocols: ['imap'] }, { ...serverWith(pki.ecdsa), ALPNProtocols: ['h2'] });
      try {
        await bothFailed(pair);
        expect(pair.server.error?.fault).to.equal('no-application-protocol');
        expect(pair.client.error?.fault).to.equal('no-application-protocol');
      } finally {
        await pair.destroy();
      }
    });

    it('a client without ALPN gets none from an ALPN server', async () => {
      const pair = await handshakePair({ ca: pki.ca.cert }, { ...serverWith(pki.ecdsa), ALPNProtocols: ['h2'] });
      try {
        expect(pair.client.handshake?.alpnProtocol).to.equal(undefined);
        expect(pair.server.handshake?.alpnProtocol).to.equal(undefined);
      } finally {
        await pair.destroy();
      }
    });
  });

  describe('SNI certificate selection', () => {
    let api: Issued;
    let wildcard: Issued;
    before(() => {
      api = pki.ca.issue({ dns: ['api.example.com'], cn: 'api.example.com' });
      wildcard = pki.ca.issue({ dns: ['*.example.com'], cn: 'wildcard.example.com', keyType: 'rsa-2048' });
    });

    const cases: [string, string][] = [
      ['api.example.com', 'CN=api.example.com'],
      ['www.example.com', 'CN=wildcard.example.com'],
      ['localhost', 'CN=localhost'],
    ];
    for (const [servername, subject] of cases) {
      it(`${servername} gets ${subject}`, async () => {
        const pair = await handshakePair(
          { ca: pki.ca.cert, servername },
          { ...serverWith(pki.ecdsa), sniCertificates: { 'api.example.com': serverWith(api), '*.example.com': serverWith(wildcard) } },
        );
        try {
          expect(pair.client.error).to.equal(undefined);
          expect(leafSubject(pair.client.handshake?.peerCertificates[0])).to.equal(subject);
          expect(pair.client.handshake?.peerVerified).to.equal(true);
          expect(pair.server.handshake?.servername).to.equal(servername);
        } finally {
          await pair.destroy();
        }
      });
    }

    it('a client sending no SNI gets the default certificate', async () => {
      const pair = await handshakePair({ ca: pki.ca.cert }, { ...serverWith(pki.ecdsa), sniCertificates: { 'api.example.com': serverWith(api) } });
      try {
        expect(leafSubject(pair.client.handshake?.peerCertificates[0])).to.equal('CN=localhost');
        expect(pair.server.handshake?.servername).to.equal(undefined);
      } finally {
        await pair.destroy();
      }
    });
  });

  describe('key log', () => {
    it('TLS 1.3: the five NSS secrets of each side, identical on both', async () => {
      const pair = await handshakePair({ ca: pki.ca.cert, keylog: () => {} }, { ...serverWith(pki.ecdsa), keylog: () => {} });
      try {
        const labels = pair.client.keylog.map((l) => l.split(' ')[0]).sort();
        expect(labels).to.deep.equal(['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'EXPORTER_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_TRAFFIC_SECRET_0']);
        expect([...pair.server.keylog].sort()).to.deep.equal([...pair.client.keylog].sort());
        for (const line of pair.client.keylog) expect(line).to.match(/^[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]{64}$/);
      } finally {
        await pair.destroy();
      }
    });

    it('TLS 1.2: one CLIENT_RANDOM line', async () => {
      const pair = await handshakePair({ ca: pki.ca.cert, maxVersion: 'TLSv1.2', keylog: () => {} }, serverWith(pki.ecdsa));
      try {
        expect(pair.client.keylog).to.have.length(1);
        expect(pair.client.keylog[0]).to.match(/^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}$/);
        expect(pair.server.keylog).to.have.length(0);
      } finally {
        await pair.destroy();
      }
    });

    it('a server that switches to an SNI certificate still logs; a client that did not ask logs nothing', async () => {
      const api = pki.ca.issue({ dns: ['api.example.com'], cn: 'api.example.com' });
      const pair = await handshakePair(
        { ca: pki.ca.cert, servername: 'api.example.com' },
        { ...serverWith(pki.ecdsa), sniCertificates: { 'api.example.com': serverWith(api) }, keylog: () => {} },
      );
      try {
        expect(leafSubject(pair.client.handshake?.peerCertificates[0])).to.equal('CN=api.example.com');
        expect(pair.server.keylog).to.have.length(5);
        expect(pair.client.keylog).to.have.length(0);
      } finally {
        await pair.destroy();
      }
    });
  });

  describe('close_notify', () => {
    it('reaches the peer as peerClosed; later sends fail', async () => {
      const pair = await handshakePair({ ca: pki.ca.cert }, serverWith(pki.ecdsa));
      try {
        await deliver(pair, pair.client, 'last words');
        pair.client.engine.closeNotify();
        await pair.until(() => pair.server.peerClosed);
        expect(pair.server.receivedText()).to.equal('last words');
        const error = await new Promise<TlsError | undefined>((resolve) => pair.client.engine.send(Buffer.from('too late'), resolve));
        expect(error?.fault).to.equal('peer-closed');
        pair.server.engine.closeNotify();
        await pair.until(() => pair.client.peerClosed);
        expect(pair.client.error).to.equal(undefined);
      } finally {
        await pair.destroy();
      }
    });
  });
});
