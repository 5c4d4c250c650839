import { randomBytes } from 'node:crypto';
import { EXT, HS, ext, handshakeMessage, u16, u32, u8, vec16, vec8 } from './wire.js';

/** What a hostile TLS 1.3 ClientHello carries (RFC 8446 §4.1.2). */
export interface ClientHelloOptions {
  /** legacy_version; 0x0303 unless an attack says otherwise (Appendix D.5). */
  readonly legacyVersion?: number;
  /** Offer early_data (with a PSK the server cannot know, so it must reject 0-RTT, §4.2.10). */
  readonly earlyData?: boolean;
  /** Unknown PSK identities to offer (each with a binder of the right length). */
  readonly pskIdentities?: number;
  /** Bytes of a padding extension (RFC 7685), to make the message long. */
  readonly padding?: number;
}

export const X25519_GROUP = 0x001d;
const TLS_AES_128_GCM_SHA256 = 0x1301;

export interface HelloFields {
  readonly random: Buffer;
  readonly sessionId: Buffer;
  /** The X25519 public key to send; undefined sends an empty key_share (the server must retry). */
  readonly share: Buffer | undefined;
  readonly cookie?: Buffer | undefined;
}

export function clientHello13(fields: HelloFields, options: ClientHelloOptions): Buffer {
  const psks = options.pskIdentities ?? (options.earlyData ? 1 : 0);
  const extensions = [
    ext(EXT.serverName, vec16(Buffer.concat([u8(0), vec16(Buffer.from('localhost'))]))),
    ext(EXT.supportedVersions, vec8(u16(0x0304))),
    ext(EXT.supportedGroups, vec16(u16(X25519_GROUP))),
    ext(EXT.signatureAlgorithms, vec16(Buffer.concat([0x0403, 0x0804, 0x0807, 0x0401].map(u16)))),
    ext(EXT.keyShare, vec16(fields.share === undefined ? Buffer.alloc(0) : Buffer.concat([u16(X25519_GROUP), vec16(fields.share)]))),
    ...(fields.cookie === undefined ? [] : [ext(EXT.cookie, vec16(fields.cookie))]),
    ...(options.padding === undefined ? [] : [ext(EXT.padding, Buffer.alloc(options.padding))]),
    ...(options.earlyData ? [ext(EXT.earlyData, Buffer.alloc(0))] : []),
    ...(psks > 0 ? [ext(EXT.pskModes, vec8(u8(1))), ext(EXT.preSharedKey, offeredPsks(psks))] : []),
  ];
  const body = Buffer.concat([
    u16(options.legacyVersion ?? 0x0303),
    fields.random,
    vec8(fields.sessionId),
    vec16(u16(TLS_AES_128_GCM_SHA256)),
    vec8(u8(0)),
    vec16(Buffer.concat(extensions)),
  ]);
  return handshakeMessage(HS.clientHello, body);
}

/** `count` identities no server issued, each with a 32-byte binder (§4.2.11). */
function offeredPsks(count: number): Buffer {
  const identities = Array.from({ length: count }, () => Buffer.concat([vec16(randomBytes(16)), u32(0)]));
  const binders = Array.from({ length: count }, () => vec8(randomBytes(32)));
  return Buffer.concat([vec16(Buffer.concat(identities)), vec16(Buffer.concat(binders))]);
}

/** ServerHello.random of a HelloRetryRequest (§4.1.3). */
export const HRR_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

export interface ParsedHello {
  readonly legacyVersion: number;
  readonly random: Buffer;
  readonly sessionId: Buffer;
  readonly extensions: Map<number, Buffer>;
}

/** A ClientHello or ServerHello body: the fields every attack reads. */
export function parseHello(body: Buffer, client: boolean): ParsedHello {
  const legacyVersion = body.readUInt16BE(0);
  const random = body.subarray(2, 34);
  const sidLength = body[34]!;
  const sessionId = body.subarray(35, 35 + sidLength);
  let at = 35 + sidLength;
  if (client) {
    at += 2 + body.readUInt16BE(at);
    at += 1 + body[at]!;
  } else {
    at += 3;
  }
  const extensions = new Map<number, Buffer>();
  const end = at + 2 + (at < body.length ? body.readUInt16BE(at) : 0);
  for (at += 2; at < end; ) {
    const length = body.readUInt16BE(at + 2);
    extensions.set(body.readUInt16BE(at), body.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return { legacyVersion, random, sessionId, extensions };
}

/**
 * The entries of a key_share extension (RFC 8446 §4.2.8): a ClientHello's list or a ServerHello's
 * one entry. Reading stops at the first entry that overruns the extension.
 */
export function keyShareEntries(extension: Buffer, client: boolean): { group: number; keyExchange: Buffer }[] {
  const entries: { group: number; keyExchange: Buffer }[] = [];
  for (let at = client ? 2 : 0; at + 4 <= extension.length; ) {
    const length = extension.readUInt16BE(at + 2);
    if (at + 4 + length > extension.length) break;
    entries.push({ group: extension.readUInt16BE(at), keyExchange: extension.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return entries;
}

/** The X25519 key in a key_share extension: a ServerHello's one entry, or a ClientHello's list. */
export function x25519Share(extension: Buffer | undefined, client: boolean): Buffer | undefined {
  if (extension === undefined) return undefined;
  return keyShareEntries(extension, client).find((e) => e.group === X25519_GROUP && e.keyExchange.length === 32)?.keyExchange;
}
