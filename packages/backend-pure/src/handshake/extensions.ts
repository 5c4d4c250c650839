import { Reader } from '../codec/Reader.js';
import type { Writer } from '../codec/Writer.js';
import { illegalParameter, unsupportedExtension } from '../codec/errors.js';

/** An extension block: type -> body, in wire order. Duplicates are rejected when parsing (§4.2). */
export type Extensions = ReadonlyMap<number, Uint8Array>;

export function parseExtensions(r: Reader, what: string): Map<number, Uint8Array> {
  const block = r.vec16(`${what} extensions`);
  const out = new Map<number, Uint8Array>();
  while (block.remaining > 0) {
    const type = block.u16();
    const body = block.bytes16();
    if (out.has(type)) throw illegalParameter(`${what}: duplicate extension ${type}`);
    out.set(type, body);
  }
  return out;
}

export function writeExtensions(w: Writer, extensions: Extensions): void {
  w.vec16((b) => {
    for (const [type, body] of extensions) b.u16(type).bytes16(body);
  });
}

/** Parses an extension's body with `parse`, which must consume it exactly. */
export function readExtension<T>(extensions: Extensions, type: number, what: string, parse: (r: Reader) => T): T | undefined {
  const body = extensions.get(type);
  if (body === undefined) return undefined;
  const r = new Reader(body, what);
  const value = parse(r);
  r.expectEnd();
  return value;
}

/** A response may carry only extensions the request offered or the RFC allows there (§4.2). */
export function checkAllowed(extensions: Extensions, allowed: ReadonlySet<number>, what: string): void {
  for (const type of extensions.keys()) {
    if (!allowed.has(type)) throw unsupportedExtension(`${what}: extension ${type} not allowed here`);
  }
}
