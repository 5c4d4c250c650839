import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { TlsError } from '@tlsport/core';
import { TestCa, type Issued } from '@tlsport/testkit';
import { NodeCryptoProvider } from '../../src/crypto/index.js';
import { TrustStore, pemToDer, verifyChain } from '../../src/x509/index.js';
import { parseCached } from '../../src/x509/certificatePool.js';

const provider = new NodeCryptoProvider();

/** The error verifyChain throws, or undefined when the chain verifies. */
function fault(chain: string[], trust: TrustStore, host?: string): TlsError | undefined {
  try {
    verifyChain({ chain: chain.flatMap(pemToDer), trust, provider, now: new Date(), host, purpose: 'serverAuth' });
    return undefined;
  } catch (error) {
    if (error instanceof TlsError) return error;
    throw error;
  }
}

describe('path building and name constraints', function () {
  this.timeout(120_000);
  let root: TestCa;
  let trust: TrustStore;

  before(() => {
    root = TestCa.root({ cn: 'path building root' });
    trust = new TrustStore([root.cert]);
  });
  after(() => root.dispose());

  let count = 0;
  /** A leaf under a fresh intermediate of the root with `subtrees`; `leaf.config` serves both. */
  const constrained = (subtrees: string, leaf: Parameters<TestCa['issue']>[0] = {}): [string, string] => {
    const config = leaf.config === undefined ? {} : { config: leaf.config };
    const ca = root.intermediate({ cn: `constrained intermediate ${++count}`, extensions: [`nameConstraints=critical,${subtrees}`], ...config });
    return [ca.issue(leaf).cert, ca.cert];
  };

  it('backtracks from an untrusted cross-signed copy to the trusted one', () => {
    const ca = root.intermediate({ cn: 'cross-signed intermediate' });
    const other = TestCa.root({ cn: 'untrusted other root', dir: root.dir });
    const cross: Issued = other.issue({ ca: true, subject: `/${new X509Certificate(ca.cert).subject}`, keyFile: ca.keyFile });
    const leaf = ca.issue();
    expect(fault([leaf.cert, cross.cert, ca.cert], trust)).to.equal(undefined);
    expect(fault([leaf.cert, cross.cert], trust)?.fault).to.equal('unknown-ca');
  });

  it('gives up a certificate mesh after 100 signature checks', () => {
    const mesh = [0, 1, 2].map(() => TestCa.root({ cn: 'mesh CA', dir: root.dir }));
    const links = mesh.flatMap((subject) => mesh.map((by) => by.issue({ ca: true, cn: 'mesh CA', keyFile: subject.keyFile }).cert));
    const error = fault([mesh[0]!.issue().cert, ...links], trust);
    expect(error?.fault).to.equal('unknown-ca');
    expect(error?.detail).to.match(/gave up after 100 signature checks/);
  });

  it('parses each certificate once: the cache returns the same object for the same DER', () => {
    const der = pemToDer(root.cert)[0]!;
    expect(parseCached(der)).to.equal(parseCached(Uint8Array.from(der)));
  });

  it('refuses a wildcard that could stand for an excluded name', () => {
    expect(fault(constrained('excluded;DNS:www.example.com', { dns: ['*.example.com'], ips: [] }), trust)?.fault).to.equal('name-constraints');
    expect(fault(constrained('excluded;DNS:a.b.example.com', { dns: ['*.example.com'], ips: [] }), trust)).to.equal(undefined);
  });

  it('reads the host of a URI past its user info and port', () => {
    expect(fault(constrained('permitted;URI:.example.com', { san: ['URI:https://user@a.example.com:8443/x'] }), trust)).to.equal(undefined);
    expect(fault(constrained('permitted;URI:.example.com', { san: ['URI:https://example.org@evil.test/'] }), trust)?.fault).to.equal('name-constraints');
  });

  it('matches IPv6 addresses under a prefix mask', () => {
    expect(fault(constrained('permitted;IP:2001:db8::/ffff:ffff::', { ips: ['2001:db8::5'] }), trust)).to.equal(undefined);
    expect(fault(constrained('permitted;IP:2001:db8::/ffff:ffff::', { ips: ['2001:db9::5'] }), trust)?.fault).to.equal('name-constraints');
  });

  it('compares directory names by RDN prefix, ignoring case', () => {
    const section = { config: '[dn]\nO=TLSPort\n' };
    expect(fault(constrained('permitted;dirName:dn', { ...section, subject: '/O=tlsport/OU=x/CN=localhost' }), trust)).to.equal(undefined);
    expect(fault(constrained('permitted;dirName:dn', { ...section, subject: '/OU=x/O=tlsport/CN=localhost' }), trust)?.fault).to.equal('name-constraints');
  });

  it('fails closed on a subtree form it cannot evaluate', () => {
    expect(fault(constrained('excluded;otherName:1.2.3.4;UTF8:x'), trust)?.detail).to.match(/cannot evaluate: a otherName subtree/);
  });
});
