import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { expect } from 'chai';
import { TestCa, exportPkcs12, type Issued } from '@tlsport/testkit';
import { resolveContextConfig } from '../../src/attributes/resolveTlsConfig.js';
import { GskStatus } from '../../src/gsk/status.js';
import { refusal } from '../helpers/refusal.js';

describe('the pfx attribute: PKCS#12 read once into the cert/key pair and trusted CAs', () => {
  let root: TestCa;
  let leaf: Issued;
  let intermediateCert: string;
  let pfx: Buffer;
  let caOnly: Buffer;

  before(() => {
    root = TestCa.root({ cn: 'pfx root' });
    const intermediate = root.intermediate({ cn: 'pfx intermediate' });
    intermediateCert = readFileSync(intermediate.certFile, 'utf8');
    leaf = intermediate.issue({ dns: ['localhost'] });
    const cas = join(root.dir, 'cas.pem');
    writeFileSync(cas, intermediateCert + root.cert);
    pfx = readFileSync(exportPkcs12(leaf, { file: join(root.dir, 'server.p12'), password: 'secret', caCerts: cas }));
    caOnly = readFileSync(exportPkcs12(undefined, { file: join(root.dir, 'cas.p12'), password: 'secret', caCerts: cas }));
  });

  after(() => root.dispose());

  const fingerprints = (pem: string): string[] => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!.map((c) => new X509Certificate(c).fingerprint256);

  it('gives the chain and key PEM cert/key give, and trusts the CAs after `ca` (or the default roots), as node:tls', () => {
    const fromPfx = resolveContextConfig({ role: 'server', pfx, passphrase: 'secret' });
    const fromPem = resolveContextConfig({ role: 'server', cert: leaf.cert + intermediateCert, key: readFileSync(leaf.keyFile, 'utf8') });
    // The leaf and the intermediate that issues it; the self-signed root is the peer's to have.
    expect(fingerprints(fromPfx.certificate!.cert)).to.deep.equal(fingerprints(fromPem.certificate!.cert));
    expect(fromPfx.certificate!.key).to.match(/^-----BEGIN PRIVATE KEY-----/);
    expect(fromPfx.ca.slice(0, rootCertificates.length)).to.deep.equal(rootCertificates);
    expect(fromPfx.ca.slice(-2).flatMap(fingerprints).sort()).to.deep.equal([...fingerprints(intermediateCert), ...fingerprints(root.cert)].sort());
    const withCa = resolveContextConfig({ role: 'client', ca: leaf.cert, pfx: [{ buf: pfx, passphrase: 'secret' }] });
    expect(withCa.ca).to.have.length(3);
    expect(fingerprints(withCa.ca[0]!)).to.deep.equal(fingerprints(leaf.cert));
  });

  it("the object form's own passphrase wins over the attribute's", () => {
    expect(resolveContextConfig({ role: 'server', pfx: [{ buf: pfx, passphrase: 'secret' }], passphrase: 'other' }).certificate).to.not.equal(undefined);
  });

  it('a wrong or missing passphrase is GSK_ERROR_BAD_KEYFILE_PASSWORD naming pfx', () => {
    const wrong = refusal(() => resolveContextConfig({ role: 'server', pfx, passphrase: 'nope' }));
    expect(wrong.status).to.equal(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD);
    expect(wrong.message).to.include('pfx: MAC check failed: wrong password');
    expect(refusal(() => resolveContextConfig({ role: 'server', pfx })).message).to.include('set passphrase');
  });

  it('a file that is not PKCS#12 is GSK_KEYFILE_INVALID_FORMAT; one without a key GSK_ERROR_NO_PRIVATE_KEY', () => {
    expect(refusal(() => resolveContextConfig({ role: 'server', pfx: pfx.subarray(0, 100), passphrase: 'secret' })).status).to.equal(GskStatus.GSK_KEYFILE_INVALID_FORMAT);
    expect(refusal(() => resolveContextConfig({ role: 'server', pfx: leaf.cert, passphrase: 'secret' })).status).to.equal(GskStatus.GSK_KEYFILE_INVALID_FORMAT);
    expect(refusal(() => resolveContextConfig({ role: 'client', pfx: caOnly, passphrase: 'secret' })).status).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
  });

  it('two files, or pfx beside cert/key, are refused naming pfx (tlsport serves one certificate)', () => {
    const two = refusal(() => resolveContextConfig({ role: 'server', pfx: [pfx, pfx], passphrase: 'secret' }));
    expect(two.status).to.equal(GskStatus.GSK_ERROR_UNSUPPORTED);
    expect(two.message).to.include('pfx: tlsport serves one certificate');
    expect(refusal(() => resolveContextConfig({ role: 'server', pfx, passphrase: 'secret', cert: leaf.cert })).message).to.include('pfx: give either pfx or cert/key');
  });
});
