import type { Socket } from 'node:net';

/** Record content types and the handshake and alert codes the attacks use (RFC 8446 §5.1, §4, §6). */
export const CT = { ccs: 20, alert: 21, handshake: 22, appData: 23 } as const;
export const HS = { clientHello: 1, serverHello: 2, newSessionTicket: 4, encryptedExtensions: 8, certificate: 11, serverKeyExchange: 12, serverHelloDone: 14, certificateVerify: 15, clientKeyExchange: 16, finished: 20, keyUpdate: 24, messageHash: 254 } as const;
export const EXT = { serverName: 0, supportedGroups: 10, ecPointFormats: 11, signatureAlgorithms: 13, padding: 21, ems: 23, preSharedKey: 41, earlyData: 42, supportedVersions: 43, cookie: 44, pskModes: 45, keyShare: 51, renegotiationInfo: 0xff01 } as const;

export const u8 = (n: number): Buffer => Buffer.from([n]);
export const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);
export const u32 = (n: number): Buffer => Buffer.from([n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
export const u24 = (n: number): Buffer => Buffer.from([n >> 16, (n >> 8) & 0xff, n & 0xff]);
export const vec8 = (b: Uint8Array): Buffer => Buffer.concat([u8(b.length), b]);
export const vec16 = (b: Uint8Array): Buffer => Buffer.concat([u16(b.length), b]);
export const vec24 = (b: Uint8Array): Buffer => Buffer.concat([u24(b.length), b]);
export const ext = (type: number, body: Uint8Array): Buffer => Buffer.concat([u16(type), vec16(body)]);

/** A plaintext record (the attacker frames every byte it sends itself). */
export function record(type: number, body: Uint8Array, version = 0x0303): Buffer {
  return Buffer.concat([u8(type), u16(version), vec16(body)]);
}

/** `body` in as many plaintext records as it needs (2^14 bytes each, RFC 8446 §5.1). */
export function records(type: number, body: Uint8Array, version = 0x0303): Buffer {
  const out: Buffer[] = [];
  for (let at = 0; at < body.length; at += 1 << 14) out.push(record(type, body.subarray(at, at + (1 << 14)), version));
  return Buffer.concat(out);
}

/** A handshake message: type, 24-bit length, body (RFC 8446 §4). */
export function handshakeMessage(type: number, body: Uint8Array): Buffer {
  return Buffer.concat([u8(type), vec24(body)]);
}

export interface WireRecord {
  readonly type: number;
  readonly header: Buffer;
  readonly body: Buffer;
}

/** Reads whole records from a socket; `next()` resolves undefined once the peer has closed. */
export class RecordReader {
  private buffer = Buffer.alloc(0);
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake?.();
    });
    const end = (): void => {
      this.closed = true;
      this.wake?.();
    };
    socket.on('end', end);
    socket.on('close', end);
  }

  async next(timeoutMs = 5000): Promise<WireRecord | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.buffer.length >= 5) {
        const length = this.buffer.readUInt16BE(3);
        if (this.buffer.length >= 5 + length) {
          const header = this.buffer.subarray(0, 5);
          const body = this.buffer.subarray(5, 5 + length);
          this.buffer = this.buffer.subarray(5 + length);
          return { type: header[0]!, header, body };
        }
      }
      if (this.closed) return undefined;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no record within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}

/** Splits concatenated handshake messages (from one or more records) into whole messages. */
export class MessageReader {
  private buffer = Buffer.alloc(0);

  push(bytes: Uint8Array): void {
    this.buffer = Buffer.concat([this.buffer, bytes]);
  }

  next(): { type: number; body: Buffer; raw: Buffer } | undefined {
    if (this.buffer.length < 4) return undefined;
    const length = this.buffer.readUIntBE(1, 3);
    if (this.buffer.length < 4 + length) return undefined;
    const raw = this.buffer.subarray(0, 4 + length);
    this.buffer = this.buffer.subarray(4 + length);
    return { type: raw[0]!, body: raw.subarray(4), raw };
  }
}
