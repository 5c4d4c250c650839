import { AlertDescription } from './alerts.js';
import { GskStatus } from '../gsk/status.js';

/**
 * The fault vocabulary every backend reports in. A backend turns its own raw error (an OpenSSL
 * reason, a Node error code, a pure-engine check) into one of these; the tables below turn the
 * fault into the GSK status and the alert, so the same fault gives the same code on every engine
 * (docs/design.md rule 10).
 */
export type TlsFault =
  | 'unknown-ca'
  | 'expired'
  | 'not-yet-valid'
  | 'self-signed'
  | 'hostname-mismatch'
  | 'bad-certificate'
  | 'unsupported-certificate'
  | 'bad-signature'
  | 'key-usage'
  | 'name-constraints'
  | 'no-certificate'
  | 'certificate-required'
  | 'no-shared-cipher'
  | 'no-shared-group'
  | 'no-application-protocol'
  | 'protocol-version'
  | 'bad-mac'
  | 'bad-message'
  | 'unexpected-message'
  | 'illegal-parameter'
  | 'missing-extension'
  | 'record-overflow'
  | 'peer-alert'
  | 'peer-closed'
  | 'timeout'
  | 'io'
  | 'cancelled'
  | 'unsupported'
  | 'internal';

/** fault -> GSK status. IBM codes where IBM has one (gskssl.h), tlsport's 7000 range otherwise. */
export const GSK_BY_FAULT: Readonly<Record<TlsFault, GskStatus>> = {
  'unknown-ca': GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT,
  expired: GskStatus.GSK_ERROR_BAD_DATE,
  'not-yet-valid': GskStatus.GSK_TLSPORT_ERROR_NOT_YET_VALID,
  'self-signed': GskStatus.GSK_ERROR_SELF_SIGNED,
  'hostname-mismatch': GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH,
  'bad-certificate': GskStatus.GSK_ERROR_BAD_CERTIFICATE,
  'unsupported-certificate': GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE,
  'bad-signature': GskStatus.GSK_ERROR_BAD_CERT_SIG,
  'key-usage': GskStatus.GSK_TLSPORT_ERROR_KEY_USAGE,
  'name-constraints': GskStatus.GSK_TLSPORT_ERROR_NAME_CONSTRAINTS,
  'no-certificate': GskStatus.GSK_ERROR_NO_CERTIFICATE,
  'certificate-required': GskStatus.GSK_TLSPORT_ERROR_CERTIFICATE_REQUIRED,
  'no-shared-cipher': GskStatus.GSK_ERROR_NO_CIPHERS,
  'no-shared-group': GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP,
  'no-application-protocol': GskStatus.GSK_TLSPORT_ERROR_NO_APPLICATION_PROTOCOL,
  'protocol-version': GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION,
  'bad-mac': GskStatus.GSK_ERROR_BAD_MAC,
  'bad-message': GskStatus.GSK_ERROR_BAD_MESSAGE,
  'unexpected-message': GskStatus.GSK_ERROR_BAD_MESSAGE,
  'illegal-parameter': GskStatus.GSK_ERROR_BAD_MESSAGE,
  'missing-extension': GskStatus.GSK_ERROR_BAD_MESSAGE,
  'record-overflow': GskStatus.GSK_TLSPORT_ERROR_RECORD_OVERFLOW,
  'peer-alert': GskStatus.GSK_TLSPORT_ERROR_PEER_ALERT,
  'peer-closed': GskStatus.GSK_ERROR_SOCKET_CLOSED,
  timeout: GskStatus.GSK_IBMI_ERROR_TIMED_OUT,
  io: GskStatus.GSK_ERROR_IO,
  cancelled: GskStatus.GSK_TLSPORT_ERROR_CANCELLED,
  unsupported: GskStatus.GSK_ERROR_UNSUPPORTED,
  internal: GskStatus.GSK_INTERNAL_ERROR,
};

/** fault -> the alert this side sends for it (RFC 8446 §6.2); undefined: no alert is sent. */
export const ALERT_BY_FAULT: Readonly<Partial<Record<TlsFault, AlertDescription>>> = {
  'unknown-ca': AlertDescription.unknown_ca,
  expired: AlertDescription.certificate_expired,
  // RFC 5246 would allow certificate_expired ("expired or not currently valid"); OpenSSL sends
  // bad_certificate, and so do we, so the peer cannot mistake it for an expired certificate.
  'not-yet-valid': AlertDescription.bad_certificate,
  'self-signed': AlertDescription.unknown_ca,
  'hostname-mismatch': AlertDescription.bad_certificate,
  'bad-certificate': AlertDescription.bad_certificate,
  'unsupported-certificate': AlertDescription.unsupported_certificate,
  'bad-signature': AlertDescription.decrypt_error,
  'key-usage': AlertDescription.unsupported_certificate,
  // RFC 5280 §6.1.3 (b)/(c) makes the path invalid: the certificate is bad, as OpenSSL alerts.
  'name-constraints': AlertDescription.bad_certificate,
  'no-certificate': AlertDescription.certificate_required,
  'certificate-required': AlertDescription.certificate_required,
  'no-shared-cipher': AlertDescription.handshake_failure,
  'no-shared-group': AlertDescription.handshake_failure,
  'no-application-protocol': AlertDescription.no_application_protocol,
  'protocol-version': AlertDescription.protocol_version,
  'bad-mac': AlertDescription.bad_record_mac,
  'bad-message': AlertDescription.decode_error,
  'unexpected-message': AlertDescription.unexpected_message,
  'illegal-parameter': AlertDescription.illegal_parameter,
  'missing-extension': AlertDescription.missing_extension,
  'record-overflow': AlertDescription.record_overflow,
  unsupported: AlertDescription.handshake_failure,
  internal: AlertDescription.internal_error,
};

/**
 * A fatal alert received from the peer -> the fault it reports. The peer saw the fault on its
 * side, so "peer says unknown_ca" is still an unknown-CA failure of this connection.
 */
export const FAULT_BY_PEER_ALERT: Readonly<Partial<Record<AlertDescription, TlsFault>>> = {
  [AlertDescription.unexpected_message]: 'unexpected-message',
  [AlertDescription.bad_record_mac]: 'bad-mac',
  [AlertDescription.record_overflow]: 'record-overflow',
  [AlertDescription.handshake_failure]: 'no-shared-cipher',
  [AlertDescription.bad_certificate]: 'bad-certificate',
  [AlertDescription.unsupported_certificate]: 'unsupported-certificate',
  [AlertDescription.certificate_expired]: 'expired',
  [AlertDescription.certificate_unknown]: 'bad-certificate',
  [AlertDescription.illegal_parameter]: 'illegal-parameter',
  [AlertDescription.unknown_ca]: 'unknown-ca',
  [AlertDescription.decode_error]: 'bad-message',
  [AlertDescription.decrypt_error]: 'bad-signature',
  [AlertDescription.protocol_version]: 'protocol-version',
  [AlertDescription.insufficient_security]: 'no-shared-cipher',
  [AlertDescription.missing_extension]: 'missing-extension',
  [AlertDescription.certificate_required]: 'certificate-required',
  [AlertDescription.no_application_protocol]: 'no-application-protocol',
};
