import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { GskStatus } from '@tlsport/core';
import { TestCa } from '@tlsport/testkit';
import { Pairs } from './helpers/fixtures.js';

describe('node-tls engine: client certificates', function () {
  const pairs = new Pairs();
  const ca = TestCa.root();
  const strangerCa = TestCa.root({ cn: 'stranger root' });
  const serverLeaf = ca.issue();
  const clientLeaf = ca.issue({ cn: 'alice', dns: ['alice.example'] });
  const strangerLeaf = strangerCa.issue({ cn: 'mallory' });
  const server = { cert: serverLeaf.chain, key: serverLeaf.key, ca: ca.cert };
  const requested = { ...server, GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH' as const };
  const required = { ...server, GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL' as const };
  const client = { ca: ca.cert, servername: 'localhost' };
  const withCert = { ...client, cert: clientLeaf.chain, key: clientLeaf.key };

  afterEach(() => pairs.destroyAll());
  after(() => {
    ca.dispose();
    strangerCa.dispose();
  });

  for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
    describe(version, () => {
      const versions = { minVersion: version, maxVersion: version };

      it('not requested: the client certificate is not sent', async () => {
        const pair = await pairs.handshake({ ...withCert, ...versions }, server);
        expect(pair.server.handshake?.peerCertificates).to.deep.equal([]);
        expect(pair.server.handshake?.peerVerified).to.equal(false);
      });

      it('requested and presented: verified, leaf first', async () => {
        const pair = await pairs.handshake({ ...withCert, ...versions }, requested);
        expect(pair.server.error).to.equal(undefined);
        expect(pair.server.handshake?.peerVerified).to.equal(true);
        expect(pair.server.handshake?.peerCertificates[0]).to.deep.equal(new Uint8Array(new X509Certificate(clientLeaf.cert).raw));
      });

      it('requested and missing: completes unverified', async () => {
        const pair = await pairs.handshake({ ...client, ...versions }, requested);
        expect(pair.server.error).to.equal(undefined);
        expect(pair.server.handshake?.peerVerified).to.equal(false);
        expect(pair.server.handshake?.peerCertificates).to.deep.equal([]);
      });

      it('requested and untrusted: completes unverified', async () => {
        const pair = await pairs.handshake({ ...client, ...versions, cert: strangerLeaf.chain, key: strangerLeaf.key }, requested);
        expect(pair.server.error).to.equal(undefined);
        expect(pair.server.handshake?.peerVerified).to.equal(false);
        expect(pair.server.handshake?.peerCertificates).to.have.length(2);
      });

      it('required and presented: verified', async () => {
        const pair = await pairs.handshake({ ...withCert, ...versions }, required);
        expect(pair.server.error).to.equal(undefined);
        expect(pair.server.handshake?.peerVerified).to.equal(true);
      });

      it('required and missing: certificate-required on the server, the alert on the client', async () => {
        const pair = await pairs.handshake({ ...client, ...versions }, required);
        expect(pair.server.error?.fault).to.equal('certificate-required');
        expect(pair.server.error?.status).to.equal(GskStatus.GSK_TLSPORT_ERROR_CERTIFICATE_REQUIRED);
        expect(pair.server.handshake).to.equal(undefined);
        await pair.until(() => pair.client.error !== undefined);
        expect(pair.client.error?.origin).to.equal('peer');
        // TLS 1.3 has the certificate_required alert; OpenSSL sends handshake_failure in 1.2.
        expect(pair.client.error?.alert).to.equal(version === 'TLSv1.3' ? 116 : 40);
      });

      it('required and untrusted: unknown-ca on the server', async () => {
        const pair = await pairs.handshake({ ...client, ...versions, cert: strangerLeaf.chain, key: strangerLeaf.key }, required);
        expect(pair.server.error?.fault).to.equal('unknown-ca');
        expect(pair.server.error?.status).to.equal(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT);
        expect(pair.server.handshake).to.equal(undefined);
      });
    });
  }
});
