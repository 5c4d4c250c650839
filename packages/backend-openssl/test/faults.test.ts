import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { GskStatus, resolveTlsConfig, TlsError, type SecureAttributes, type TlsFault } from '@tlsport/core';
import { selfSignedLeaf, type Issued } from '@tlsport/testkit';
import { backend, bothFailed, handshakePair } from './helpers/pair.js';
import { makePki, serverWith, type Pki } from './helpers/pki.js';

/** The PEM of `cert` with one bit of its signature flipped (the key still matches). */
function withBrokenSignature(cert: Issued): string {
  const der = Buffer.from(new X509Certificate(cert.cert).raw);
  der[der.length - 3] ^= 0x01;
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
}

describe('openssl engine faults (engine level)', () => {
  let pki: Pki;
  let other: Pki;
  before(() => {
    pki = makePki();
    other = makePki();
  });
  after(() => {
    pki.dispose();
    other.dispose();
  });

  /** Handshakes, waits for both failures, checks both faults. */
  async function expectFaults(client: SecureAttributes, server: SecureAttributes, faults: { client: TlsFault; server: TlsFault }): Promise<void> {
    const pair = await handshakePair(client, server);
    try {
      await bothFailed(pair);
      expect({ client: pair.client.error?.fault, server: pair.server.error?.fault }).to.deep.equal(faults);
      for (const side of [pair.client, pair.server]) {
        expect(side.error).to.be.instanceOf(TlsError);
        expect(side.handshake).to.equal(undefined);
      }
    } finally {
      await pair.destroy();
    }
  }

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    describe(version, () => {
      const v = { minVersion: version, maxVersion: version };

      it('expired server certificate', async () => {
        const expired = pki.ca.issue({ notBeforeDays: -30, notAfterDays: -1 });
        await expectFaults({ ...v, ca: pki.ca.cert }, { ...v, ...serverWith(expired) }, { client: 'expired', server: 'expired' });
      });

      it('server certificate not yet valid', async () => {
        const early = pki.ca.issue({ notBeforeDays: 2, notAfterDays: 30 });
        await expectFaults({ ...v, ca: pki.ca.cert }, { ...v, ...serverWith(early) }, { client: 'not-yet-valid', server: 'bad-certificate' });
      });

      it('unknown CA', async () => {
        await expectFaults({ ...v, ca: other.ca.cert }, { ...v, ...serverWith(pki.ecdsa) }, { client: 'unknown-ca', server: 'unknown-ca' });
      });

      it('self-signed server certificate', async () => {
        const self = selfSignedLeaf(pki.ca.dir);
        await expectFaults({ ...v, ca: pki.ca.cert }, { ...v, ...serverWith(self) }, { client: 'self-signed', server: 'unknown-ca' });
      });

      it('wrong host name', async () => {
        await expectFaults({ ...v, ca: pki.ca.cert, servername: 'other.example' }, { ...v, ...serverWith(pki.ecdsa) }, { client: 'hostname-mismatch', server: 'bad-certificate' });
      });

      it('wrong IP address', async () => {
        await expectFaults({ ...v, ca: pki.ca.cert, servername: '10.9.8.7' }, { ...v, ...serverWith(pki.ecdsa) }, { client: 'hostname-mismatch', server: 'bad-certificate' });
      });

      it('server certificate without serverAuth key usage', async () => {
        const clientOnly = pki.ca.issue({ eku: 'clientAuth' });
        await expectFaults({ ...v, ca: pki.ca.cert }, { ...v, ...serverWith(clientOnly) }, { client: 'key-usage', server: 'unsupported-certificate' });
      });

      it('broken certificate signature', async () => {
        const broken = withBrokenSignature(pki.ecdsa) + pki.ca.cert;
        await expectFaults({ ...v, ca: pki.ca.cert }, { ...v, cert: broken, key: pki.ecdsa.key }, { client: 'bad-signature', server: 'bad-signature' });
      });

      it('no shared cipher suite', async () => {
        const [mine, theirs] = version === 'TLSv1.3'
          ? [{ cipherSuites: 'TLS_AES_128_GCM_SHA256' }, { cipherSuites: 'TLS_AES_256_GCM_SHA384' }]
          : [{ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' }, { ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' }];
        await expectFaults({ ...v, ...mine, ca: pki.ca.cert }, { ...v, ...theirs, ...serverWith(pki.ecdsa) }, { client: 'no-shared-cipher', server: 'no-shared-cipher' });
      });

      it('rejectUnauthorized false: an untrusted, expired certificate is accepted, unverified', async () => {
        const expired = other.ca.issue({ notBeforeDays: -30, notAfterDays: -1 });
        const pair = await handshakePair({ ...v, ca: pki.ca.cert, rejectUnauthorized: false }, { ...v, ...serverWith(expired) });
        try {
          expect(pair.client.error).to.equal(undefined);
          expect(pair.client.handshake?.peerVerified).to.equal(false);
          expect(pair.client.handshake?.peerCertificates).to.have.length(2);
        } finally {
          await pair.destroy();
        }
      });
    });
  }

  it('TLS 1.3: no shared group', async () => {
    await expectFaults({ ca: pki.ca.cert, groups: 'x25519' }, { ...serverWith(pki.ecdsa), groups: 'P-384' }, { client: 'no-shared-cipher', server: 'no-shared-group' });
  });

  it('TLS 1.2: no shared group leaves no ECDHE suite', async () => {
    const v = { maxVersion: 'TLSv1.2' as const };
    await expectFaults({ ...v, ca: pki.ca.cert, groups: 'P-256' }, { ...v, ...serverWith(pki.ecdsa), groups: 'P-384' }, { client: 'no-shared-cipher', server: 'no-shared-cipher' });
  });

  it('protocol version: a TLS 1.3-only client and a TLS 1.2-only server', async () => {
    await expectFaults({ ca: pki.ca.cert, minVersion: 'TLSv1.3' }, { ...serverWith(pki.ecdsa), maxVersion: 'TLSv1.2' }, { client: 'protocol-version', server: 'protocol-version' });
  });

  it('protocol version: a TLS 1.2-only client and a TLS 1.3-only server', async () => {
    await expectFaults({ ca: pki.ca.cert, maxVersion: 'TLSv1.2' }, { ...serverWith(pki.ecdsa), minVersion: 'TLSv1.3' }, { client: 'protocol-version', server: 'protocol-version' });
  });

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    it(`${version}: a flipped bit in an application record is bad-mac on both sides`, async () => {
      let armed = false;
      const pair = await handshakePair({ ca: pki.ca.cert, maxVersion: version }, { ...serverWith(pki.ecdsa), maxVersion: version }, {
        tamper: (direction, chunk) => {
          if (!armed || direction !== 'c2s') return chunk;
          armed = false;
          const copy = Uint8Array.from(chunk);
          copy[copy.length - 1] ^= 0x01;
          return copy;
        },
      });
      try {
        armed = true;
        pair.client.engine.send(Buffer.from('tampered on the way'), () => {});
        await bothFailed(pair);
        expect(pair.server.error?.fault).to.equal('bad-mac');
        expect(pair.server.error?.status).to.equal(GskStatus.GSK_ERROR_BAD_MAC);
        expect(pair.client.error?.fault).to.equal('bad-mac');
        expect(pair.client.error?.origin).to.equal('peer');
        expect(pair.server.receivedText()).to.equal('');
      } finally {
        await pair.destroy();
      }
    });
  }

  it('bytes that are not TLS are bad-message', async () => {
    const pair = await handshakePair({ ca: pki.ca.cert }, serverWith(pki.ecdsa), {
      tamper: (direction, chunk) => (direction === 'c2s' ? Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n') : chunk),
    });
    try {
      await pair.until(() => pair.server.error !== undefined);
      expect(pair.server.error?.fault).to.equal('bad-message');
    } finally {
      await pair.destroy();
    }
  });

  // Core refuses both at environment init; the addon still refuses them when handed one directly.
  it('an unreadable key fails createContext with a TlsError', async () => {
    const config = { ...resolveTlsConfig({ role: 'server', ...serverWith(pki.ecdsa) }), certificate: { cert: pki.ecdsa.chain, key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' } };
    const error = await backend.createContext(config).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(TlsError);
    expect((error as TlsError).fault).to.equal('bad-certificate');
  });

  it('a key that does not match the certificate fails createContext', async () => {
    const config = { ...resolveTlsConfig({ role: 'server', ...serverWith(pki.ecdsa) }), certificate: { cert: pki.ecdsa.chain, key: pki.rsa.key } };
    const error = await backend.createContext(config).then(() => undefined, (e: unknown) => e);
    expect((error as TlsError).fault).to.equal('bad-certificate');
  });
});
