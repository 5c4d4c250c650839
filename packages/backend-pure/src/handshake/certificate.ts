import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError } from '../codec/errors.js';
import { parseExtensions } from './extensions.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** Certificate, RFC 8446 §4.4.2: X.509 entries, leaf first; per-entry extensions are read and ignored. */
export interface CertificateMessage {
  readonly context: Uint8Array;
  readonly chain: readonly Uint8Array[];
}

export function parseCertificate(body: Uint8Array): CertificateMessage {
  const r = new Reader(body, 'Certificate');
  const context = r.bytes8();
  const list = r.vec24('Certificate list');
  const chain: Uint8Array[] = [];
  while (list.remaining > 0) {
    const der = list.bytes24();
    if (der.length === 0) throw decodeError('Certificate: empty cert_data');
    chain.push(der);
    parseExtensions(list, 'CertificateEntry');
  }
  r.expectEnd();
  return { context, chain };
}

export function serializeCertificate(context: Uint8Array, chain: readonly Uint8Array[]): HandshakeMessage {
  const w = new Writer().bytes8(context).vec24((l) => chain.forEach((der) => l.bytes24(der).u16(0)));
  return frameHandshake(HandshakeType.certificate, w.finish());
}
