import { Errno } from '../gsk/errno.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus, gskStatusName } from '../gsk/status.js';
import { AlertDescription, alertName } from '../tls/alerts.js';
import type { TlsFault } from '../tls/faults.js';
import { TlsError } from '../tls/TlsError.js';

/** An Error as Node's tls reports it (`code`), with tlsport's GSK status and TLS alert beside it. */
export interface TlsportNodeError extends Error {
  code: string;
  gskStatus: GskStatus;
  alert: AlertDescription | undefined;
  /** Set for certificate verification failures, as Node's error carries it. */
  reason?: string;
}

/**
 * Faults this side detected -> Node's `err.code`: the X509_V_ERR names Node reports for
 * verification (src/crypto/crypto_common.cc), Node's own hostname code (lib/tls.js), and
 * "ERR_SSL_" + OpenSSL's reason (ssl/ssl_err.c) for protocol failures.
 */
const CODE_BY_LOCAL_FAULT: Readonly<Partial<Record<TlsFault, string>>> = {
  'unknown-ca': 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  expired: 'CERT_HAS_EXPIRED',
  'not-yet-valid': 'CERT_NOT_YET_VALID',
  'self-signed': 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'hostname-mismatch': 'ERR_TLS_CERT_ALTNAME_INVALID',
  'bad-signature': 'CERT_SIGNATURE_FAILURE',
  'key-usage': 'INVALID_PURPOSE',
  'bad-certificate': 'INVALID_CA',
  'unsupported-certificate': 'ERR_SSL_UNSUPPORTED_CERTIFICATE',
  'no-certificate': 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE',
  'certificate-required': 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE',
  'no-shared-cipher': 'ERR_SSL_NO_SHARED_CIPHER',
  'no-shared-group': 'ERR_SSL_NO_SUITABLE_KEY_SHARE',
  'no-application-protocol': 'ERR_SSL_NO_APPLICATION_PROTOCOL',
  'protocol-version': 'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'bad-mac': 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC',
  'bad-message': 'ERR_SSL_BAD_MESSAGE',
  'unexpected-message': 'ERR_SSL_UNEXPECTED_MESSAGE',
  'illegal-parameter': 'ERR_SSL_ILLEGAL_PARAMETER',
  'missing-extension': 'ERR_SSL_MISSING_EXTENSION',
  'record-overflow': 'ERR_SSL_RECORD_OVERFLOW',
  'peer-closed': 'ECONNRESET',
  timeout: 'ERR_TLS_HANDSHAKE_TIMEOUT',
  cancelled: 'ABORT_ERR',
  unsupported: 'ERR_SSL_UNSUPPORTED',
  internal: 'ERR_SSL_INTERNAL_ERROR',
};

/** OpenSSL names received alerts after the protocol that defined them (ssl/ssl_err.c, SSL_R_*_ALERT_*). */
const SSLV3_ALERTS: ReadonlySet<AlertDescription> = new Set([
  AlertDescription.unexpected_message, AlertDescription.bad_record_mac, AlertDescription.handshake_failure,
  AlertDescription.bad_certificate, AlertDescription.unsupported_certificate, AlertDescription.certificate_revoked,
  AlertDescription.certificate_expired, AlertDescription.certificate_unknown, AlertDescription.illegal_parameter,
]);
const TLSV13_ALERTS: ReadonlySet<AlertDescription> = new Set([AlertDescription.missing_extension, AlertDescription.certificate_required]);

/** "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA" for a received unknown_ca, as Node reports OpenSSL's reason. */
export function codeForPeerAlert(alert: AlertDescription): string {
  const family = SSLV3_ALERTS.has(alert) ? 'SSLV3' : TLSV13_ALERTS.has(alert) ? 'TLSV13' : 'TLSV1';
  return `ERR_SSL_${family}_ALERT_${alertName(alert).toUpperCase()}`;
}

const ERRNO_NAMES: Readonly<Partial<Record<Errno, string>>> = Object.fromEntries(
  Object.entries(Errno).filter(([name]) => name !== 'NONE' && name !== 'EDESTROYED').map(([name, value]) => [value, name]),
);

function codeOf(error: TlsError): string {
  const cause = error.cause as NodeJS.ErrnoException | undefined;
  if (error.fault === 'io') return cause?.code ?? ERRNO_NAMES[error.errno] ?? 'EIO';
  if (error.origin === 'peer' && error.alert !== undefined) return codeForPeerAlert(error.alert);
  return CODE_BY_LOCAL_FAULT[error.fault] ?? 'ERR_SSL_' + error.fault.toUpperCase().replace(/-/g, '_');
}

/** The Error a face emits for a session's failure: Node's `code`, plus `gskStatus` and `alert`. */
export function nodeError(error: Error | undefined, status: GskStatus, fallback = 'TLS connection failed'): TlsportNodeError {
  let out: TlsportNodeError;
  if (error instanceof TlsError) {
    out = Object.assign(new Error(error.message, { cause: error }), { code: codeOf(error), gskStatus: error.status, alert: error.alert });
    if (error.fault !== 'io' && CODE_BY_LOCAL_FAULT[error.fault]?.startsWith('ERR_SSL') === false) out.reason = error.detail;
  } else if (error instanceof GskError) {
    out = Object.assign(new Error(error.message, { cause: error }), { code: 'ERR_TLSPORT_' + gskStatusName(error.status), gskStatus: error.status, alert: undefined });
  } else {
    const message = error?.message ?? `${gskStatusName(status)}: ${fallback}`;
    const code = status === GskStatus.GSK_TLSPORT_ERROR_CANCELLED ? 'ABORT_ERR' : status === GskStatus.GSK_ERROR_SOCKET_CLOSED ? 'ECONNRESET' : 'ERR_TLSPORT_' + gskStatusName(status);
    out = Object.assign(new Error(message, error === undefined ? undefined : { cause: error }), { code, gskStatus: status, alert: undefined });
  }
  if (out.code === 'ABORT_ERR') out.name = 'AbortError';
  return out;
}
