import { expect } from 'chai';
import { GskStatus, type TlsFault } from '@tlsport/core';
import { TestCa, selfSignedLeaf, type EngineSide } from '@tlsport/testkit';
import { Pairs } from './helpers/fixtures.js';

function expectFault(side: EngineSide, fault: TlsFault, status: GskStatus): void {
  expect(side.error, 'expected a failure').to.not.equal(undefined);
  expect(side.error?.fault).to.equal(fault);
  expect(side.error?.status).to.equal(status);
  expect(side.handshake).to.equal(undefined);
}

describe('node-tls engine: faults', function () {
  const pairs = new Pairs();
  const ca = TestCa.root();
  const otherCa = TestCa.root({ cn: 'some other root' });
  const good = ca.issue();
  const server = { cert: good.chain, key: good.key };
  const client = { ca: ca.cert, servername: 'localhost' };

  afterEach(() => pairs.destroyAll());
  after(() => {
    ca.dispose();
    otherCa.dispose();
  });

  for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
    describe(version, () => {
      const versions = { minVersion: version, maxVersion: version };

      it('expired certificate -> expired / GSK_ERROR_BAD_DATE', async () => {
        const old = ca.issue({ notBeforeDays: -30, notAfterDays: -1 });
        const pair = await pairs.handshake({ ...client, ...versions }, { cert: old.chain, key: old.key });
        expectFault(pair.client, 'expired', GskStatus.GSK_ERROR_BAD_DATE);
      });

      it('certificate not yet valid -> not-yet-valid', async () => {
        const future = ca.issue({ notBeforeDays: 2, notAfterDays: 30 });
        const pair = await pairs.handshake({ ...client, ...versions }, { cert: future.chain, key: future.key });
        expectFault(pair.client, 'not-yet-valid', GskStatus.GSK_TLSPORT_ERROR_NOT_YET_VALID);
      });

      it('unknown CA -> unknown-ca / GSK_IBMI_ERROR_NOT_TRUSTED_ROOT', async () => {
        const pair = await pairs.handshake({ ...client, ...versions, ca: otherCa.cert }, server);
        expectFault(pair.client, 'unknown-ca', GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT);
      });

      it('leaf without its issuer in the chain -> unknown-ca', async () => {
        const pair = await pairs.handshake({ ...client, ...versions, ca: otherCa.cert }, { cert: good.cert, key: good.key });
        expectFault(pair.client, 'unknown-ca', GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT);
      });

      it('self-signed leaf -> self-signed / GSK_ERROR_SELF_SIGNED', async () => {
        const self = selfSignedLeaf(ca.dir);
        const pair = await pairs.handshake({ ...client, ...versions }, { cert: self.cert, key: self.key });
        expectFault(pair.client, 'self-signed', GskStatus.GSK_ERROR_SELF_SIGNED);
      });

      it('wrong host name -> hostname-mismatch', async () => {
        const pair = await pairs.handshake({ ...client, ...versions, servername: 'www.example.org' }, server);
        expectFault(pair.client, 'hostname-mismatch', GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH);
        expect(pair.client.error?.detail).to.contain('www.example.org');
      });

      it('IP literal not in the IP SANs -> hostname-mismatch', async () => {
        const pair = await pairs.handshake({ ...client, ...versions, servername: '127.0.0.2' }, server);
        expectFault(pair.client, 'hostname-mismatch', GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH);
      });

      it('IP literal in the IP SANs verifies', async () => {
        const pair = await pairs.handshake({ ...client, ...versions, servername: '127.0.0.1' }, server);
        expect(pair.client.error).to.equal(undefined);
        expect(pair.client.handshake?.peerVerified).to.equal(true);
      });

      it('rejectUnauthorized false: completes, peerVerified false', async () => {
        const pair = await pairs.handshake({ ...client, ...versions, ca: otherCa.cert, rejectUnauthorized: false }, server);
        expect(pair.client.error).to.equal(undefined);
        expect(pair.client.handshake?.peerVerified).to.equal(false);
        expect(pair.client.handshake?.peerCertificates).to.have.length(2);
      });

      it('no shared cipher -> no-shared-cipher / GSK_ERROR_NO_CIPHERS on the server, the alert on the client', async () => {
        const suites = version === 'TLSv1.3'
          ? [{ cipherSuites: 'TLS_AES_128_GCM_SHA256' }, { cipherSuites: 'TLS_AES_256_GCM_SHA384' }]
          : [{ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' }, { ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' }];
        const pair = await pairs.handshake({ ...client, ...versions, ...suites[0] }, { ...server, ...versions, ...suites[1] });
        expectFault(pair.server, 'no-shared-cipher', GskStatus.GSK_ERROR_NO_CIPHERS);
        await pair.until(() => pair.client.error !== undefined);
        expectFault(pair.client, 'no-shared-cipher', GskStatus.GSK_ERROR_NO_CIPHERS);
        expect(pair.client.error?.origin).to.equal('peer');
      });
    });
  }

  it('TLS 1.3 no shared group -> no-shared-group / GSK_TLSPORT_ERROR_NO_SHARED_GROUP', async () => {
    const pair = await pairs.handshake({ ...client, groups: 'x25519' }, { ...server, groups: 'P-384' });
    expectFault(pair.server, 'no-shared-group', GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP);
    await pair.until(() => pair.client.error !== undefined);
    expect(pair.client.error?.origin).to.equal('peer');
  });

  it('protocol version: a 1.2-only client and a 1.3-only server -> protocol-version on both', async () => {
    const pair = await pairs.handshake({ ...client, maxVersion: 'TLSv1.2' }, { ...server, minVersion: 'TLSv1.3' });
    expectFault(pair.server, 'protocol-version', GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION);
    await pair.until(() => pair.client.error !== undefined);
    expectFault(pair.client, 'protocol-version', GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION);
  });

  it('protocol version: a 1.3-only client and a 1.2-only server -> protocol-version on both', async () => {
    const pair = await pairs.handshake({ ...client, minVersion: 'TLSv1.3' }, { ...server, maxVersion: 'TLSv1.2' });
    await pair.until(() => pair.client.error !== undefined && pair.server.error !== undefined);
    expectFault(pair.client, 'protocol-version', GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION);
    expectFault(pair.server, 'protocol-version', GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION);
  });

  it('a flipped byte in an application record -> bad-mac / GSK_ERROR_BAD_MAC', async () => {
    let corrupt = false;
    const pair = await pairs.handshake(client, server, {
      tamper: (direction, chunk) => {
        if (!corrupt || direction !== 'c2s' || chunk[0] !== 23) return chunk;
        const bad = Uint8Array.from(chunk);
        bad[bad.length - 1]! ^= 1;
        return bad;
      },
    });
    corrupt = true;
    pair.client.engine.send(Buffer.from('tampered'), () => {});
    await pair.until(() => pair.server.error !== undefined);
    expect(pair.server.error?.fault).to.equal('bad-mac');
    expect(pair.server.error?.status).to.equal(GskStatus.GSK_ERROR_BAD_MAC);
    expect(pair.server.received).to.deep.equal([]);
  });

  it('garbage instead of a ClientHello -> bad-message or protocol-version, never a crash', async () => {
    const pair = await pairs.create(client, server);
    pair.server.engine.start();
    pair.server.engine.receive(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    await pair.until(() => pair.server.error !== undefined);
    expect(pair.server.error?.fault).to.be.oneOf(['bad-message', 'protocol-version']);
  });
});
