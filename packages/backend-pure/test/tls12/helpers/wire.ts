import { suiteByName } from '@tlsport/core';
import { concat } from '../../../src/codec/bytes.js';
import { Reader } from '../../../src/codec/Reader.js';
import { Writer } from '../../../src/codec/Writer.js';
import { defaultProvider } from '../../../src/crypto/index.js';
import type { Tls12RecordCipher } from '../../../src/record/Tls12RecordCipher.js';
import { ContentType } from '../../../src/record/types.js';
import { MasterSecret, type RecordKeys } from '../../../src/tls12/keySchedule.js';
import { tls12Suite } from '../../../src/tls12/suite.js';

/** One record off the wire: type and fragment (still encrypted when it was). */
export interface WireRecord {
  readonly type: ContentType;
  readonly fragment: Uint8Array;
}

export function records(bytes: Uint8Array): WireRecord[] {
  const r = new Reader(bytes, 'wire');
  const out: WireRecord[] = [];
  while (r.remaining > 0) {
    const type = r.u8() as ContentType;
    r.u16();
    out.push({ type, fragment: Uint8Array.from(r.bytes16()) });
  }
  return out;
}

export function record(type: ContentType, fragment: Uint8Array): Uint8Array {
  return new Writer().u8(type).u16(0x0303).bytes16(fragment).finish();
}

export function joinRecords(list: readonly WireRecord[]): Uint8Array {
  return concat(...list.map((r) => record(r.type, r.fragment)));
}

/** The handshake messages (header included) of a plaintext handshake fragment. */
export function messages(fragment: Uint8Array): Uint8Array[] {
  const r = new Reader(fragment, 'handshake');
  const out: Uint8Array[] = [];
  while (r.remaining > 0) {
    const start = r.offset;
    r.u8();
    r.bytes24();
    out.push(fragment.slice(start, r.offset));
  }
  return out;
}

export function handshakeMessage(type: number, body: Uint8Array): Uint8Array {
  return new Writer().u8(type).bytes24(body).finish();
}

/**
 * Rewrites the plaintext handshake messages of a flight (its first handshake record, which holds
 * them all) and keeps the records after it as they were.
 */
export function editFlight(flight: Uint8Array, edit: (msgs: Uint8Array[]) => Uint8Array[]): Uint8Array {
  const [first, ...rest] = records(flight);
  if (first === undefined || first.type !== ContentType.handshake) throw new Error('flight does not start with a handshake record');
  return joinRecords([{ type: ContentType.handshake, fragment: concat(...edit(messages(first.fragment))) }, ...rest]);
}

/**
 * Both directions' record keys from the client's key log line (CLIENT_RANDOM <random> <master>)
 * and the server random, as an observer holding the key log would derive them.
 */
export function keysFromKeylog(line: string, serverRandom: Uint8Array, suiteName: string): RecordKeys {
  const [, random, master] = line.split(' ');
  const suite = tls12Suite(suiteByName(suiteName)!);
  const secret = MasterSecret.resume(defaultProvider(), suite, Buffer.from(master!, 'hex'));
  return secret.recordKeys(Buffer.from(random!, 'hex'), serverRandom);
}

/** The server random of a flight that starts with ServerHello. */
export function serverRandomOf(flight: Uint8Array): Uint8Array {
  return messages(records(flight)[0]!.fragment)[0]!.slice(6, 38);
}

/** Opens `count` records in order with `cipher` (sequence numbers advance as on the wire). */
export function openAll(cipher: Tls12RecordCipher, list: readonly WireRecord[]): { type: ContentType; content: Uint8Array }[] {
  return list.map((r) => cipher.open(Uint8Array.of(r.type, 3, 3, r.fragment.length >> 8, r.fragment.length & 0xff), r.fragment));
}
