import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { parseExtensions, readExtension, writeExtensions } from './extensions.js';
import { parseU16List, writeU16List } from './extensionCodecs.js';
import { ExtensionType, HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';
import { TlsError } from '@tlsport/core/spi';

/** CertificateRequest, RFC 8446 §4.3.2. Unknown extensions are ignored, as the RFC requires. */
export interface CertificateRequest {
  readonly context: Uint8Array;
  readonly signatureSchemes: readonly number[];
}

export function parseCertificateRequest(body: Uint8Array): CertificateRequest {
  const r = new Reader(body, 'CertificateRequest');
  const context = r.bytes8();
  const extensions = parseExtensions(r, 'CertificateRequest');
  r.expectEnd();
  const signatureSchemes = readExtension(extensions, ExtensionType.signature_algorithms, 'signature_algorithms', (x) => parseU16List(x, 'signature_algorithms'));
  if (signatureSchemes === undefined) throw new TlsError('missing-extension', 'CertificateRequest without signature_algorithms');
  return { context, signatureSchemes };
}

export function serializeCertificateRequest(context: Uint8Array, signatureSchemes: readonly number[]): HandshakeMessage {
  const w = new Writer().bytes8(context);
  writeExtensions(w, new Map([[ExtensionType.signature_algorithms, writeU16List(signatureSchemes)]]));
  return frameHandshake(HandshakeType.certificate_request, w.finish());
}
