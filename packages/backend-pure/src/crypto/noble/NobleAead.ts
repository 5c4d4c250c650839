import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import type { Aead, AeadName } from '../provider.js';
import { AEAD_TAG_LENGTH, checkAeadKey, checkAeadNonce } from '../aeadParams.js';
import { concatBytes } from '../bytes.js';

/** AES-GCM or ChaCha20-Poly1305 on @noble/ciphers, which compares tags in constant time. */
export class NobleAead implements Aead {
  private readonly key: Uint8Array;

  constructor(readonly name: AeadName, key: Uint8Array) {
    checkAeadKey(name, key);
    this.key = Uint8Array.from(key);
  }

  seal(nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
    checkAeadNonce(this.name, nonce);
    return this.cipher(nonce, aad).encrypt(plaintext);
  }

  sealInto(nonce: Uint8Array, plaintext: readonly Uint8Array[], aad: Uint8Array, out: Uint8Array, offset: number): void {
    out.set(this.seal(nonce, plaintext.length === 1 ? plaintext[0]! : concatBytes(...plaintext), aad), offset);
  }

  open(nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
    checkAeadNonce(this.name, nonce);
    if (sealed.length < AEAD_TAG_LENGTH) return null;
    try {
      return this.cipher(nonce, aad).decrypt(sealed);
    } catch {
      return null;
    }
  }

  private cipher(nonce: Uint8Array, aad: Uint8Array): { encrypt(data: Uint8Array): Uint8Array; decrypt(data: Uint8Array): Uint8Array } {
    return this.name === 'chacha20-poly1305' ? chacha20poly1305(this.key, nonce, aad) : gcm(this.key, nonce, aad);
  }
}
