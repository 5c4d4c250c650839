import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { GskStatus, memoryPipe, type Overlapped } from '@tlsport/core';
import { TestCa, type Issued } from '@tlsport/testkit';
import { BACKENDS } from '../support/backends.js';
import { handshake, sessionPair, type Pki, type SessionPair } from '../support/sessions.js';

function fingerprint(issued: Issued): string {
  return new X509Certificate(issued.cert).fingerprint256;
}

function expectOk(...completions: Overlapped[]): void {
  for (const c of completions) expect(c.returnValue, String(c.error)).to.equal(GskStatus.GSK_OK);
}

/**
 * Configuration resolved once in core: a session overriding a context-level attribute (a
 * certificate, SNI certificates, a version) runs on a context core builds for it; one overriding
 * only session-level attributes (the server name) stays on its environment's. Same on every backend.
 */
describe('session overrides: core decides when a session needs its own engine context', () => {
  let pki: Pki;
  let rsa: Issued;
  let api: Issued;
  before(() => {
    const ca = TestCa.root();
    pki = { ca, leaf: ca.issue({ dns: ['localhost'], ips: ['127.0.0.1'] }) };
    rsa = ca.issue({ keyType: 'rsa-2048', dns: ['localhost'] });
    api = ca.issue({ keyType: 'ec-p384', digest: 'sha384', dns: ['api.example.com'] });
  });
  after(() => pki.ca.dispose());

  for (const backend of BACKENDS) {
    describe(backend.name, () => {
      let pair: SessionPair | undefined;
      afterEach(async () => {
        await pair?.close();
        pair = undefined;
      });

      it('a server session with its own certificate presents it', async () => {
        pair = await sessionPair(backend, backend, pki);
        pair.server.setAttribute('cert', rsa.chain);
        pair.server.setAttribute('key', rsa.key);
        const { client, server } = await handshake(pair);
        expectOk(client, server);
        expect(client.negotiated?.peerCertificate?.fingerprint256).to.equal(fingerprint(rsa));
      });

      it('a server session with SNI certificates of its own selects by the client name', async () => {
        pair = await sessionPair(backend, backend, pki, { servername: 'api.example.com' });
        pair.server.setAttribute('sniCertificates', { 'api.example.com': { cert: api.chain, key: api.key } });
        const { client, server } = await handshake(pair);
        expectOk(client, server);
        expect(client.negotiated?.peerCertificate?.fingerprint256).to.equal(fingerprint(api));
        expect(server.negotiated?.servername).to.equal('api.example.com');
      });

      it('a client session limited to TLS 1.2 negotiates 1.2; the environment still gives 1.3', async () => {
        pair = await sessionPair(backend, backend, pki);
        pair.client.setAttribute('maxVersion', 'TLSv1.2');
        const first = await handshake(pair);
        expectOk(first.client, first.server);
        expect(first.client.negotiated?.version).to.equal('TLSv1.2');
        await pair.close();
        pair = await sessionPair(backend, backend, pki);
        const second = await handshake(pair);
        expect(second.client.negotiated?.version).to.equal('TLSv1.3');
      });

      it('a client session naming an IP literal verifies it against IP SANs and sends no SNI', async () => {
        pair = await sessionPair(backend, backend, pki);
        pair.client.setAttribute('servername', '127.0.0.1');
        const { client, server } = await handshake(pair);
        expectOk(client, server);
        expect(server.negotiated?.servername).to.equal(undefined);
      });
    });
  }

  // The openssl backend parses trust anchors when it builds a context (the others on first use).
  it('openssl: a session context that cannot be built fails that session; the environment stays usable', async () => {
    const openssl = BACKENDS.find((b) => b.name === 'openssl')!;
    const pair = await sessionPair(openssl, openssl, pki);
    try {
      pair.client.setAttribute('ca', `${pki.ca.cert}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`);
      const { client } = await handshake(pair);
      expect(client.returnValue).to.equal(GskStatus.GSK_ERROR_BAD_CERTIFICATE);
      expect(pair.client.currentState).to.equal('closed');
      const again = pair.clientEnv.openSession(memoryPipe()[0]!);
      expect(again.currentState).to.equal('open');
      await again.close();
    } finally {
      await pair.close();
    }
  });
});
