import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError, illegalParameter } from '../codec/errors.js';
import { equal } from '../codec/bytes.js';
import { parseExtensions, readExtension, writeExtensions, type Extensions } from './extensions.js';
import { parseKeyShareEntry, type KeyShareEntry } from './extensionCodecs.js';
import { ExtensionType, HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** The ServerHello.random that marks a HelloRetryRequest: SHA-256("HelloRetryRequest") (§4.1.3). */
export const HRR_RANDOM = Uint8Array.from(Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex'));

/** ServerHello or HelloRetryRequest, RFC 8446 §4.1.3/§4.1.4. */
export interface ServerHello {
  readonly legacyVersion: number;
  readonly random: Uint8Array;
  readonly sessionId: Uint8Array;
  readonly cipherSuite: number;
  readonly compressionMethod: number;
  readonly extensions: Extensions;
  readonly isHelloRetryRequest: boolean;
  readonly supportedVersion?: number | undefined;
  /** ServerHello: the server's share. */
  readonly keyShare?: KeyShareEntry | undefined;
  /** HelloRetryRequest: the group the client must use. */
  readonly selectedGroup?: number | undefined;
  readonly selectedIdentity?: number | undefined;
  readonly cookie?: Uint8Array | undefined;
}

export function parseServerHello(body: Uint8Array): ServerHello {
  const r = new Reader(body, 'ServerHello');
  const legacyVersion = r.u16();
  const random = r.take(32);
  const sessionId = r.bytes8();
  if (sessionId.length > 32) throw decodeError('ServerHello: legacy_session_id longer than 32 bytes');
  const cipherSuite = r.u16();
  const compressionMethod = r.u8();
  const extensions = r.remaining === 0 ? new Map<number, Uint8Array>() : parseExtensions(r, 'ServerHello');
  r.expectEnd();
  const isHelloRetryRequest = equal(random, HRR_RANDOM);
  if (compressionMethod !== 0) throw illegalParameter('ServerHello: compression method is not null');
  return {
    legacyVersion,
    random,
    sessionId,
    cipherSuite,
    compressionMethod,
    extensions,
    isHelloRetryRequest,
    supportedVersion: readExtension(extensions, ExtensionType.supported_versions, 'supported_versions', (x) => x.u16()),
    keyShare: isHelloRetryRequest ? undefined : readExtension(extensions, ExtensionType.key_share, 'key_share', parseKeyShareEntry),
    selectedGroup: isHelloRetryRequest ? readExtension(extensions, ExtensionType.key_share, 'key_share', (x) => x.u16()) : undefined,
    selectedIdentity: readExtension(extensions, ExtensionType.pre_shared_key, 'pre_shared_key', (x) => x.u16()),
    cookie: readExtension(extensions, ExtensionType.cookie, 'cookie', (x) => {
      const c = x.bytes16();
      if (c.length === 0) throw decodeError('cookie: empty');
      return c;
    }),
  };
}

export interface ServerHelloFields {
  readonly random: Uint8Array;
  readonly sessionId: Uint8Array;
  readonly cipherSuite: number;
  readonly extensions: Extensions;
}

export function serializeServerHello(hello: ServerHelloFields): HandshakeMessage {
  const w = new Writer().u16(0x0303).bytes(hello.random).bytes8(hello.sessionId).u16(hello.cipherSuite).u8(0);
  writeExtensions(w, hello.extensions);
  return frameHandshake(HandshakeType.server_hello, w.finish());
}
