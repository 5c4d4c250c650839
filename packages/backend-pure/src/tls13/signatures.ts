import { TlsError } from '@tlsport/core/spi';
import { SignatureScheme, type PrivateKey, type PublicKey } from '../crypto/provider.js';
import { concat, utf8 } from '../codec/bytes.js';
import { illegalParameter } from '../codec/errors.js';
import { RSA_SCHEMES } from '../crypto/signatureSchemes.js';

/**
 * signature_algorithms this stack sends, best first. The rsa_pkcs1 schemes are listed for
 * certificate signatures only: TLS 1.3 never accepts them in CertificateVerify (§4.2.3).
 */
export const SIGNATURE_SCHEMES: readonly SignatureScheme[] = [
  SignatureScheme.ecdsa_secp256r1_sha256,
  SignatureScheme.ecdsa_secp384r1_sha384,
  SignatureScheme.ed25519,
  ...RSA_SCHEMES,
];

const CERTIFICATE_VERIFY_SCHEMES = new Set<number>(SIGNATURE_SCHEMES.filter((s) => (s & 0xff) !== 0x01));

const RSA_PSS_RSAE = [SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pss_rsae_sha384, SignatureScheme.rsa_pss_rsae_sha512];

/** The scheme this side signs CertificateVerify with, from what the peer accepts; undefined: none fits. */
export function chooseSignatureScheme(key: PrivateKey, peerSchemes: readonly number[]): SignatureScheme | undefined {
  const candidates: SignatureScheme[] =
    key.kind === 'ec-p256' ? [SignatureScheme.ecdsa_secp256r1_sha256]
    : key.kind === 'ec-p384' ? [SignatureScheme.ecdsa_secp384r1_sha384]
    : key.kind === 'ed25519' ? [SignatureScheme.ed25519]
    : RSA_PSS_RSAE;
  return peerSchemes.find((s): s is SignatureScheme => candidates.includes(s));
}

/** The content a CertificateVerify signs (§4.4.3): 64 spaces, a context string, 0, the transcript hash. */
export function certificateVerifyContent(signer: 'server' | 'client', transcriptHash: Uint8Array): Uint8Array {
  const pad = new Uint8Array(64).fill(0x20);
  return concat(pad, utf8(`TLS 1.3, ${signer} CertificateVerify`), Uint8Array.of(0), transcriptHash);
}

export function signCertificateVerify(key: PrivateKey, scheme: SignatureScheme, signer: 'server' | 'client', transcriptHash: Uint8Array): Uint8Array {
  return key.sign(scheme, certificateVerifyContent(signer, transcriptHash));
}

/** Checks the peer's CertificateVerify: a scheme we offered, then the signature (decrypt_error, §4.4.3). */
export function verifyCertificateVerify(
  key: PublicKey,
  scheme: number,
  signature: Uint8Array,
  signer: 'server' | 'client',
  transcriptHash: Uint8Array,
): void {
  if (!CERTIFICATE_VERIFY_SCHEMES.has(scheme)) throw illegalParameter(`CertificateVerify: scheme 0x${scheme.toString(16)} was not offered`);
  if (!key.verify(scheme as SignatureScheme, certificateVerifyContent(signer, transcriptHash), signature)) {
    throw new TlsError('bad-signature', `${signer} CertificateVerify signature does not verify`);
  }
}
