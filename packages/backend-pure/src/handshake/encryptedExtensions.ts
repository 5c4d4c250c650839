import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { parseExtensions, readExtension, writeExtensions, type Extensions } from './extensions.js';
import { parseAlpn } from './extensionCodecs.js';
import { decodeError } from '../codec/errors.js';
import { ExtensionType, HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** EncryptedExtensions, RFC 8446 §4.3.1. */
export interface EncryptedExtensions {
  readonly extensions: Extensions;
  /** The one protocol the server selected (RFC 7301 §3.1). */
  readonly alpn?: string | undefined;
}

export function parseEncryptedExtensions(body: Uint8Array): EncryptedExtensions {
  const r = new Reader(body, 'EncryptedExtensions');
  const extensions = parseExtensions(r, 'EncryptedExtensions');
  r.expectEnd();
  const alpn = readExtension(extensions, ExtensionType.alpn, 'alpn', parseAlpn);
  if (alpn !== undefined && alpn.length !== 1) throw decodeError('EncryptedExtensions: ALPN must name exactly one protocol');
  return { extensions, alpn: alpn?.[0] };
}

export function serializeEncryptedExtensions(extensions: Extensions): HandshakeMessage {
  const w = new Writer();
  writeExtensions(w, extensions);
  return frameHandshake(HandshakeType.encrypted_extensions, w.finish());
}
