import type { Reader } from '../codec/Reader.js';
import type { Writer } from '../codec/Writer.js';
import { utf8 } from '../codec/bytes.js';

/**
 * Fields the TLS 1.2 and TLS 1.3 session formats encode alike: an optional string, a time in ms
 * since the epoch, and what is known of the peer's certificates.
 */

/** A presence byte, then the UTF-8 (empty when absent) in a 16-bit vector. */
export function writeOptionalString(w: Writer, s: string | undefined): void {
  w.u8(s === undefined ? 0 : 1).bytes16(utf8(s ?? ''));
}

export function readOptionalString(r: Reader): string | undefined {
  const present = r.u8() === 1;
  const bytes = r.bytes16();
  return present ? new TextDecoder().decode(bytes) : undefined;
}

/** Milliseconds since the epoch as two u32 halves (they exceed 32 bits). */
export function writeTime(w: Writer, time: number): void {
  w.u32(Math.floor(time / 0x100000000)).u32(time % 0x100000000);
}

export function readTime(r: Reader): number {
  return r.u32() * 0x100000000 + r.u32();
}

/** Whether the peer's chain verified, then its DER certificates in a 24-bit vector of 24-bit vectors. */
export function writePeer(w: Writer, verified: boolean, certificates: readonly Uint8Array[]): void {
  w.u8(verified ? 1 : 0).vec24((l) => certificates.forEach((c) => l.bytes24(c)));
}

export function readPeer(r: Reader): { peerVerified: boolean; peerCertificates: Uint8Array[] } {
  const peerVerified = r.u8() === 1;
  const certs = r.vec24();
  const peerCertificates: Uint8Array[] = [];
  while (certs.remaining > 0) peerCertificates.push(Uint8Array.from(certs.bytes24()));
  return { peerVerified, peerCertificates };
}
