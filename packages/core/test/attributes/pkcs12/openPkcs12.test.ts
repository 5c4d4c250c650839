import { X509Certificate, createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { TestCa, exportPkcs12, type Issued } from '@tlsport/testkit';
import { openPkcs12 } from '../../../src/attributes/pkcs12/openPkcs12.js';
import { MAX_FILE_ROUNDS, MAX_ROUNDS, Pkcs12Secret } from '../../../src/attributes/pkcs12/pbe.js';
import { MAX_BAGS, readPkcs12 } from '../../../src/attributes/pkcs12/pkcs12.js';
import { Pkcs12Error, type Pkcs12Failure } from '../../../src/attributes/pkcs12/Pkcs12Error.js';

/** The reason `attempt` fails with; fails the test when it does not throw a Pkcs12Error. */
function failure(attempt: () => unknown): Pkcs12Failure {
  try {
    attempt();
  } catch (error) {
    expect(error).to.be.instanceOf(Pkcs12Error);
    return (error as Pkcs12Error).reason;
  }
  return expect.fail('expected a Pkcs12Error');
}

const subjects = (ders: readonly Uint8Array[]): string[] => ders.map((d) => new X509Certificate(d).subject);

describe('openPkcs12: the PKCS#12 reader every backend and gsk share', () => {
  let root: TestCa;
  let leaf: Issued;
  let cas: string;
  let modern: Buffer;
  let legacy: Buffer;

  before(() => {
    root = TestCa.root({ cn: 'p12 root' });
    const intermediate = root.intermediate({ cn: 'p12 intermediate' });
    leaf = intermediate.issue({ cn: 'p12 leaf', dns: ['localhost'] });
    cas = join(root.dir, 'cas.pem');
    writeFileSync(cas, readFileSync(intermediate.certFile, 'utf8') + root.cert);
    modern = readFileSync(exportPkcs12(leaf, { file: join(root.dir, 'modern.p12'), password: 'pw', label: 'web', caCerts: cas }));
    legacy = readFileSync(exportPkcs12(leaf, { file: join(root.dir, 'legacy.p12'), password: 'old', caCerts: cas, legacy: true }));
  });

  after(() => root.dispose());

  it('PBES2/AES file by label: the leaf and its intermediate are sent, the key fits, the keyless certificates are trusted', () => {
    const m = openPkcs12(modern, 'pw', 'web');
    expect(subjects(m.chain)).to.deep.equal(['CN=p12 leaf', 'CN=p12 intermediate']);
    expect(createPublicKey(m.keyPem!).export({ type: 'spki', format: 'der' })).to.deep.equal(new X509Certificate(leaf.cert).publicKey.export({ type: 'spki', format: 'der' }));
    expect(subjects(m.trusted).sort()).to.deep.equal(['CN=p12 intermediate', 'CN=p12 root']);
  });

  it('legacy 3DES file without a label: the first certificate that has its key', () => {
    const m = openPkcs12(legacy, 'old');
    expect(subjects(m.chain)).to.deep.equal(['CN=p12 leaf', 'CN=p12 intermediate']);
    expect(m.keyPem).to.match(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('a file of CA certificates only is a trust store; asking it for a label gives label-not-found or no-key', () => {
    const store = readFileSync(exportPkcs12(undefined, { file: join(root.dir, 'cas.p12'), password: 'ca', caCerts: cas, caLabel: 'roots' }));
    const m = openPkcs12(store, 'ca');
    expect(m.chain).to.deep.equal([]);
    expect(m.keyPem).to.equal(undefined);
    expect(m.trusted).to.have.length(2);
    expect(failure(() => openPkcs12(store, 'ca', 'roots'))).to.equal('no-key');
    expect(failure(() => openPkcs12(modern, 'pw', 'nobody'))).to.equal('label-not-found');
  });

  it('a wrong or missing password is wrong-password (MAC), on both kinds of file', () => {
    expect(failure(() => openPkcs12(modern, 'PW'))).to.equal('wrong-password');
    expect(failure(() => openPkcs12(legacy, ''))).to.equal('wrong-password');
  });

  it('truncated or garbled structure is malformed; a changed byte inside the content fails the MAC', () => {
    expect(failure(() => openPkcs12(modern.subarray(0, modern.length - 40), 'pw'))).to.equal('malformed');
    expect(failure(() => openPkcs12(modern.subarray(0, 3), 'pw'))).to.equal('malformed');
    expect(failure(() => openPkcs12(Buffer.from('not a pfx'), 'pw'))).to.equal('malformed');
    const badTag = Buffer.from(modern);
    badTag[0] = 0x31;
    expect(failure(() => openPkcs12(badTag, 'pw'))).to.equal('malformed');
    // RFC 7292's MAC covers the content: damage there cannot be told from a wrong password, as in OpenSSL.
    const flipped = Buffer.from(modern);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    expect(failure(() => openPkcs12(flipped, 'pw'))).to.equal('wrong-password');
  });

  it(`more than ${MAX_BAGS} bags are refused`, () => {
    const many = join(root.dir, 'many.pem');
    writeFileSync(many, root.cert.repeat(MAX_BAGS + 5));
    const file = readFileSync(exportPkcs12(undefined, { file: join(root.dir, 'many.p12'), password: 'x', caCerts: many }));
    expect(() => readPkcs12(file, 'x')).to.throw(Pkcs12Error, `more than ${MAX_BAGS} bags`);
  });

  it(`an iteration count above ${MAX_ROUNDS} is refused before any hashing; a file's derivations share ${MAX_FILE_ROUNDS} rounds`, () => {
    const file = readFileSync(exportPkcs12(leaf, { file: join(root.dir, 'slow.p12'), password: 'pw', iterations: MAX_ROUNDS + 1 }));
    expect(() => readPkcs12(file, 'pw')).to.throw(Pkcs12Error, `iteration count ${MAX_ROUNDS + 1} out of range`);
    const secret = new Pkcs12Secret('pw');
    for (let spent = 0; spent < MAX_FILE_ROUNDS; spent += MAX_ROUNDS) secret.spend(MAX_ROUNDS);
    expect(() => secret.spend(1)).to.throw(/more than 4000000 key-derivation rounds/);
    expect(() => new Pkcs12Secret('pw').spend(0)).to.throw(/out of range/);
  });
});
