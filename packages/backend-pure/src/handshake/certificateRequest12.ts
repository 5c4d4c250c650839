import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError } from '../codec/errors.js';
import { parseU16List } from './extensionCodecs.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** ClientCertificateType values tlsport uses (RFC 5246 §7.4.4, RFC 8422 §5.5). */
export enum ClientCertificateType {
  rsa_sign = 1,
  ecdsa_sign = 64,
}

/** TLS 1.2 CertificateRequest (RFC 5246 §7.4.4). The distinguished names are read and not used. */
export interface CertificateRequest12 {
  readonly certificateTypes: readonly number[];
  readonly signatureSchemes: readonly number[];
}

export function parseCertificateRequest12(body: Uint8Array): CertificateRequest12 {
  const r = new Reader(body, 'CertificateRequest');
  const certificateTypes = [...r.bytes8()];
  if (certificateTypes.length === 0) throw decodeError('CertificateRequest: no certificate types');
  const signatureSchemes = parseU16List(r, 'CertificateRequest supported_signature_algorithms');
  const names = r.vec16('CertificateRequest certificate_authorities');
  while (names.remaining > 0) {
    if (names.bytes16().length === 0) throw decodeError('CertificateRequest: empty DistinguishedName');
  }
  r.expectEnd();
  return { certificateTypes, signatureSchemes };
}

export function serializeCertificateRequest12(request: CertificateRequest12): HandshakeMessage {
  const w = new Writer()
    .bytes8(Uint8Array.from(request.certificateTypes))
    .vec16((l) => request.signatureSchemes.forEach((s) => l.u16(s)))
    .vec16(() => {});
  return frameHandshake(HandshakeType.certificate_request, w.finish());
}
