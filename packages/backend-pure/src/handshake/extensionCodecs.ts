import type { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError } from '../codec/errors.js';

/** Body codecs for the extensions tlsport speaks (RFC 8446 §4.2, RFC 6066 §3, RFC 7301). */

export interface KeyShareEntry {
  readonly group: number;
  readonly keyExchange: Uint8Array;
}

export interface PskIdentity {
  readonly identity: Uint8Array;
  readonly obfuscatedTicketAge: number;
}

export interface OfferedPsks {
  readonly identities: readonly PskIdentity[];
  readonly binders: readonly Uint8Array[];
}

function nonEmpty<T>(items: T[], what: string): T[] {
  if (items.length === 0) throw decodeError(`${what}: empty list`);
  return items;
}

export function parseU16List(r: Reader, what: string): number[] {
  const list = r.vec16(what);
  if (list.remaining % 2 !== 0) throw decodeError(`${what}: odd length`);
  const out: number[] = [];
  while (list.remaining > 0) out.push(list.u16());
  return nonEmpty(out, what);
}

export function writeU16List(values: readonly number[]): Uint8Array {
  return new Writer().vec16((w) => values.forEach((v) => w.u16(v))).finish();
}

/** supported_versions in a ClientHello: a 1-byte-prefixed list of versions. */
export function parseVersionList(r: Reader): number[] {
  const list = r.vec8('supported_versions');
  if (list.remaining % 2 !== 0) throw decodeError('supported_versions: odd length');
  const out: number[] = [];
  while (list.remaining > 0) out.push(list.u16());
  return nonEmpty(out, 'supported_versions');
}

export function writeVersionList(versions: readonly number[]): Uint8Array {
  return new Writer().vec8((w) => versions.forEach((v) => w.u16(v))).finish();
}

export function parseKeyShareEntry(r: Reader): KeyShareEntry {
  const group = r.u16();
  const keyExchange = r.bytes16();
  if (keyExchange.length === 0) throw decodeError('key_share: empty key_exchange');
  return { group, keyExchange };
}

export function writeKeyShareEntry(w: Writer, e: KeyShareEntry): void {
  w.u16(e.group).bytes16(e.keyExchange);
}

export function parseKeyShareList(r: Reader): KeyShareEntry[] {
  const list = r.vec16('key_share');
  const out: KeyShareEntry[] = [];
  while (list.remaining > 0) out.push(parseKeyShareEntry(list));
  return out;
}

export function writeKeyShareList(entries: readonly KeyShareEntry[]): Uint8Array {
  return new Writer().vec16((w) => entries.forEach((e) => writeKeyShareEntry(w, e))).finish();
}

/** server_name: one host_name entry (RFC 6066 §3); other name types are skipped. */
export function parseServerName(r: Reader): string | undefined {
  const list = r.vec16('server_name');
  let host: string | undefined;
  while (list.remaining > 0) {
    const type = list.u8();
    const name = list.bytes16();
    if (type === 0 && host === undefined) {
      if (name.length === 0) throw decodeError('server_name: empty host_name');
      host = new TextDecoder().decode(name);
    }
  }
  return host;
}

export function writeServerName(host: string): Uint8Array {
  return new Writer().vec16((w) => w.u8(0).bytes16(new TextEncoder().encode(host))).finish();
}

/** ALPN ProtocolNameList (RFC 7301 §3.1): non-empty names, non-empty list. */
export function parseAlpn(r: Reader): string[] {
  const list = r.vec16('alpn');
  const out: string[] = [];
  while (list.remaining > 0) {
    const name = list.bytes8();
    if (name.length === 0) throw decodeError('alpn: empty protocol name');
    out.push(new TextDecoder().decode(name));
  }
  return nonEmpty(out, 'alpn');
}

export function writeAlpn(protocols: readonly string[]): Uint8Array {
  return new Writer().vec16((w) => protocols.forEach((p) => w.bytes8(new TextEncoder().encode(p)))).finish();
}

export function parsePskModes(r: Reader): number[] {
  return [...r.bytes8()];
}

export function writePskModes(modes: readonly number[]): Uint8Array {
  return new Writer().bytes8(Uint8Array.from(modes)).finish();
}

export function parseOfferedPsks(r: Reader): OfferedPsks {
  const ids = r.vec16('pre_shared_key identities');
  const identities: PskIdentity[] = [];
  while (ids.remaining > 0) {
    const identity = ids.bytes16();
    if (identity.length === 0) throw decodeError('pre_shared_key: empty identity');
    identities.push({ identity, obfuscatedTicketAge: ids.u32() });
  }
  const bs = r.vec16('pre_shared_key binders');
  const binders: Uint8Array[] = [];
  while (bs.remaining > 0) {
    const b = bs.bytes8();
    if (b.length < 32) throw decodeError('pre_shared_key: binder shorter than 32 bytes');
    binders.push(b);
  }
  if (identities.length === 0 || identities.length !== binders.length) throw decodeError('pre_shared_key: identities and binders do not pair up');
  return { identities, binders };
}

export function writeOfferedPsks(psks: OfferedPsks): Uint8Array {
  return new Writer()
    .vec16((w) => psks.identities.forEach((id) => w.bytes16(id.identity).u32(id.obfuscatedTicketAge)))
    .vec16((w) => psks.binders.forEach((b) => w.bytes8(b)))
    .finish();
}

/** The length of the binders block (its 2-byte prefix included), what the binder hash leaves out (§4.2.11.2). */
export function bindersLength(binders: readonly Uint8Array[]): number {
  return 2 + binders.reduce((n, b) => n + 1 + b.length, 0);
}

export function writeU16(v: number): Uint8Array {
  return new Writer().u16(v).finish();
}

/** renegotiation_info (RFC 5746 §3.2): renegotiated_connection<0..255>; empty on an initial handshake. */
export function parseRenegotiationInfo(r: Reader): Uint8Array {
  return r.bytes8();
}

export function writeRenegotiationInfo(renegotiatedConnection: Uint8Array): Uint8Array {
  return new Writer().bytes8(renegotiatedConnection).finish();
}

/** ec_point_formats (RFC 8422 §5.1.2): uncompressed (0) must be listed. */
export function parsePointFormats(r: Reader): number[] {
  const formats = [...r.bytes8()];
  if (formats.length === 0) throw decodeError('ec_point_formats: empty list');
  return formats;
}

export function writePointFormats(formats: readonly number[]): Uint8Array {
  return new Writer().bytes8(Uint8Array.from(formats)).finish();
}
