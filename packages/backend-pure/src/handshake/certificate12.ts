import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError } from '../codec/errors.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** TLS 1.2 Certificate (RFC 5246 §7.4.2): a bare list of DER certificates, leaf first; may be empty from a client. */
export function parseCertificate12(body: Uint8Array): readonly Uint8Array[] {
  const r = new Reader(body, 'Certificate');
  const list = r.vec24('Certificate list');
  r.expectEnd();
  const chain: Uint8Array[] = [];
  while (list.remaining > 0) {
    const der = list.bytes24();
    if (der.length === 0) throw decodeError('Certificate: empty ASN.1Cert');
    chain.push(der);
  }
  return chain;
}

export function serializeCertificate12(chain: readonly Uint8Array[]): HandshakeMessage {
  return frameHandshake(HandshakeType.certificate, new Writer().vec24((l) => chain.forEach((der) => l.bytes24(der))).finish());
}
