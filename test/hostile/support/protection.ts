import { expandLabel, gcmOpen, gcmSeal, seqBytes } from './crypto.js';
import { CT, record, u16, u8 } from './wire.js';

/** One direction's record protection under one key. */
export interface Protection {
  seal(type: number, content: Uint8Array, padding?: number): Buffer;
  /** The inner type and content, or undefined when the record does not authenticate. */
  open(header: Buffer, body: Buffer): { type: number; content: Buffer } | undefined;
}

/** TLS 1.3 (RFC 8446 §5.2, §5.3): AES-128-GCM, nonce = iv XOR seq, real type inside. */
export class Tls13Protection implements Protection {
  private seq = 0;
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(readonly secret: Buffer) {
    this.key = expandLabel(secret, 'key', Buffer.alloc(0), 16);
    this.iv = expandLabel(secret, 'iv', Buffer.alloc(0), 12);
  }

  private nonce(): Buffer {
    const nonce = Buffer.from(this.iv);
    const seq = seqBytes(this.seq);
    for (let i = 0; i < 8; i++) nonce[4 + i]! ^= seq[i]!;
    return nonce;
  }

  seal(type: number, content: Uint8Array, padding = 0): Buffer {
    const inner = Buffer.concat([content, u8(type), Buffer.alloc(padding)]);
    const header = Buffer.concat([u8(CT.appData), u16(0x0303), u16(inner.length + 16)]);
    const sealed = gcmSeal(this.key, this.nonce(), header, inner);
    this.seq++;
    return record(CT.appData, sealed);
  }

  open(header: Buffer, body: Buffer): { type: number; content: Buffer } | undefined {
    const inner = gcmOpen(this.key, this.nonce(), header, body);
    if (inner === undefined) return undefined;
    this.seq++;
    let end = inner.length - 1;
    while (end >= 0 && inner[end] === 0) end--;
    return { type: inner[end] ?? 0, content: inner.subarray(0, Math.max(end, 0)) };
  }

  /** The next generation's protection (KeyUpdate, §7.2). */
  next(): Tls13Protection {
    return new Tls13Protection(expandLabel(this.secret, 'traffic upd', Buffer.alloc(0), 32));
  }
}

/** TLS 1.2 AES-128-GCM (RFC 5288 §3): salt || explicit nonce; AAD = seq || type || version || length. */
export class Tls12Protection implements Protection {
  private seq = 0;

  constructor(private readonly key: Buffer, private readonly salt: Buffer) {}

  seal(type: number, content: Uint8Array): Buffer {
    const explicit = seqBytes(this.seq);
    const aad = Buffer.concat([seqBytes(this.seq), u8(type), u16(0x0303), u16(content.length)]);
    this.seq++;
    return record(type, Buffer.concat([explicit, gcmSeal(this.key, Buffer.concat([this.salt, explicit]), aad, content)]));
  }

  open(header: Buffer, body: Buffer): { type: number; content: Buffer } | undefined {
    if (body.length < 24) return undefined;
    const type = header[0]!;
    const aad = Buffer.concat([seqBytes(this.seq), u8(type), u16(0x0303), u16(body.length - 24)]);
    const content = gcmOpen(this.key, Buffer.concat([this.salt, body.subarray(0, 8)]), aad, body.subarray(8));
    if (content === undefined) return undefined;
    this.seq++;
    return { type, content };
  }
}
