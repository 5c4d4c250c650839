import type { TlsFault } from '../../tls/faults.js';

/**
 * libssl reasons detected on this side (ERR_LIB_SSL), keyed by their macro names in
 * openssl/sslerr.h, for both OpenSSL-based backends: the openssl addon reports the reason's
 * number (it exports each listed macro's value), Node's tls reports its text (`err.reason`,
 * derived by opensslReasonText). Peer alerts are not listed: OpenSSL reports a received alert as
 * SSL_AD_REASON_OFFSET + alert (SSL_R_*_ALERT_*), which the backends hand to TlsError.fromPeerAlert.
 */
export const SSL_REASON_FAULTS = {
  SSL_R_NO_SHARED_CIPHER: 'no-shared-cipher',
  SSL_R_NO_CIPHERS_AVAILABLE: 'no-shared-cipher',
  SSL_R_NO_SHARED_SIGNATURE_ALGORITHMS: 'no-shared-cipher',
  SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM: 'no-shared-cipher',
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
  // TLS 1.2 Finished verify_data mismatch: decrypt_error, as the pure backend reports it.
  SSL_R_DIGEST_CHECK_FAILED: 'bad-signature',
  // Oversized records and messages and undecodable ones are malformed input: 'bad-message'.
  // Out-of-place input is 'unexpected-message' (same GSK status, and the alert OpenSSL sends).
  SSL_R_DATA_LENGTH_TOO_LONG: 'bad-message',
  SSL_R_ENCRYPTED_LENGTH_TOO_LONG: 'bad-message',
  SSL_R_PACKET_LENGTH_TOO_LONG: 'bad-message',
  SSL_R_EXCESSIVE_MESSAGE_SIZE: 'bad-message',
  SSL_R_UNEXPECTED_MESSAGE: 'unexpected-message',
  SSL_R_UNEXPECTED_RECORD: 'unexpected-message',
  SSL_R_UNEXPECTED_CCS_MESSAGE: 'unexpected-message',
  SSL_R_LENGTH_MISMATCH: 'bad-message',
  SSL_R_LENGTH_TOO_SHORT: 'bad-message',
  SSL_R_RECORD_LENGTH_MISMATCH: 'bad-message',
  SSL_R_BAD_PACKET: 'bad-message',
  SSL_R_BAD_PACKET_LENGTH: 'bad-message',
  SSL_R_BAD_LENGTH: 'bad-message',
  SSL_R_BAD_HANDSHAKE_LENGTH: 'bad-message',
  SSL_R_BAD_EXTENSION: 'bad-message',
  SSL_R_PARSE_TLSEXT: 'bad-message',
  SSL_R_BAD_RECORD_TYPE: 'unexpected-message',
  SSL_R_EXTRA_DATA_IN_MESSAGE: 'bad-message',
  SSL_R_UNKNOWN_PROTOCOL: 'bad-message',
  SSL_R_HTTP_REQUEST: 'bad-message',
  SSL_R_HTTPS_PROXY_REQUEST: 'bad-message',
  SSL_R_TOO_MANY_KEY_UPDATES: 'unexpected-message',
  // Hostile peers (docs/hostile-peers.md): OpenSSL's bounds on no-op records and records between fragments.
  SSL_R_MIXED_HANDSHAKE_AND_NON_HANDSHAKE_DATA: 'unexpected-message',
  SSL_R_RECORD_TOO_SMALL: 'unexpected-message',
  SSL_R_TOO_MANY_WARN_ALERTS: 'unexpected-message',
  SSL_R_BAD_LEGACY_VERSION: 'protocol-version',
  SSL_R_BAD_CHANGE_CIPHER_SPEC: 'bad-message',
  SSL_R_INVALID_CCS_MESSAGE: 'bad-message',
  SSL_R_INVALID_ALERT: 'bad-message',
  SSL_R_CERT_LENGTH_MISMATCH: 'bad-message',
  SSL_R_CCS_RECEIVED_EARLY: 'unexpected-message',
  SSL_R_BAD_KEY_SHARE: 'illegal-parameter',
  SSL_R_WRONG_CURVE: 'illegal-parameter',
  SSL_R_INVALID_SESSION_ID: 'illegal-parameter',
  SSL_R_WRONG_SIGNATURE_TYPE: 'illegal-parameter',
  SSL_R_MISSING_SIGALGS_EXTENSION: 'missing-extension',
  SSL_R_MISSING_SUPPORTED_GROUPS_EXTENSION: 'missing-extension',
  SSL_R_NO_RENEGOTIATION: 'unsupported',
  SSL_R_UNEXPECTED_EOF_WHILE_READING: 'peer-closed',
} as const satisfies Readonly<Record<`SSL_R_${string}`, TlsFault>>;

export type SslReasonName = keyof typeof SSL_REASON_FAULTS;

/** A libssl failure whose reason is not in SSL_REASON_FAULTS. */
export const OTHER_SSL_FAULT: TlsFault = 'internal';

/**
 * The text OpenSSL gives a reason (ERR_reason_error_string, ssl/ssl_err.c): the macro's words in
 * lower case, which is also how Node builds `err.code` ("ERR_SSL_" + the words in upper case).
 */
export function opensslReasonText(name: SslReasonName): string {
  return name.slice('SSL_R_'.length).toLowerCase().replace(/_/g, ' ');
}
