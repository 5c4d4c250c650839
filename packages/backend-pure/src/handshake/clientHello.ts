import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError, illegalParameter } from '../codec/errors.js';
import { parseExtensions, readExtension, writeExtensions, type Extensions } from './extensions.js';
import {
  parseAlpn,
  parseKeyShareList,
  parseOfferedPsks,
  parsePskModes,
  parseServerName,
  parseU16List,
  parseVersionList,
  type KeyShareEntry,
  type OfferedPsks,
} from './extensionCodecs.js';
import { ExtensionType, HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** ClientHello, RFC 8446 §4.1.2, with the extensions tlsport reads already decoded. */
export interface ClientHello {
  readonly legacyVersion: number;
  readonly random: Uint8Array;
  readonly sessionId: Uint8Array;
  readonly cipherSuites: readonly number[];
  readonly compressionMethods: Uint8Array;
  /** Every extension, in wire order; unknown ones are kept and otherwise ignored. */
  readonly extensions: Extensions;
  readonly serverName?: string | undefined;
  readonly supportedVersions?: readonly number[] | undefined;
  readonly supportedGroups?: readonly number[] | undefined;
  readonly signatureSchemes?: readonly number[] | undefined;
  readonly keyShares?: readonly KeyShareEntry[] | undefined;
  readonly alpn?: readonly string[] | undefined;
  readonly pskModes?: readonly number[] | undefined;
  readonly psks?: OfferedPsks | undefined;
  readonly cookie?: Uint8Array | undefined;
}

export function parseClientHello(body: Uint8Array): ClientHello {
  const r = new Reader(body, 'ClientHello');
  const legacyVersion = r.u16();
  const random = r.take(32);
  const sessionId = r.bytes8();
  if (sessionId.length > 32) throw decodeError('ClientHello: legacy_session_id longer than 32 bytes');
  const cipherSuites = parseU16List(r, 'ClientHello cipher_suites');
  const compressionMethods = r.bytes8();
  if (compressionMethods.length === 0) throw decodeError('ClientHello: no compression methods');
  const extensions = r.remaining === 0 ? new Map<number, Uint8Array>() : parseExtensions(r, 'ClientHello');
  r.expectEnd();
  const pskBody = extensions.get(ExtensionType.pre_shared_key);
  // §4.2.11: pre_shared_key MUST be the last extension.
  if (pskBody !== undefined && [...extensions.keys()].pop() !== ExtensionType.pre_shared_key) {
    throw illegalParameter('ClientHello: pre_shared_key is not the last extension');
  }
  return {
    legacyVersion,
    random,
    sessionId,
    cipherSuites,
    compressionMethods,
    extensions,
    serverName: readExtension(extensions, ExtensionType.server_name, 'server_name', parseServerName),
    supportedVersions: readExtension(extensions, ExtensionType.supported_versions, 'supported_versions', parseVersionList),
    supportedGroups: readExtension(extensions, ExtensionType.supported_groups, 'supported_groups', (x) => parseU16List(x, 'supported_groups')),
    signatureSchemes: readExtension(extensions, ExtensionType.signature_algorithms, 'signature_algorithms', (x) => parseU16List(x, 'signature_algorithms')),
    keyShares: readExtension(extensions, ExtensionType.key_share, 'key_share', parseKeyShareList),
    alpn: readExtension(extensions, ExtensionType.alpn, 'alpn', parseAlpn),
    pskModes: readExtension(extensions, ExtensionType.psk_key_exchange_modes, 'psk_key_exchange_modes', parsePskModes),
    psks: readExtension(extensions, ExtensionType.pre_shared_key, 'pre_shared_key', parseOfferedPsks),
    cookie: readExtension(extensions, ExtensionType.cookie, 'cookie', (x) => x.bytes16()),
  };
}

export interface ClientHelloFields {
  readonly random: Uint8Array;
  readonly sessionId: Uint8Array;
  readonly cipherSuites: readonly number[];
  readonly extensions: Extensions;
}

export function serializeClientHello(hello: ClientHelloFields): HandshakeMessage {
  const w = new Writer()
    .u16(0x0303)
    .bytes(hello.random)
    .bytes8(hello.sessionId)
    .vec16((v) => hello.cipherSuites.forEach((s) => v.u16(s)))
    .bytes8(Uint8Array.of(0));
  writeExtensions(w, hello.extensions);
  return frameHandshake(HandshakeType.client_hello, w.finish());
}
