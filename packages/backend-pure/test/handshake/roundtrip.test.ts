import { expect } from 'chai';
import fc from 'fast-check';
import { TlsError } from '@tlsport/core';
import { toHex } from '../../src/codec/bytes.js';
import { parseCertificate, serializeCertificate } from '../../src/handshake/certificate.js';
import { parseCertificateRequest, serializeCertificateRequest } from '../../src/handshake/certificateRequest.js';
import { parseCertificateVerify, serializeCertificateVerify } from '../../src/handshake/certificateVerify.js';
import { parseClientHello, serializeClientHello } from '../../src/handshake/clientHello.js';
import { parseEncryptedExtensions, serializeEncryptedExtensions } from '../../src/handshake/encryptedExtensions.js';
import { parseNewSessionTicket, serializeNewSessionTicket } from '../../src/handshake/newSessionTicket.js';
import { parseServerHello, serializeServerHello } from '../../src/handshake/serverHello.js';
import { Trace } from '../helpers/rfc8448.js';

const s3 = new Trace('3 Simple 1-RTT Handshake');
const s5 = new Trace('5 HelloRetryRequest');
const s6 = new Trace('6 Client Authentication');
const body = (m: Uint8Array): Uint8Array => m.subarray(4);

describe('handshake messages: each RFC 8448 message parses once and serializes back to the same bytes', () => {
  it('ClientHello (§3, §4 with pre_shared_key, §5 with cookie)', () => {
    for (const raw of [
      s3.field('client', 'construct a ClientHello', 'ClientHello'),
      new Trace('4 Resumed 0-RTT Handshake').field('client', 'send handshake record', 'payload'),
      s5.field('client', 'construct a ClientHello', 'ClientHello', 1),
    ]) {
      const ch = parseClientHello(body(raw));
      expect(toHex(serializeClientHello(ch).raw)).to.equal(toHex(raw));
    }
    const ch = parseClientHello(body(s3.field('client', 'construct a ClientHello', 'ClientHello')));
    expect(ch.serverName).to.equal('server');
    expect(ch.supportedVersions).to.deep.equal([0x0304]);
    expect(ch.keyShares![0]!.group).to.equal(0x001d);
  });

  it('ServerHello and HelloRetryRequest', () => {
    for (const raw of [s3.field('server', 'construct a ServerHello', 'ServerHello'), s5.field('server', 'construct a ServerHello', 'ServerHello', 0)]) {
      const sh = parseServerHello(body(raw));
      expect(toHex(serializeServerHello(sh).raw)).to.equal(toHex(raw));
    }
    const hrr = parseServerHello(body(s5.field('server', 'construct a ServerHello', 'ServerHello', 0)));
    expect(hrr.isHelloRetryRequest).to.equal(true);
    expect(hrr.selectedGroup).to.equal(0x0017);
  });

  it('EncryptedExtensions, Certificate, CertificateRequest, CertificateVerify, NewSessionTicket', () => {
    const ee = s3.field('server', 'construct an EncryptedExtensions', 'EncryptedExtensions');
    expect(toHex(serializeEncryptedExtensions(parseEncryptedExtensions(body(ee)).extensions).raw)).to.equal(toHex(ee));
    const cert = s3.field('server', 'construct a Certificate', 'Certificate');
    const parsed = parseCertificate(body(cert));
    expect(toHex(serializeCertificate(parsed.context, parsed.chain).raw)).to.equal(toHex(cert));
    const cv = s3.field('server', 'construct a CertificateVerify', 'CertificateVerify');
    expect(toHex(serializeCertificateVerify(parseCertificateVerify(body(cv))).raw)).to.equal(toHex(cv));
    const nst = s3.field('server', 'construct a NewSessionTicket', 'NewSessionTicket');
    expect(parseNewSessionTicket(body(nst)).lifetime).to.equal(30);
    const cr = s6.field('server', 'construct a CertificateRequest', 'CertificateRequest');
    const req = parseCertificateRequest(body(cr));
    expect(req.signatureSchemes.length).to.be.greaterThan(0);
    // The RFC's CertificateRequest and NewSessionTicket carry extensions tlsport reads and drops, so
    // re-serializing gives the reduced form; that form must parse to the same values.
    expect(parseCertificateRequest(body(serializeCertificateRequest(req.context, req.signatureSchemes).raw))).to.deep.equal(req);
    const t = parseNewSessionTicket(body(nst));
    expect(parseNewSessionTicket(body(serializeNewSessionTicket(t).raw))).to.deep.equal(t);
  });

  it('property: any truncation of a ClientHello is decode_error, never a crash', () => {
    const raw = body(s3.field('client', 'construct a ClientHello', 'ClientHello'));
    // Cut right after compression_methods, a ClientHello without extensions is well-formed (RFC 5246 grammar).
    const withoutExtensions = 2 + 32 + 1 + 2 + 6 + 2;
    fc.assert(fc.property(fc.integer({ min: 0, max: raw.length - 1 }).filter((n) => n !== withoutExtensions), (n) => {
      expect(() => parseClientHello(raw.subarray(0, n))).to.throw(TlsError).with.property('fault', 'bad-message');
    }));
    expect(parseClientHello(raw.subarray(0, withoutExtensions)).extensions.size).to.equal(0);
  });

  it('property: random bytes never escape as anything but TlsError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      for (const parse of [parseClientHello, parseServerHello, parseEncryptedExtensions, parseCertificate, parseCertificateVerify, parseNewSessionTicket]) {
        try {
          parse(bytes);
        } catch (e) {
          expect(e).to.be.instanceOf(TlsError);
        }
      }
    }));
  });
});
