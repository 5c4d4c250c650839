/** TLS record framing (RFC 8446 §5.1): what the mutators need to find header and length offsets. */

export const RECORD_HEADER = 5;
export const HANDSHAKE_HEADER = 4;
export const CONTENT_HANDSHAKE = 22;

/**
 * Collects a byte stream and cuts it into whole records, whatever the writer's chunking.
 * Bytes that never form a whole record stay in `rest`.
 */
export class RecordSplitter {
  private pending: Buffer = Buffer.alloc(0);

  /** Appends `bytes` and returns the records completed by them. */
  push(bytes: Uint8Array): Uint8Array[] {
    this.pending = this.pending.length === 0 ? Buffer.from(bytes) : Buffer.concat([this.pending, bytes]);
    const out: Uint8Array[] = [];
    while (this.pending.length >= RECORD_HEADER) {
      const total = RECORD_HEADER + this.pending.readUInt16BE(3);
      if (this.pending.length < total) break;
      out.push(Uint8Array.from(this.pending.subarray(0, total)));
      this.pending = this.pending.subarray(total);
    }
    return out;
  }

  get rest(): Uint8Array {
    return this.pending;
  }
}

/** All records of a byte string (a trailing partial record is dropped). */
export function splitRecords(bytes: Uint8Array): Uint8Array[] {
  return new RecordSplitter().push(bytes);
}

/**
 * Offsets of the length fields in a record: the record length (2 bytes at 3) and, for a
 * plaintext handshake record, each handshake message's 24-bit length.
 */
export function lengthFields(record: Uint8Array): { offset: number; size: 2 | 3 }[] {
  const fields: { offset: number; size: 2 | 3 }[] = [];
  if (record.length >= RECORD_HEADER) fields.push({ offset: 3, size: 2 });
  if (record[0] !== CONTENT_HANDSHAKE) return fields;
  let at = RECORD_HEADER;
  while (at + HANDSHAKE_HEADER <= record.length) {
    fields.push({ offset: at + 1, size: 3 });
    at += HANDSHAKE_HEADER + ((record[at + 1]! << 16) | (record[at + 2]! << 8) | record[at + 3]!);
  }
  return fields;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}
