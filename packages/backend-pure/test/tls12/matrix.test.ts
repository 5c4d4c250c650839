import { CIPHER_SUITES } from '@tlsport/core';
import { TestCa, type Issued, type KeyType } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';
import { matrixCase } from '../helpers/matrixCase.js';

const backend = new PureBackend();
const GROUPS = ['x25519', 'secp256r1', 'secp384r1'] as const;
/** Certificate types per suite authentication: ECDHE_ECDSA serves EC (and Ed25519) keys, ECDHE_RSA serves RSA keys. */
const KEYS: Record<'ecdsa' | 'rsa', readonly KeyType[]> = { ecdsa: ['ec-p256', 'ec-p384'], rsa: ['rsa-2048'] };
const SUITES_12 = CIPHER_SUITES.filter((s) => s.version === 'TLSv1.2');

describe('TLS 1.2 pure client <-> pure server: every suite x group x certificate type', function () {
  let ca: TestCa;
  const leaves = new Map<KeyType, Issued>();
  before(() => {
    ca = TestCa.root();
    for (const k of ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519'] as const) leaves.set(k, ca.issue({ keyType: k }));
  });
  after(() => ca.dispose());

  async function run(suite: string, group: (typeof GROUPS)[number], keyType: KeyType): Promise<void> {
    const leaf = leaves.get(keyType)!;
    await matrixCase(
      backend,
      // The client lists every group (an ECDSA certificate's curve must be among them, RFC 8422 §5.1.1); the server's one group decides ECDHE.
      { ca: ca.cert, servername: 'localhost', maxVersion: 'TLSv1.2', ciphers: suite },
      { cert: leaf.chain, key: leaf.key, maxVersion: 'TLSv1.2', ciphers: suite, groups: [group] },
      { version: 'TLSv1.2', cipherSuite: suite, group },
      leaf,
    );
  }

  for (const suite of SUITES_12) {
    for (const keyType of KEYS[suite.auth!]) {
      for (const group of GROUPS) {
        it(`${suite.name} / ${group} / ${keyType}`, () => run(suite.name, group, keyType));
      }
    }
  }

  it('Ed25519 certificate with ECDHE_ECDSA (RFC 8422 §5.5)', () => run('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'x25519', 'ed25519'));
});
