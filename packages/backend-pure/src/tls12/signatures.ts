import { TlsError } from '@tlsport/core/spi';
import { SignatureScheme, type PrivateKey, type PublicKey } from '../crypto/provider.js';
import { RSA_SCHEMES, signatureSchemeInfo } from '../crypto/signatureSchemes.js';
import { illegalParameter } from '../codec/errors.js';
import { SIGNATURE_SCHEMES } from '../tls13/signatures.js';

/**
 * TLS 1.2 signature scheme choice (RFC 5246 §7.4.1.4.1, as RFC 8446 §4.2.3 reads the code points
 * for 1.2): RSA keys sign RSA-PSS (rsae) or PKCS#1; an ECDSA scheme names only its hash, so any
 * curve may use it, the key's own curve first; Ed25519 signs ed25519 (RFC 8422 §5.1.3).
 */
const PREFERENCE: readonly SignatureScheme[] = [
  ...RSA_SCHEMES,
  SignatureScheme.ed25519,
];

/** The scheme this side signs with; undefined when the peer accepts none that fits the key. */
export function chooseTls12Scheme(key: PrivateKey, peerSchemes: readonly number[]): SignatureScheme | undefined {
  if (key.kind === 'ec-p256' || key.kind === 'ec-p384') {
    const own = key.kind === 'ec-p256' ? SignatureScheme.ecdsa_secp256r1_sha256 : SignatureScheme.ecdsa_secp384r1_sha384;
    if (peerSchemes.includes(own)) return own;
    return peerSchemes.find((s): s is SignatureScheme => SIGNATURE_SCHEMES.includes(s) && signatureSchemeInfo(s)?.family === 'ecdsa');
  }
  return PREFERENCE.find((s) => key.supports(s) && peerSchemes.includes(s));
}

/**
 * Checks a peer signature (ServerKeyExchange or CertificateVerify): a scheme this side offered
 * (illegal_parameter otherwise), then the signature itself (decrypt_error, RFC 5246 §7.4.8).
 */
export function verifyTls12Signature(key: PublicKey, scheme: number, data: Uint8Array, signature: Uint8Array, what: string): void {
  if (!SIGNATURE_SCHEMES.includes(scheme)) throw illegalParameter(`${what}: signature scheme 0x${scheme.toString(16)} was not offered`);
  if (!key.verify(scheme as SignatureScheme, data, signature)) throw new TlsError('bad-signature', `${what} signature does not verify`);
}
