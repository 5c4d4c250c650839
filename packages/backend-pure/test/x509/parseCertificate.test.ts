import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import fc from 'fast-check';
import { TlsError } from '@tlsport/core';
import { TestCa } from '@tlsport/testkit';
import { parseCertificate, pemToDer, type Certificate } from '../../src/x509/index.js';

/** Expects parseCertificate to refuse `der` as a bad certificate, with a detail matching `detail`. */
function expectMalformed(der: Uint8Array, detail?: RegExp): void {
  let caught: unknown;
  try {
    parseCertificate(der);
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a TlsError').to.be.instanceOf(TlsError);
  expect((caught as TlsError).fault).to.equal('bad-certificate');
  if (detail !== undefined) expect((caught as TlsError).detail).to.match(detail);
}

/** `der` with the first occurrence of `from` replaced by `to` (same length). */
function patch(der: Uint8Array, from: readonly number[], to: readonly number[]): Uint8Array {
  const at = Buffer.from(der).indexOf(Buffer.from(from));
  expect(at, 'pattern present').to.be.at.least(0);
  const out = Uint8Array.from(der);
  out.set(to, at);
  return out;
}

const OID_BASIC_CONSTRAINTS = [0x06, 0x03, 0x55, 0x1d, 0x13];
const OID_SUBJECT_KEY_ID = [0x06, 0x03, 0x55, 0x1d, 0x0e];

describe('parseCertificate', function () {
  this.timeout(60_000);
  let root: TestCa;
  let leafDer: Uint8Array;
  let leaf: Certificate;
  let farFuture: Certificate;

  before(() => {
    root = TestCa.root({ cn: 'Parser, Test "Root"' });
    leafDer = pemToDer(root.issue({ dns: ['a.test', 'b.test'], ips: ['192.0.2.7', '2001:db8::7'], cn: 'a.test' }).cert)[0]!;
    leaf = parseCertificate(leafDer);
    farFuture = parseCertificate(pemToDer(root.issue({ notAfterDays: 40_000 }).cert)[0]!);
  });

  after(() => root.dispose());

  it('reads the fields of a TestCa leaf', () => {
    expect(leaf.version).to.equal(3);
    expect(leaf.subject).to.include({ text: 'CN=a.test', commonName: 'a.test' });
    expect(leaf.issuer.text).to.equal('CN=Parser\\, Test \\"Root\\"');
    expect(leaf.subjectAltName?.dnsNames).to.deep.equal(['a.test', 'b.test']);
    expect(leaf.subjectAltName?.ipAddresses).to.deep.equal([Uint8Array.of(192, 0, 2, 7), Uint8Array.of(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7)]);
    expect(leaf.basicConstraints).to.deep.equal({ ca: false, pathLen: undefined });
    expect([...leaf.keyUsage!]).to.deep.equal(['digitalSignature']);
    expect(leaf.extKeyUsage).to.deep.equal(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(leaf.subjectKeyId?.length).to.equal(20);
    expect(leaf.signatureAlgorithm).to.include({ kind: 'supported', name: 'ecdsa-with-SHA256' });
    expect(leaf.notBefore.getTime()).to.be.below(Date.now());
    expect(Buffer.from(leaf.tbs).equals(Buffer.from(leafDer.subarray(4, 4 + leaf.tbs.length)))).to.equal(true);
  });

  it('reads GeneralizedTime validity (years from 2050)', () => {
    expect(farFuture.notAfter.getUTCFullYear()).to.be.above(2100);
  });

  it("agrees with node:crypto's X509Certificate on all of Node's root certificates", () => {
    for (const pem of rootCertificates) {
      const ours = parseCertificate(pemToDer(pem)[0]!);
      const node = new X509Certificate(pem);
      expect(BigInt(`0x${ours.serialNumber}`), node.subject).to.equal(BigInt(`0x${node.serialNumber}`));
      expect(ours.notBefore.getTime(), node.subject).to.equal(Date.parse(node.validFrom));
      expect(ours.notAfter.getTime(), node.subject).to.equal(Date.parse(node.validTo));
      expect(ours.basicConstraints?.ca ?? false, node.subject).to.equal(node.ca);
      const nodeCn = /^CN=(.*)$/m.exec(node.subject)?.[1];
      if (nodeCn !== undefined && !/[\\,+"<>;]/.test(nodeCn)) expect(ours.subject.commonName).to.equal(nodeCn);
    }
  });

  it('rejects every truncation', () => {
    for (let length = 0; length < leafDer.length; length++) expectMalformed(leafDer.subarray(0, length));
  });

  it('rejects trailing bytes, non-minimal and overlong lengths', () => {
    expectMalformed(Uint8Array.from([...leafDer, 0x00]), /trailing/);
    // The outer SEQUENCE uses 30 82 hi lo; re-encode its length with a redundant leading zero.
    expect(leafDer[1]).to.equal(0x82);
    expectMalformed(Uint8Array.from([0x30, 0x83, 0x00, ...leafDer.subarray(2)]), /non-minimal/);
    const longer = Uint8Array.from(leafDer);
    new DataView(longer.buffer).setUint16(2, leafDer.length - 4 + 1);
    expectMalformed(longer, /runs past the end/);
    expectMalformed(Uint8Array.from([0x30, 0x80, ...leafDer.subarray(4), 0x00, 0x00]), /indefinite/);
  });

  it('rejects an unknown critical extension and ignores an unknown non-critical one', () => {
    // basicConstraints is critical in TestCa leaves: give it an unassigned OID (2.5.29.99).
    expectMalformed(patch(leafDer, OID_BASIC_CONSTRAINTS, [0x06, 0x03, 0x55, 0x1d, 0x63]), /unsupported critical extension 2\.5\.29\.99/);
    const ignored = parseCertificate(patch(leafDer, OID_SUBJECT_KEY_ID, [0x06, 0x03, 0x55, 0x1d, 0x6e]));
    expect(ignored.subjectKeyId).to.equal(undefined);
  });

  it('rejects a duplicated extension', () => {
    expectMalformed(patch(leafDer, OID_SUBJECT_KEY_ID, OID_BASIC_CONSTRAINTS), /appears twice/);
  });

  it('never throws anything but TlsError on random mutations', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), value: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const bytes = [...leafDer];
        for (const m of mutations) {
          const at = m.at % (bytes.length + 1);
          if (m.kind === 'set') bytes[Math.min(at, bytes.length - 1)] = m.value;
          else if (m.kind === 'insert') bytes.splice(at, 0, m.value);
          else bytes.splice(at, 1);
        }
        try {
          parseCertificate(Uint8Array.from(bytes));
        } catch (error) {
          if (!(error instanceof TlsError) || error.fault !== 'bad-certificate') throw error;
        }
      }),
      { numRuns: 3000, seed: 0x7115 },
    );
  });
});
