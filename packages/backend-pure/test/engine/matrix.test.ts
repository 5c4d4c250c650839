import { expect } from 'chai';
import { EnginePair, TestCa, type Issued, type KeyType } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';
import { firstDer } from '../helpers/pem.js';

const backend = new PureBackend();
const SUITES = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const GROUPS = ['x25519', 'secp256r1', 'secp384r1'] as const;
const KEYS: readonly KeyType[] = ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519'];

describe('pure client <-> pure server: every suite x group x certificate type', function () {
  let ca: TestCa;
  const leaves = new Map<KeyType, Issued>();
  before(() => {
    ca = TestCa.root();
    for (const k of KEYS) leaves.set(k, ca.issue({ keyType: k }));
  });
  after(() => ca.dispose());

  for (const keyType of KEYS) {
    for (const suite of SUITES) {
      for (const group of GROUPS) {
        it(`${suite} / ${group} / ${keyType}`, async () => {
          const leaf = leaves.get(keyType)!;
          const pair = await EnginePair.create(
            backend, { ca: ca.cert, servername: 'localhost', cipherSuites: suite, groups: [group] },
            backend, { cert: leaf.chain, key: leaf.key, cipherSuites: suite, groups: [group] },
          );
          try {
            await pair.handshake();
            expect(pair.client.error, String(pair.client.error)).to.equal(undefined);
            expect(pair.server.error, String(pair.server.error)).to.equal(undefined);
            for (const side of [pair.client, pair.server]) {
              expect(side.handshake).to.include({ version: 'TLSv1.3', cipherSuite: suite, group, resumed: false, alpnProtocol: undefined, servername: 'localhost' });
            }
            expect(pair.client.handshake!.peerVerified).to.equal(true);
            expect(pair.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(leaf.cert));
            expect(pair.client.handshake!.peerCertificates).to.have.length(2);
            expect(pair.server.handshake!.peerCertificates).to.deep.equal([]);
            expect(pair.server.handshake!.peerVerified).to.equal(false);
            pair.client.engine.send(new TextEncoder().encode('ping'), () => {});
            pair.server.engine.send(new TextEncoder().encode('pong'), () => {});
            await pair.until(() => pair.server.received.length > 0 && pair.client.received.length > 0);
            expect(pair.server.receivedText()).to.equal('ping');
            expect(pair.client.receivedText()).to.equal('pong');
          } finally {
            await pair.destroy();
          }
        });
      }
    }
  }
});
