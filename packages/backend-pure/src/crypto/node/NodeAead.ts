import { createCipheriv, createDecipheriv, type CipherChaCha20Poly1305, type CipherGCM, type DecipherChaCha20Poly1305, type DecipherGCM } from 'node:crypto';
import type { Aead, AeadName } from '../provider.js';
import { AEAD_TAG_LENGTH, checkAeadKey, checkAeadNonce } from '../aeadParams.js';
import { concatBytes } from '../bytes.js';

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
    checkAeadNonce(this.name, nonce);
    const c = cipher(this.name, this.key, nonce);
    c.setAAD(aad, { plaintextLength: plaintext.length });
    const body = c.update(plaintext);
    const last = c.final();
    return concatBytes(body, last, c.getAuthTag());
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
      return concatBytes(body, d.final());
    } catch {
      body.fill(0);
      return null;
    }
  }
}
