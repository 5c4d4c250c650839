import { expect } from 'chai';
import { CIPHER_SUITES } from '@tlsport/core';
import { EnginePair, TestCa, type Issued } from '@tlsport/testkit';
import { NobleCryptoProvider } from '../../src/crypto/index.js';
import { PureBackend } from '../../src/index.js';

const nobleBackend = new PureBackend({ provider: new NobleCryptoProvider() });
const nodeBackend = new PureBackend();

describe('TLS 1.2 on the portable @noble provider, against the node:crypto one', function () {
  this.timeout(20_000);
  let ca: TestCa;
  const leaves: Record<'ecdsa' | 'rsa', Issued> = {} as Record<'ecdsa' | 'rsa', Issued>;
  before(() => {
    ca = TestCa.root();
    leaves.ecdsa = ca.issue({ keyType: 'ec-p384' });
    leaves.rsa = ca.issue({ keyType: 'rsa-2048' });
  });
  after(() => ca.dispose());

  for (const suite of CIPHER_SUITES.filter((s) => s.version === 'TLSv1.2')) {
    for (const [clientName, client, server] of [['noble client', nobleBackend, nodeBackend], ['noble server', nodeBackend, nobleBackend]] as const) {
      it(`${suite.name}, ${clientName}`, async () => {
        const leaf = leaves[suite.auth!];
        const pair = await EnginePair.create(
          client, { ca: ca.cert, servername: 'localhost', maxVersion: 'TLSv1.2', ciphers: suite.openssl, groups: ['secp256r1', 'secp384r1', 'x25519'] },
          server, { cert: leaf.chain, key: leaf.key, ciphers: suite.openssl, groups: ['secp256r1'] },
        );
        try {
          await pair.handshake();
          expect(pair.client.error, String(pair.client.error)).to.equal(undefined);
          expect(pair.client.handshake).to.include({ version: 'TLSv1.2', cipherSuite: suite.name, group: 'secp256r1', peerVerified: true });
          pair.client.engine.send(new TextEncoder().encode('over noble'), () => {});
          await pair.until(() => pair.server.received.length > 0);
          expect(pair.server.receivedText()).to.equal('over noble');
        } finally {
          await pair.destroy();
        }
      });
    }
  }
});
