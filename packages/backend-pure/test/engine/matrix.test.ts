import { expect } from 'chai';
import { TestCa, type Issued, type KeyType } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';
import { matrixCase } from '../helpers/matrixCase.js';

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
          await matrixCase(
            backend,
            { ca: ca.cert, servername: 'localhost', cipherSuites: suite, groups: [group] },
            { cert: leaf.chain, key: leaf.key, cipherSuites: suite, groups: [group] },
            { version: 'TLSv1.3', cipherSuite: suite, group },
            leaf,
            (pair) => {
              expect(pair.client.handshake!.peerCertificates).to.have.length(2);
              expect(pair.server.handshake!.peerVerified).to.equal(false);
            },
          );
        });
      }
    }
  }
});
