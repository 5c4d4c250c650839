import { expect } from 'chai';
import { Asn1Error, DerReader, Tag, decodeTime, pemBlocks } from '../../src/asn1/index.js';

const der = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);

describe('DER reader', () => {
  it('reads nested TLVs and keeps the exact encoding', () => {
    const reader = new DerReader(der(0x30, 0x06, 0x02, 0x01, 0x05, 0x01, 0x01, 0xff));
    const sequence = reader.sequence('outer');
    reader.end();
    expect(sequence.integer('n')).to.equal(5n);
    expect(sequence.boolean('b')).to.equal(true);
    sequence.end();
    expect(DerReader.single(der(0x04, 0x01, 0xaa), 'x').encoded).to.deep.equal(der(0x04, 0x01, 0xaa));
  });

  it('takes long-form lengths only when minimal', () => {
    const long = new Uint8Array(3 + 200);
    long.set([0x04, 0x81, 200]);
    expect(DerReader.single(long, 'x').value.length).to.equal(200);
    expect(() => DerReader.single(der(0x04, 0x81, 0x01, 0x00), 'x')).to.throw(Asn1Error, /non-minimal length/);
    const padded = new Uint8Array(4 + 200);
    padded.set([0x04, 0x82, 0x00, 200]);
    expect(() => DerReader.single(padded, 'x')).to.throw(Asn1Error, /non-minimal length/);
    expect(() => DerReader.single(der(0x30, 0x80, 0x00, 0x00), 'x')).to.throw(Asn1Error, /indefinite/);
  });

  it('rejects truncation, overlong lengths and trailing bytes', () => {
    expect(() => DerReader.single(der(0x04, 0x03, 0x01), 'x')).to.throw(Asn1Error, /runs past the end/);
    expect(() => DerReader.single(der(0x04), 'x')).to.throw(Asn1Error, /truncated/);
    expect(() => DerReader.single(der(0x04, 0x00, 0x00), 'x')).to.throw(Asn1Error, /trailing/);
    expect(() => DerReader.single(der(0x1f, 0x01, 0x00), 'x')).to.throw(Asn1Error, /high-tag/);
  });

  it('decodes integers, rejecting non-minimal ones', () => {
    expect(new DerReader(der(0x02, 0x02, 0x00, 0x80)).integer('n')).to.equal(128n);
    expect(new DerReader(der(0x02, 0x01, 0xff)).integer('n')).to.equal(-1n);
    expect(new DerReader(der(0x02, 0x02, 0x00, 0x80)).unsigned('n')).to.deep.equal(der(0x80));
    expect(() => new DerReader(der(0x02, 0x02, 0x00, 0x7f)).integer('n')).to.throw(Asn1Error, /non-minimal/);
    expect(() => new DerReader(der(0x02, 0x02, 0xff, 0x80)).integer('n')).to.throw(Asn1Error, /non-minimal/);
    expect(() => new DerReader(der(0x02, 0x00)).integer('n')).to.throw(Asn1Error, /empty/);
    expect(() => new DerReader(der(0x02, 0x01, 0x80)).unsigned('n')).to.throw(Asn1Error, /negative/);
  });

  it('decodes OIDs, BIT STRINGs and BOOLEANs strictly', () => {
    expect(new DerReader(der(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07)).oid('o')).to.equal('1.2.840.10045.3.1.7');
    expect(new DerReader(der(0x06, 0x03, 0x55, 0x1d, 0x13)).oid('o')).to.equal('2.5.29.19');
    expect(() => new DerReader(der(0x06, 0x02, 0x2a, 0x86)).oid('o')).to.throw(Asn1Error, /truncated OID/);
    expect(() => new DerReader(der(0x06, 0x02, 0x80, 0x01)).oid('o')).to.throw(Asn1Error, /non-minimal/);
    expect(new DerReader(der(0x03, 0x02, 0x07, 0x80)).bitString('b')).to.deep.equal({ bytes: der(0x80), unusedBits: 7 });
    expect(() => new DerReader(der(0x03, 0x02, 0x07, 0x81)).bitString('b')).to.throw(Asn1Error, /unused bits/);
    expect(() => new DerReader(der(0x03, 0x01, 0x01)).bitString('b')).to.throw(Asn1Error, /unused-bit/);
    expect(() => new DerReader(der(0x01, 0x01, 0x01)).boolean('b')).to.throw(Asn1Error, /BOOLEAN/);
  });

  it('decodes UTCTime and GeneralizedTime in the RFC 5280 profile', () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(decodeTime(Tag.UTCTime, text('491231235959Z'), 't').toISOString()).to.equal('2049-12-31T23:59:59.000Z');
    expect(decodeTime(Tag.UTCTime, text('500101000000Z'), 't').toISOString()).to.equal('1950-01-01T00:00:00.000Z');
    expect(decodeTime(Tag.GeneralizedTime, text('21350101120000Z'), 't').toISOString()).to.equal('2135-01-01T12:00:00.000Z');
    for (const bad of ['4912312359Z', '491231235959', '491331235959Z', '490230000000Z', '491231235959+0100']) {
      expect(() => decodeTime(Tag.UTCTime, text(bad), 't'), bad).to.throw(Asn1Error);
    }
    expect(() => decodeTime(Tag.GeneralizedTime, text('20350101120000.5Z'), 't')).to.throw(Asn1Error);
  });

  it('reads PEM blocks and refuses bad base64', () => {
    const pem = 'junk\n-----BEGIN A B-----\nAQID\n-----END A B-----\n-----BEGIN C-----\nBA==\n-----END C-----\n';
    expect(pemBlocks(pem)).to.deep.equal([{ label: 'A B', der: der(1, 2, 3) }, { label: 'C', der: der(4) }]);
    expect(() => pemBlocks('-----BEGIN X-----\nA*==\n-----END X-----')).to.throw(Asn1Error, /base64/);
  });
});
