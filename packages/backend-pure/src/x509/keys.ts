import { TlsError, MIN_RSA_BITS } from '@tlsport/core/spi';
import { Asn1Error, DerReader, Tag } from '../asn1/index.js';
import { ProviderError, type CryptoProvider, type PublicKey } from '../crypto/index.js';
import type { Certificate } from './Certificate.js';
import { Oid } from './oids.js';
import { cachedKey } from './certificateKeys.js';

/** Why the SubjectPublicKeyInfo's algorithm is not one the web PKI allows; undefined when it is. */
function encodingProblem(spki: Uint8Array): string | undefined {
  try {
    const algorithm = new DerReader(spki, 'SubjectPublicKeyInfo').sequence('SubjectPublicKeyInfo').sequence('algorithm');
    // RFC 5480 §2.1.1: PKIX EC keys name their curve; specifiedCurve and implicitCurve MUST NOT be used.
    if (algorithm.oid('algorithm') === Oid.ecPublicKey && algorithm.peekTag() !== Tag.OID) return 'an EC key with explicit curve parameters';
    return undefined;
  } catch (error) {
    if (error instanceof Asn1Error) return `a malformed public key (${error.message})`;
    throw error;
  }
}

/** The certificate's key, imported by `provider` once per certificate object; a key the provider cannot use is unsupported. */
export function importKey(certificate: Certificate, provider: CryptoProvider): PublicKey {
  try {
    return cachedKey(certificate, provider, () => provider.importPublicKey(certificate.spki));
  } catch (cause) {
    if (!(cause instanceof ProviderError)) throw cause;
    throw new TlsError('unsupported-certificate', `"${certificate.subject.text}": ${cause.message}`, { cause });
  }
}

/**
 * Refuses keys the web PKI does not allow anywhere in a chain: explicit EC curves, RSA moduli below
 * core's minimum (NIST SP 800-131A, OpenSSL security level 2) or not a whole number of bytes
 * (CA/B Forum Baseline Requirements §6.1.5: "divisible by 8").
 */
export function checkKey(certificate: Certificate, key: PublicKey): TlsError | undefined {
  const problem = encodingProblem(certificate.spki);
  if (problem !== undefined) return new TlsError('bad-certificate', `"${certificate.subject.text}" has ${problem}`);
  if (key.kind !== 'rsa') return undefined;
  const bits = key.rsaBits ?? 0;
  if (bits < MIN_RSA_BITS) return new TlsError('bad-certificate', `"${certificate.subject.text}" has a ${bits}-bit RSA key (minimum ${MIN_RSA_BITS})`);
  if (bits % 8 !== 0) return new TlsError('bad-certificate', `"${certificate.subject.text}" has a ${bits}-bit RSA modulus, not a multiple of 8 bits`);
  return undefined;
}
