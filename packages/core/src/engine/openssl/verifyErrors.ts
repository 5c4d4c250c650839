import type { TlsFault } from '../../tls/faults.js';

export interface VerifyErrorRow {
  readonly fault: TlsFault;
  /** X509_verify_cert_error_string's text (OpenSSL 3 crypto/x509/x509_txt.c). */
  readonly text: string;
}

/**
 * Certificate verification results (X509_V_ERR_* from openssl/x509_vfy.h), for both
 * OpenSSL-based backends: the addon reports SSL_get_verify_result's number; Node reports the
 * name without its X509_V_ERR_ prefix as `err.code` when it knows the code, else "UNSPECIFIED"
 * with the text.
 */
export const VERIFY_ERRORS = {
  X509_V_ERR_CERT_HAS_EXPIRED: { fault: 'expired', text: 'certificate has expired' },
  X509_V_ERR_CERT_NOT_YET_VALID: { fault: 'not-yet-valid', text: 'certificate is not yet valid' },
  X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: { fault: 'self-signed', text: 'self-signed certificate' },
  X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT: { fault: 'unknown-ca', text: 'unable to get issuer certificate' },
  X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { fault: 'unknown-ca', text: 'unable to get local issuer certificate' },
  X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: { fault: 'unknown-ca', text: 'unable to verify the first certificate' },
  X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN: { fault: 'unknown-ca', text: 'self-signed certificate in certificate chain' },
  X509_V_ERR_HOSTNAME_MISMATCH: { fault: 'hostname-mismatch', text: 'hostname mismatch' },
  X509_V_ERR_IP_ADDRESS_MISMATCH: { fault: 'hostname-mismatch', text: 'IP address mismatch' },
  X509_V_ERR_CERT_SIGNATURE_FAILURE: { fault: 'bad-signature', text: 'certificate signature failure' },
  X509_V_ERR_INVALID_CA: { fault: 'bad-certificate', text: 'invalid CA certificate' },
  X509_V_ERR_PATH_LENGTH_EXCEEDED: { fault: 'bad-certificate', text: 'path length constraint exceeded' },
  X509_V_ERR_KEYUSAGE_NO_CERTSIGN: { fault: 'bad-certificate', text: 'key usage does not include certificate signing' },
  X509_V_ERR_EE_KEY_TOO_SMALL: { fault: 'bad-certificate', text: 'EE certificate key too weak' },
  X509_V_ERR_CA_KEY_TOO_SMALL: { fault: 'bad-certificate', text: 'CA certificate key too weak' },
  X509_V_ERR_CA_MD_TOO_WEAK: { fault: 'bad-certificate', text: 'CA signature digest algorithm too weak' },
  X509_V_ERR_INVALID_PURPOSE: { fault: 'key-usage', text: 'unsuitable certificate purpose' },
  // Name constraints (RFC 5280 §4.2.1.10): a violation, or a constraint OpenSSL cannot evaluate.
  X509_V_ERR_PERMITTED_VIOLATION: { fault: 'name-constraints', text: 'permitted subtree violation' },
  X509_V_ERR_EXCLUDED_VIOLATION: { fault: 'name-constraints', text: 'excluded subtree violation' },
  X509_V_ERR_SUBTREE_MINMAX: { fault: 'name-constraints', text: 'name constraints minimum and maximum not supported' },
  X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE: { fault: 'name-constraints', text: 'unsupported name constraint type' },
  X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX: { fault: 'name-constraints', text: 'unsupported or invalid name constraint syntax' },
  X509_V_ERR_UNSUPPORTED_NAME_SYNTAX: { fault: 'name-constraints', text: 'unsupported or invalid name syntax' },
  X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION: { fault: 'bad-certificate', text: 'unhandled critical extension' },
  X509_V_ERR_EC_KEY_EXPLICIT_PARAMS: { fault: 'bad-certificate', text: 'Certificate public key has explicit ECC parameters' },
} as const satisfies Readonly<Record<`X509_V_ERR_${string}`, VerifyErrorRow>>;

export type VerifyErrorName = keyof typeof VERIFY_ERRORS;

/** A verification failure whose code is not in VERIFY_ERRORS. */
export const OTHER_VERIFY_FAULT: TlsFault = 'bad-certificate';
