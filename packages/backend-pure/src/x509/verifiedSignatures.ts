import type { PublicKey } from '../crypto/index.js';
import type { Certificate } from './Certificate.js';

/**
 * Issuer keys whose signature on a certificate verified. Whether a key's signature on the exact
 * bytes of a certificate verifies never changes, and both objects are cached per exact DER (the
 * parse and key caches), so a chain seen again skips the public-key operation. Only successes are
 * kept; validity, roles, names and constraints are still judged on every path.
 */
const verified = new WeakMap<Certificate, WeakSet<PublicKey>>();

export function hasVerified(certificate: Certificate, issuerKey: PublicKey): boolean {
  return verified.get(certificate)?.has(issuerKey) === true;
}

export function rememberVerified(certificate: Certificate, issuerKey: PublicKey): void {
  let keys = verified.get(certificate);
  if (keys === undefined) verified.set(certificate, (keys = new WeakSet()));
  keys.add(issuerKey);
}
