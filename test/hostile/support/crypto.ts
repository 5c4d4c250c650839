import { createCipheriv, createDecipheriv, createHash, createHmac, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * The attacker's own TLS arithmetic, on node:crypto primitives only (no TLS library on this side):
 * HKDF and the TLS 1.3 labels (RFC 8446 §7.1), the TLS 1.2 PRF (RFC 5246 §5), X25519, AES-128-GCM.
 * One suite per version is enough to reach every state a hostile peer needs.
 */

export const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

export const hmac = (key: Uint8Array, ...parts: Uint8Array[]): Buffer => {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(p);
  return h.digest();
};

export function hkdfExtract(salt: Uint8Array, ikm: Uint8Array): Buffer {
  return hmac(salt, ikm);
}

export function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Buffer {
  const out: Buffer[] = [];
  let t: Buffer = Buffer.alloc(0);
  for (let i = 1; Buffer.concat(out).length < length; i++) {
    t = hmac(prk, t, info, Uint8Array.of(i));
    out.push(t);
  }
  return Buffer.concat(out).subarray(0, length);
}

/** HKDF-Expand-Label (RFC 8446 §7.1). */
export function expandLabel(secret: Uint8Array, label: string, context: Uint8Array, length: number): Buffer {
  const full = Buffer.from(`tls13 ${label}`);
  const info = Buffer.concat([Buffer.from([length >> 8, length & 0xff, full.length]), full, Buffer.from([context.length]), context]);
  return hkdfExpand(secret, info, length);
}

export const deriveSecret = (secret: Uint8Array, label: string, transcriptHash: Uint8Array): Buffer => expandLabel(secret, label, transcriptHash, 32);

/** P_SHA256 (RFC 5246 §5). */
export function prf12(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Buffer {
  const labelSeed = Buffer.concat([Buffer.from(label), seed]);
  const out: Buffer[] = [];
  let a: Buffer = labelSeed;
  while (Buffer.concat(out).length < length) {
    a = hmac(secret, a);
    out.push(hmac(secret, a, labelSeed));
  }
  return Buffer.concat(out).subarray(0, length);
}

const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');

/** An X25519 key pair: the raw public key and the shared secret with a peer's raw key. */
export class X25519 {
  private readonly privateKey: KeyObject;
  readonly publicKey: Buffer;

  constructor() {
    const pair = generateKeyPairSync('x25519');
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  }

  shared(peer: Uint8Array): Buffer {
    const publicKey = createPublicKey({ key: Buffer.concat([X25519_SPKI, peer]), format: 'der', type: 'spki' });
    return diffieHellman({ privateKey: this.privateKey, publicKey });
  }
}

export function gcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Buffer {
  const c = createCipheriv('aes-128-gcm', key, nonce);
  c.setAAD(aad);
  return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
}

/** The plaintext, or undefined when the record does not authenticate. */
export function gcmOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Buffer | undefined {
  if (sealed.length < 16) return undefined;
  const d = createDecipheriv('aes-128-gcm', key, nonce);
  d.setAAD(aad);
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
  } catch {
    return undefined;
  }
}

/** A 64-bit sequence number as 8 big-endian bytes. */
export function seqBytes(seq: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(seq));
  return b;
}
