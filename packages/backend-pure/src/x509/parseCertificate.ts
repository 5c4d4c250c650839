import { DerReader, Tag, contextTag, decodeTime } from '../asn1/index.js';
import type { Certificate } from './Certificate.js';
import { badCertificate, parsing } from './certificateError.js';
import { parseExtensions, type ParsedExtensions } from './extensions.js';
import { toHex } from './hex.js';
import { parseName } from './names.js';
import { parseSignatureAlgorithm } from './signatureAlgorithm.js';

/** Parses one DER certificate (RFC 5280 §4.1). Throws TlsError('bad-certificate') when malformed. */
export function parseCertificate(der: Uint8Array): Certificate {
  return parsing('certificate', () => {
    const outer = new DerReader(der, 'Certificate');
    const certificate = outer.sequence('Certificate');
    outer.end();
    const tbsElement = certificate.expect(Tag.SEQUENCE, 'tbsCertificate');
    const algorithmElement = certificate.expect(Tag.SEQUENCE, 'signatureAlgorithm');
    const signatureBits = certificate.bitString('signatureValue');
    certificate.end();
    if (signatureBits.unusedBits !== 0) throw badCertificate('certificate: signature is not whole bytes');

    const tbs = new DerReader(tbsElement.value, 'tbsCertificate');
    const versionReader = tbs.explicit(0, 'version');
    const version = versionReader === undefined ? 1 : versionReader.smallInteger('version') + 1;
    versionReader?.end();
    // DER never encodes the DEFAULT v1 (X.690 §11.5); only v1..v3 exist.
    if ((versionReader !== undefined && version === 1) || version > 3) throw badCertificate(`certificate: bad version ${version}`);
    const serialNumber = toHex(tbs.expect(Tag.INTEGER, 'serialNumber').value);
    const innerAlgorithm = tbs.expect(Tag.SEQUENCE, 'signature');
    // RFC 5280 §4.1.1.2: the signed and the outer algorithm must be identical.
    if (toHex(innerAlgorithm.encoded) !== toHex(algorithmElement.encoded)) {
      throw badCertificate('certificate: tbsCertificate.signature differs from signatureAlgorithm');
    }
    const issuer = parseName(tbs.expect(Tag.SEQUENCE, 'issuer'));
    const validity = tbs.sequence('validity');
    const notBefore = validity.element();
    const notAfter = validity.element();
    validity.end();
    const subject = parseName(tbs.expect(Tag.SEQUENCE, 'subject'));
    const spki = tbs.expect(Tag.SEQUENCE, 'subjectPublicKeyInfo').encoded;
    tbs.optional(contextTag(1, false));
    tbs.optional(contextTag(2, false));
    const extensionsElement = tbs.optional(contextTag(3, true));
    tbs.end();
    if (extensionsElement !== undefined && version !== 3) throw badCertificate(`certificate: extensions in a v${version} certificate`);
    const extensions: ParsedExtensions = extensionsElement === undefined ? {} : parseExtensions(extensionsElement);

    return {
      der,
      tbs: tbsElement.encoded,
      version,
      serialNumber,
      signatureAlgorithm: parseSignatureAlgorithm(algorithmElement),
      signature: signatureBits.bytes,
      issuer,
      subject,
      notBefore: decodeTime(notBefore.tag, notBefore.value, 'notBefore'),
      notAfter: decodeTime(notAfter.tag, notAfter.value, 'notAfter'),
      spki,
      basicConstraints: extensions.basicConstraints,
      keyUsage: extensions.keyUsage,
      extKeyUsage: extensions.extKeyUsage,
      subjectAltName: extensions.subjectAltName,
      nameConstraints: extensions.nameConstraints,
      subjectKeyId: extensions.subjectKeyId,
      authorityKeyId: extensions.authorityKeyId,
    };
  });
}
