import { X509Certificate } from 'node:crypto';
import * as id from '../constants/ids.js';
import { DerCursor, TAG } from '@tlsport/core';
import { readName, type DistinguishedName } from './names.js';

/** gsk_cert_data_elem: one piece of certificate information (text, or bytes for the DER elements). */
export interface gsk_cert_data_elem {
  cert_data_id: number;
  cert_data_p: string | Uint8Array;
  cert_data_l: number;
}

const SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
};

function element(cert_data_id: number, value: string | Uint8Array): gsk_cert_data_elem {
  return { cert_data_id, cert_data_p: value, cert_data_l: value.length };
}

interface TbsFields {
  version: number;
  signatureOid: string;
  issuer: DistinguishedName;
  subject: DistinguishedName;
}

/** RFC 5280 §4.1: version, signature, issuer, validity, subject from tbsCertificate. */
function tbsFields(der: Uint8Array): TbsFields {
  const tbs = new DerCursor(der).enter().enter();
  const version = tbs.peek() === TAG.CTX0 ? new DerCursor(tbs.next(TAG.CTX0).value).integer() + 1 : 1;
  tbs.next(TAG.INTEGER);
  const signatureOid = tbs.enter().oid();
  const issuer = readName(tbs.next(TAG.SEQUENCE));
  tbs.next(TAG.SEQUENCE);
  const subject = readName(tbs.next(TAG.SEQUENCE));
  return { version, signatureOid, issuer, subject };
}

const NAME_FIELDS: readonly (readonly [string, number, number])[] = [
  ['CN', id.CERT_COMMON_NAME, id.CERT_ISSUER_COMMON_NAME],
  ['L', id.CERT_LOCALITY, id.CERT_ISSUER_LOCALITY],
  ['ST', id.CERT_STATE_OR_PROVINCE, id.CERT_ISSUER_STATE_OR_PROVINCE],
  ['C', id.CERT_COUNTRY, id.CERT_ISSUER_COUNTRY],
  ['O', id.CERT_ORG, id.CERT_ISSUER_ORG],
  ['OU', id.CERT_ORG_UNIT, id.CERT_ISSUER_ORG_UNIT],
  ['PostalCode', id.CERT_POSTAL_CODE, id.CERT_ISSUER_POSTAL_CODE],
  ['E', id.CERT_EMAIL, id.CERT_ISSUER_EMAIL],
];

/**
 * The elements gsk_attribute_get_cert_info returns for one certificate, with IBM's element ids:
 * body (DER and Base64), serial, subject and issuer fields, both DNs printable and DER, version,
 * signature algorithm and validity. A field the certificate lacks is left out, as GSKit does.
 */
export function certificateElements(der: Uint8Array): gsk_cert_data_elem[] {
  const x = new X509Certificate(der);
  const tbs = tbsFields(der);
  const out = [
    element(id.CERT_BODY_DER, der),
    element(id.CERT_BODY_BASE64, Buffer.from(der).toString('base64')),
    element(id.CERT_SERIAL_NUMBER, x.serialNumber),
  ];
  for (const [field, subjectId, issuerId] of NAME_FIELDS) {
    const s = tbs.subject.fields.get(field);
    if (s !== undefined) out.push(element(subjectId, s));
    const i = tbs.issuer.fields.get(field);
    if (i !== undefined) out.push(element(issuerId, i));
  }
  out.push(
    element(id.CERT_DN_PRINTABLE, tbs.subject.printable),
    element(id.CERT_DN_DER, tbs.subject.der),
    element(id.CERT_ISSUER_DN_PRINTABLE, tbs.issuer.printable),
    element(id.CERT_ISSUER_DN_DER, tbs.issuer.der),
    element(id.CERT_VERSION, String(tbs.version)),
    element(id.CERT_SIGNATURE_ALGORITHM, SIGNATURE_ALGORITHMS[tbs.signatureOid] ?? tbs.signatureOid),
    element(id.CERT_VALID_FROM, x.validFrom),
    element(id.CERT_VALID_TO, x.validTo),
  );
  return out.sort((a, b) => a.cert_data_id - b.cert_data_id);
}
