import { ProviderError, type AeadName } from './provider.js';

/** Key sizes per AEAD; every TLS AEAD uses a 12-byte nonce and a 16-byte tag (RFC 8446 §5.3). */
export const AEAD_KEY_LENGTH: Readonly<Record<AeadName, number>> = {
  'aes-128-gcm': 16,
  'aes-256-gcm': 32,
  'chacha20-poly1305': 32,
};
export const AEAD_NONCE_LENGTH = 12;
export const AEAD_TAG_LENGTH = 16;

export function checkAeadKey(name: AeadName, key: Uint8Array): void {
  const expected = AEAD_KEY_LENGTH[name];
  if (expected === undefined) throw new ProviderError(`aead: unknown algorithm ${String(name)}`);
  if (key.length !== expected) throw new ProviderError(`aead ${name}: key is ${key.length} bytes, expected ${expected}`);
}

export function checkAeadNonce(name: AeadName, nonce: Uint8Array): void {
  if (nonce.length !== AEAD_NONCE_LENGTH) {
    throw new ProviderError(`aead ${name}: nonce is ${nonce.length} bytes, expected ${AEAD_NONCE_LENGTH}`);
  }
}
