import type { TlsFault } from '@tlsport/core/spi';

/**
 * OpenSSL's failure codes -> tlsport faults, in one place. Keys are OpenSSL macro names
 * (X509_V_ERR_* from openssl/x509_vfy.h, SSL_R_* from openssl/sslerr.h); the addon exports
 * their values. Peer alerts are not listed: OpenSSL reports a received alert as reason
 * SSL_AD_REASON_OFFSET + alert (SSL_R_SSLV3_ALERT_*, SSL_R_TLSV1_ALERT_*, SSL_R_TLSV13_ALERT_*),
 * which toTlsError hands to TlsError.fromPeerAlert.
 */

/** Certificate verification results (SSL_get_verify_result after SSL_R_CERTIFICATE_VERIFY_FAILED). */
export const VERIFY_FAULTS: Readonly<Record<string, TlsFault>> = {
  X509_V_ERR_CERT_HAS_EXPIRED: 'expired',
  X509_V_ERR_CERT_NOT_YET_VALID: 'not-yet-valid',
  X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT: 'unknown-ca',
  X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown-ca',
  X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown-ca',
  X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN: 'unknown-ca',
  X509_V_ERR_HOSTNAME_MISMATCH: 'hostname-mismatch',
  X509_V_ERR_IP_ADDRESS_MISMATCH: 'hostname-mismatch',
  X509_V_ERR_CERT_SIGNATURE_FAILURE: 'bad-signature',
  X509_V_ERR_INVALID_CA: 'bad-certificate',
  X509_V_ERR_PATH_LENGTH_EXCEEDED: 'bad-certificate',
  X509_V_ERR_EE_KEY_TOO_SMALL: 'bad-certificate',
  X509_V_ERR_CA_KEY_TOO_SMALL: 'bad-certificate',
  X509_V_ERR_CA_MD_TOO_WEAK: 'bad-certificate',
  X509_V_ERR_INVALID_PURPOSE: 'key-usage',
};

/** A verification failure whose code is not in VERIFY_FAULTS. */
export const OTHER_VERIFY_FAULT: TlsFault = 'bad-certificate';

/** libssl reasons detected on this side (ERR_LIB_SSL). */
export const SSL_REASON_FAULTS: Readonly<Record<string, TlsFault>> = {
  SSL_R_NO_SHARED_CIPHER: 'no-shared-cipher',
  SSL_R_NO_CIPHERS_AVAILABLE: 'no-shared-cipher',
  SSL_R_NO_SUITABLE_KEY_SHARE: 'no-shared-group',
  SSL_R_NO_SHARED_GROUPS: 'no-shared-group',
  SSL_R_NO_SUITABLE_GROUPS: 'no-shared-group',
  SSL_R_UNSUPPORTED_PROTOCOL: 'protocol-version',
  SSL_R_WRONG_VERSION_NUMBER: 'protocol-version',
  SSL_R_NO_PROTOCOLS_AVAILABLE: 'protocol-version',
  SSL_R_VERSION_TOO_LOW: 'protocol-version',
  SSL_R_VERSION_TOO_HIGH: 'protocol-version',
  SSL_R_DECRYPTION_FAILED: 'bad-mac',
  SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC: 'bad-mac',
  SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE: 'certificate-required',
  SSL_R_NO_APPLICATION_PROTOCOL: 'no-application-protocol',
  SSL_R_BAD_SIGNATURE: 'bad-signature',
  // Record overflow, unexpected messages and decode errors are all malformed input: 'bad-message'.
  SSL_R_DATA_LENGTH_TOO_LONG: 'bad-message',
  SSL_R_ENCRYPTED_LENGTH_TOO_LONG: 'bad-message',
  SSL_R_PACKET_LENGTH_TOO_LONG: 'bad-message',
  SSL_R_EXCESSIVE_MESSAGE_SIZE: 'bad-message',
  SSL_R_UNEXPECTED_MESSAGE: 'bad-message',
  SSL_R_UNEXPECTED_RECORD: 'bad-message',
  SSL_R_UNEXPECTED_CCS_MESSAGE: 'bad-message',
  SSL_R_LENGTH_MISMATCH: 'bad-message',
  SSL_R_LENGTH_TOO_SHORT: 'bad-message',
  SSL_R_RECORD_LENGTH_MISMATCH: 'bad-message',
  SSL_R_BAD_PACKET: 'bad-message',
  SSL_R_BAD_PACKET_LENGTH: 'bad-message',
  SSL_R_BAD_LENGTH: 'bad-message',
  SSL_R_BAD_HANDSHAKE_LENGTH: 'bad-message',
  SSL_R_BAD_EXTENSION: 'bad-message',
  SSL_R_BAD_RECORD_TYPE: 'bad-message',
  SSL_R_EXTRA_DATA_IN_MESSAGE: 'bad-message',
  SSL_R_UNKNOWN_PROTOCOL: 'bad-message',
  SSL_R_HTTP_REQUEST: 'bad-message',
  SSL_R_TOO_MANY_KEY_UPDATES: 'bad-message',
  SSL_R_BAD_KEY_SHARE: 'illegal-parameter',
  SSL_R_WRONG_CURVE: 'illegal-parameter',
  SSL_R_NO_SHARED_SIGNATURE_ALGORITHMS: 'no-shared-cipher',
  SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM: 'no-shared-cipher',
  SSL_R_MISSING_SIGALGS_EXTENSION: 'missing-extension',
  SSL_R_MISSING_SUPPORTED_GROUPS_EXTENSION: 'missing-extension',
  SSL_R_NO_RENEGOTIATION: 'unsupported',
  SSL_R_UNEXPECTED_EOF_WHILE_READING: 'peer-closed',
  // Malformed or out-of-order input the fuzzer reached (was GSK_INTERNAL_ERROR).
  SSL_R_INVALID_SESSION_ID: 'illegal-parameter',
  SSL_R_BAD_CHANGE_CIPHER_SPEC: 'bad-message',
  SSL_R_INVALID_CCS_MESSAGE: 'bad-message',
  SSL_R_CCS_RECEIVED_EARLY: 'unexpected-message',
  SSL_R_INVALID_ALERT: 'bad-message',
  SSL_R_CERT_LENGTH_MISMATCH: 'bad-message',
  SSL_R_WRONG_SIGNATURE_TYPE: 'illegal-parameter',
  // TLS 1.2 Finished verify_data mismatch: decrypt_error, as the pure backend reports it.
  SSL_R_DIGEST_CHECK_FAILED: 'bad-signature',
};

/** A failure with no libssl reason in SSL_REASON_FAULTS. */
export const OTHER_FAULT: TlsFault = 'internal';
