import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** CertificateVerify, RFC 8446 §4.4.3. */
export interface CertificateVerify {
  readonly scheme: number;
  readonly signature: Uint8Array;
}

export function parseCertificateVerify(body: Uint8Array): CertificateVerify {
  const r = new Reader(body, 'CertificateVerify');
  const scheme = r.u16();
  const signature = r.bytes16();
  r.expectEnd();
  return { scheme, signature };
}

export function serializeCertificateVerify(cv: CertificateVerify): HandshakeMessage {
  return frameHandshake(HandshakeType.certificate_verify, new Writer().u16(cv.scheme).bytes16(cv.signature).finish());
}
