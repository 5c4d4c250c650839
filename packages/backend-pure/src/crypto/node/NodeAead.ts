import { createCipheriv, createDecipheriv, type CipherChaCha20Poly1305, type CipherGCM, type DecipherChaCha20Poly1305, type DecipherGCM } from 'node:crypto';
import { ProviderError, type Aead, type AeadName } from '../provider.js';
import { AEAD_TAG_LENGTH, checkAeadKey, checkAeadNonce } from '../aeadParams.js';
import { asBytes, concatBytes } from '../bytes.js';

const TAG = { authTagLength: AEAD_TAG_LENGTH };

/** Two calls so that each branch picks its typed overload. */
function cipher(name: AeadName, key: Uint8Array, nonce: Uint8Array): CipherGCM | CipherChaCha20Poly1305 {
  return name === 'chacha20-poly1305' ? createCipheriv(name, key, nonce, TAG) : createCipheriv(name, key, nonce, TAG);
}

function decipher(name: AeadName, key: Uint8Array, nonce: Uint8Array): DecipherGCM | DecipherChaCha20Poly1305 {
  return name === 'chacha20-poly1305' ? createDecipheriv(name, key, nonce, TAG) : createDecipheriv(name, key, nonce, TAG);
}

/** AES-GCM or ChaCha20-Poly1305 on node:crypto; OpenSSL compares the tag in constant time. */
export class NodeAead implements Aead {
  private readonly key: Uint8Array;

  constructor(readonly name: AeadName, key: Uint8Array) {
    checkAeadKey(name, key);
    this.key = Uint8Array.from(key);
  }

  seal(nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
    const out = new Uint8Array(plaintext.length + AEAD_TAG_LENGTH);
    this.sealInto(nonce, [plaintext], aad, out, 0);
    return out;
  }

  sealInto(nonce: Uint8Array, plaintext: readonly Uint8Array[], aad: Uint8Array, out: Uint8Array, offset: number): void {
    checkAeadNonce(this.name, nonce);
    const c = cipher(this.name, this.key, nonce);
    let length = 0;
    for (const part of plaintext) length += part.length;
    c.setAAD(aad, { plaintextLength: length });
    let at = offset;
    for (const part of plaintext) {
      const body = c.update(part);
      out.set(body, at);
      at += body.length;
    }
    const last = c.final();
    out.set(last, at);
    at += last.length;
    // Callers may hand memory that is not zero-filled: every byte must have been written.
    if (at - offset !== length) throw new ProviderError(`${this.name}: sealed ${at - offset} bytes of ${length}`);
    out.set(c.getAuthTag(), at);
  }

  open(nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
    checkAeadNonce(this.name, nonce);
    if (sealed.length < AEAD_TAG_LENGTH) return null;
    const split = sealed.length - AEAD_TAG_LENGTH;
    const d = decipher(this.name, this.key, nonce);
    d.setAuthTag(sealed.subarray(split));
    d.setAAD(aad, { plaintextLength: split });
    const body = d.update(sealed.subarray(0, split));
    try {
      // Stream modes: final() only checks the tag and adds no bytes, so body is the plaintext.
      const last = d.final();
      return last.length === 0 ? asBytes(body) : concatBytes(body, last);
    } catch {
      body.fill(0);
      return null;
    }
  }
}
