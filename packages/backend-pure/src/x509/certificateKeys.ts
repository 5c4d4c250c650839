import type { CryptoProvider, PublicKey } from '../crypto/index.js';
import type { Certificate } from './Certificate.js';

/**
 * Imported keys by certificate and provider. Certificates come from the parse cache (one object per
 * exact DER), so a peer that sends the same chain on every handshake imports its keys once. Only
 * keys that imported are kept: a key that fails, fails again each time.
 */
const keysByCertificate = new WeakMap<Certificate, Map<CryptoProvider, PublicKey>>();

/** `certificate`'s key as `load` imports it with `provider`, imported once per certificate object. */
export function cachedKey(certificate: Certificate, provider: CryptoProvider, load: () => PublicKey): PublicKey {
  let byProvider = keysByCertificate.get(certificate);
  if (byProvider === undefined) keysByCertificate.set(certificate, (byProvider = new Map()));
  let key = byProvider.get(provider);
  if (key === undefined) byProvider.set(provider, (key = load()));
  return key;
}
