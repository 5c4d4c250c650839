import { expect } from 'chai';
import { TestCa } from '@tlsport/testkit';
import { matchesHost, parseCertificate, parseIpLiteral, pemToDer, type Certificate } from '../../src/x509/index.js';

describe('host name matching (RFC 6125)', function () {
  this.timeout(60_000);
  let root: TestCa;
  let sans: Certificate;
  let cnOnly: Certificate;
  let sanAndCn: Certificate;
  let ipInCn: Certificate;

  before(() => {
    root = TestCa.root();
    const make = (options: Parameters<TestCa['issue']>[0]): Certificate => parseCertificate(pemToDer(root.issue(options).cert)[0]!);
    sans = make({ dns: ['*.example.com', 'Exact.Test', 'f*.partial.test', '*.com', 'a.*.inner.test', '10.0.0.9'], ips: ['10.0.0.1', '2001:db8::1'] });
    cnOnly = make({ dns: [], ips: [], cn: 'cn-only.test' });
    sanAndCn = make({ dns: ['san.test'], ips: [], cn: 'cn.test' });
    ipInCn = make({ dns: [], ips: [], cn: '127.0.0.1' });
  });

  after(() => root.dispose());

  it('matches DNS names exactly, ignoring case and a trailing dot', () => {
    expect(matchesHost(sans, 'exact.test')).to.equal(true);
    expect(matchesHost(sans, 'EXACT.test.')).to.equal(true);
    expect(matchesHost(sans, 'exact.test.org')).to.equal(false);
  });

  it('lets a left-most wildcard stand for exactly one label', () => {
    expect(matchesHost(sans, 'api.example.com')).to.equal(true);
    expect(matchesHost(sans, 'API.EXAMPLE.COM')).to.equal(true);
    expect(matchesHost(sans, 'a.b.example.com')).to.equal(false);
    expect(matchesHost(sans, 'example.com')).to.equal(false);
    expect(matchesHost(sans, '.example.com')).to.equal(false);
  });

  it('refuses partial-label, inner, single-label-suffix and IDN wildcards', () => {
    expect(matchesHost(sans, 'foo.partial.test')).to.equal(false);
    expect(matchesHost(sans, 'f.partial.test')).to.equal(false);
    expect(matchesHost(sans, 'a.b.inner.test')).to.equal(false);
    expect(matchesHost(sans, 'anything.com')).to.equal(false);
    expect(matchesHost(sans, 'xn--bcher-kva.example.com')).to.equal(false);
  });

  it('compares IP literals with iPAddress entries only', () => {
    expect(matchesHost(sans, '10.0.0.1')).to.equal(true);
    expect(matchesHost(sans, '2001:db8::1')).to.equal(true);
    expect(matchesHost(sans, '2001:0DB8:0:0:0:0:0:1')).to.equal(true);
    expect(matchesHost(sans, '[2001:db8::1]')).to.equal(true);
    expect(matchesHost(sans, '10.0.0.2')).to.equal(false);
    expect(matchesHost(sans, '10.0.0.9')).to.equal(false); // present only as a dNSName
    expect(matchesHost(ipInCn, '127.0.0.1')).to.equal(false); // never from the CN
  });

  it('never uses the CN, even without a subjectAltName (RFC 6125 §6.4.4, CA/B Forum)', () => {
    expect(matchesHost(cnOnly, 'cn-only.test')).to.equal(false);
    expect(matchesHost(sanAndCn, 'cn.test')).to.equal(false);
    expect(matchesHost(sanAndCn, 'san.test')).to.equal(true);
  });

  it('parses IP literals and leaves DNS names alone', () => {
    expect(parseIpLiteral('192.168.1.20')).to.deep.equal(Uint8Array.of(192, 168, 1, 20));
    expect(parseIpLiteral('::ffff:1.2.3.4')).to.deep.equal(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4));
    expect(parseIpLiteral('::')).to.deep.equal(new Uint8Array(16));
    expect(parseIpLiteral('fe80::1%eth0')).to.deep.equal(Uint8Array.of(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
    for (const notIp of ['256.1.1.1', '01.2.3.4', '1.2.3', 'example.com', '1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1', '1:2:3:4:5:6:7::8']) {
      expect(parseIpLiteral(notIp), notIp).to.equal(undefined);
    }
  });
});
