import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import { TestCa, exportPkcs12 } from '@tlsport/testkit';
import * as g from '../src/index.js';
import { openKeyRing, KeyStoreError } from '../src/keystore/keyRing.js';

function initStatus(setup: (env: g.gsk_handle) => void): Promise<number> {
  const env = g.gskRef<g.gsk_handle>();
  g.gsk_environment_open(env, nodeTlsBackend);
  g.gsk_attribute_set_enum(env.value!, g.GSK_SESSION_TYPE, g.GSK_SERVER_SESSION);
  setup(env.value!);
  return g.gsk_environment_init(env.value!);
}

function statusOf(fn: () => unknown): number {
  try {
    fn();
    return g.GSK_OK;
  } catch (error) {
    return (error as KeyStoreError).status;
  }
}

describe('gsk key stores: PKCS#12 key rings and the application-id registry', () => {
  let ca: TestCa;
  let leafCert: string;
  let p12: string;

  before(() => {
    ca = TestCa.root({ cn: 'key ring CA' });
    const leaf = ca.issue({ dns: ['localhost'] });
    leafCert = leaf.cert;
    p12 = exportPkcs12(leaf, { file: join(ca.dir, 'ring.p12'), password: 'ring pw', label: 'web server', caCerts: ca.certFile });
  });

  after(() => ca.dispose());

  it("reads openssl's default PBES2/PBKDF2/AES-256 file: the labelled certificate, its key, the CA as trusted", () => {
    const m = openKeyRing(p12, 'ring pw', 'web server');
    expect(new X509Certificate(m.chain[0]!).toString()).to.equal(new X509Certificate(leafCert).toString());
    expect(m.keyPem).to.match(/^-----BEGIN PRIVATE KEY-----/);
    expect(m.trusted.map((c) => new X509Certificate(c).subject)).to.deep.equal(['CN=key ring CA']);
  });

  it('reads a legacy file (PKCS#12 3DES PBE with SHA-1 MAC, openssl pkcs12 -legacy)', () => {
    const legacy = exportPkcs12(undefined, { file: join(ca.dir, 'legacy.p12'), password: 'old', caCerts: ca.certFile, legacy: true });
    expect(openKeyRing(legacy, 'old', undefined).trusted).to.have.length(1);
  });

  it("GSKit's failure codes: wrong password 408, unknown label 407, missing password 201, unreadable 202, not PKCS#12 103", () => {
    expect(statusOf(() => openKeyRing(p12, 'wrong', 'web server'))).to.equal(g.GSK_ERROR_BAD_KEYFILE_PASSWORD);
    expect(statusOf(() => openKeyRing(p12, 'ring pw', 'nobody'))).to.equal(g.GSK_ERROR_BAD_KEYFILE_LABEL);
    expect(statusOf(() => openKeyRing(p12, undefined, 'web server'))).to.equal(g.GSK_NO_KEYFILE_PASSWORD);
    expect(statusOf(() => openKeyRing(join(ca.dir, 'missing.p12'), 'x', undefined))).to.equal(g.GSK_KEYRING_OPEN_ERROR);
    writeFileSync(join(ca.dir, 'garbage.p12'), Buffer.from('30820400deadbeef', 'hex'));
    expect(statusOf(() => openKeyRing(join(ca.dir, 'garbage.p12'), 'x', undefined))).to.equal(g.GSK_KEYFILE_INVALID_FORMAT);
    writeFileSync(join(ca.dir, 'text.p12'), ca.cert);
    expect(statusOf(() => openKeyRing(join(ca.dir, 'text.p12'), 'x', undefined))).to.equal(g.GSK_KEYFILE_INVALID_FORMAT);
  });

  it('gsk_environment_init reports the key ring status', async () => {
    expect(
      await initStatus((env) => {
        g.gsk_attribute_set_buffer(env, g.GSK_KEYRING_FILE, p12);
        g.gsk_attribute_set_buffer(env, g.GSK_KEYRING_PW, 'ring pw');
        g.gsk_attribute_set_buffer(env, g.GSK_KEYRING_LABEL, 'web server');
      }),
    ).to.equal(g.GSK_OK);
    expect(
      await initStatus((env) => {
        g.gsk_attribute_set_buffer(env, g.GSK_KEYRING_FILE, p12);
        g.gsk_attribute_set_buffer(env, g.GSK_KEYRING_PW, 'nope');
      }),
    ).to.equal(g.GSK_ERROR_BAD_KEYFILE_PASSWORD);
  });

  it('application ids: registered ones open their key store; others are GSK_IBMI_ERROR_NOT_REGISTERED (6002)', async () => {
    const registry = join(ca.dir, 'apps.json');
    process.env.RING_PW_FOR_TEST = 'ring pw';
    writeFileSync(registry, JSON.stringify({ WEB: { keyring: 'ring.p12', passwordEnv: 'RING_PW_FOR_TEST', label: 'web server' } }));
    g.gskApplicationRegistry(registry);
    try {
      expect(await initStatus((env) => g.gsk_attribute_set_buffer(env, g.GSK_IBMI_APPLICATION_ID, 'WEB'))).to.equal(g.GSK_OK);
      expect(await initStatus((env) => g.gsk_attribute_set_buffer(env, g.GSK_OS400_APPLICATION_ID, 'OTHER'))).to.equal(g.GSK_IBMI_ERROR_NOT_REGISTERED);
      expect(await initStatus((env) => g.gsk_attribute_set_buffer(env, g.GSK_OS400_APPLICATION_ID, 'constructor'))).to.equal(g.GSK_IBMI_ERROR_NOT_REGISTERED);
      writeFileSync(registry, '{ not json');
      expect(await initStatus((env) => g.gsk_attribute_set_buffer(env, g.GSK_OS400_APPLICATION_ID, 'WEB'))).to.equal(g.GSK_IBMI_ERROR_NO_ACCESS);
    } finally {
      g.gskApplicationRegistry(undefined);
      delete process.env.RING_PW_FOR_TEST;
    }
  });
});
