/**
 * GSK status codes. Numbers are IBM's (gskssl.h, IBM i and z/OS System SSL) wherever IBM has a
 * code for the fault; the 7000 range is tlsport's own, for TLS faults the IBM set cannot name.
 */
export enum GskStatus {
  GSK_OK = 0,
  GSK_INVALID_HANDLE = 1,
  GSK_API_NOT_AVAILABLE = 2,
  GSK_INTERNAL_ERROR = 3,
  GSK_INSUFFICIENT_STORAGE = 4,
  GSK_INVALID_STATE = 5,
  GSK_ERROR_CERT_VALIDATION = 8,
  GSK_ERROR_CRYPTO = 9,
  GSK_ERROR_ASN = 10,
  GSK_ERROR_UNKNOWN_ERROR = 12,

  GSK_KEYFILE_INVALID_FORMAT = 103,

  GSK_ERROR_BAD_DATE = 401,
  GSK_ERROR_NO_CIPHERS = 402,
  GSK_ERROR_NO_CERTIFICATE = 403,
  GSK_ERROR_BAD_CERTIFICATE = 404,
  GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE = 405,
  GSK_ERROR_IO = 406,
  GSK_ERROR_BAD_KEYFILE_LABEL = 407,
  GSK_ERROR_BAD_KEYFILE_PASSWORD = 408,
  GSK_ERROR_BAD_MESSAGE = 410,
  GSK_ERROR_BAD_MAC = 411,
  GSK_ERROR_UNSUPPORTED = 412,
  GSK_ERROR_BAD_CERT_SIG = 413,
  GSK_ERROR_BAD_PEER = 415,
  GSK_ERROR_SELF_SIGNED = 417,
  GSK_ERROR_SOCKET_CLOSED = 420,
  GSK_ERROR_NO_PRIVATE_KEY = 428,

  GSK_INVALID_BUFFER_SIZE = 501,
  GSK_WOULD_BLOCK = 502,

  GSK_ATTRIBUTE_INVALID_ID = 701,
  GSK_ATTRIBUTE_INVALID_LENGTH = 702,
  GSK_ATTRIBUTE_INVALID_ENUMERATION = 703,
  GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE = 705,

  // IBM i (OS/400) range, gskssl.h GSK_IBMI_* / GSK_AS400_*.
  GSK_IBMI_ERROR_NOT_TRUSTED_ROOT = 6000,
  GSK_IBMI_ERROR_PASSWORD_EXPIRED = 6001,
  GSK_IBMI_ERROR_NOT_REGISTERED = 6002,
  GSK_IBMI_ERROR_NO_ACCESS = 6003,
  GSK_IBMI_ERROR_CLOSED = 6004,
  GSK_IBMI_ERROR_NO_CERTIFICATE_AUTHORITIES = 6005,
  GSK_IBMI_ERROR_NO_INITIALIZE = 6007,
  GSK_IBMI_ERROR_ALREADY_SECURE = 6008,
  GSK_IBMI_ERROR_NOT_TCP = 6009,
  GSK_IBMI_ERROR_INVALID_POINTER = 6010,
  GSK_IBMI_ERROR_TIMED_OUT = 6011,
  GSK_IBMI_ASYNCHRONOUS_RECV = 6012,
  GSK_IBMI_ASYNCHRONOUS_SEND = 6013,
  GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T = 6014,
  GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT = 6015,
  GSK_IBMI_ERROR_BAD_SOCKET_DESCRIPTOR = 6016,

  // tlsport range: TLS faults that IBM's set has no code for.
  /**
   * startInit accepted: the handshake result will be posted. IBM i names this
   * GSK_OS400_ASYNCHRONOUS_SOC_INIT; its number is not in the documents we build from, so it lives here.
   */
  GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT = 7000,
  /** The peer's certificate does not match the requested host name or IP address. */
  GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH = 7001,
  /** No protocol version acceptable to both sides (protocol_version alert). */
  GSK_TLSPORT_ERROR_PROTOCOL_VERSION = 7002,
  /** No key-exchange group acceptable to both sides. */
  GSK_TLSPORT_ERROR_NO_SHARED_GROUP = 7003,
  /** The operation was cancelled by the application (cancelOperation, close, port destroy). */
  GSK_TLSPORT_ERROR_CANCELLED = 7004,
  /** The certificate is not yet valid (notBefore in the future). */
  GSK_TLSPORT_ERROR_NOT_YET_VALID = 7005,
  /** The peer sent a fatal alert that no more specific code describes. */
  GSK_TLSPORT_ERROR_PEER_ALERT = 7006,
  /** No application protocol (ALPN) acceptable to both sides. */
  GSK_TLSPORT_ERROR_NO_APPLICATION_PROTOCOL = 7007,
  /** A certificate's key usage or extended key usage forbids this use. */
  GSK_TLSPORT_ERROR_KEY_USAGE = 7008,
  /** A record or message exceeded the protocol's size limits (record_overflow). */
  GSK_TLSPORT_ERROR_RECORD_OVERFLOW = 7009,
  /** The peer required a certificate that this side did not send, or vice versa. */
  GSK_TLSPORT_ERROR_CERTIFICATE_REQUIRED = 7010,
  /** A certificate's name lies outside a name constraint of a CA above it, or a constraint cannot be evaluated. */
  GSK_TLSPORT_ERROR_NAME_CONSTRAINTS = 7011,
}

const TEXT: Partial<Record<GskStatus, string>> = {
  [GskStatus.GSK_OK]: 'No error',
  [GskStatus.GSK_INVALID_HANDLE]: 'The handle is not valid',
  [GskStatus.GSK_API_NOT_AVAILABLE]: 'The API is not available',
  [GskStatus.GSK_INTERNAL_ERROR]: 'Internal error',
  [GskStatus.GSK_INSUFFICIENT_STORAGE]: 'Insufficient storage',
  [GskStatus.GSK_INVALID_STATE]: 'The handle is not in a valid state for this operation',
  [GskStatus.GSK_ERROR_CERT_VALIDATION]: 'Certificate validation error',
  [GskStatus.GSK_ERROR_CRYPTO]: 'Cryptographic error',
  [GskStatus.GSK_ERROR_ASN]: 'ASN.1 processing error',
  [GskStatus.GSK_ERROR_UNKNOWN_ERROR]: 'Unknown error',
  [GskStatus.GSK_KEYFILE_INVALID_FORMAT]: 'The key store (PKCS#12 file) is not in a format that can be read',
  [GskStatus.GSK_ERROR_BAD_DATE]: 'The certificate has expired or its validity dates are not valid',
  [GskStatus.GSK_ERROR_NO_CIPHERS]: 'No cipher suite acceptable to both sides',
  [GskStatus.GSK_ERROR_NO_CERTIFICATE]: 'No certificate was received or configured',
  [GskStatus.GSK_ERROR_BAD_CERTIFICATE]: 'The certificate is not valid',
  [GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE]: 'The certificate type is not supported',
  [GskStatus.GSK_ERROR_IO]: 'I/O error communicating with the peer; see errno',
  [GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL]: 'No certificate with that label in the key store',
  [GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD]: 'The key store password is not correct',
  [GskStatus.GSK_ERROR_BAD_MESSAGE]: 'The peer sent a malformed or unexpected message',
  [GskStatus.GSK_ERROR_BAD_MAC]: 'Record authentication (MAC) failed',
  [GskStatus.GSK_ERROR_UNSUPPORTED]: 'The operation or value is not supported',
  [GskStatus.GSK_ERROR_BAD_CERT_SIG]: 'A certificate or handshake signature is not valid',
  [GskStatus.GSK_ERROR_BAD_PEER]: 'The peer application is not valid or misbehaved',
  [GskStatus.GSK_ERROR_SELF_SIGNED]: 'The certificate is self-signed and not trusted',
  [GskStatus.GSK_ERROR_SOCKET_CLOSED]: 'The connection was closed by the peer',
  [GskStatus.GSK_ERROR_NO_PRIVATE_KEY]: 'No private key for the certificate',
  [GskStatus.GSK_INVALID_BUFFER_SIZE]: 'The buffer size is not valid',
  [GskStatus.GSK_WOULD_BLOCK]: 'The operation would block',
  [GskStatus.GSK_ATTRIBUTE_INVALID_ID]: 'The attribute id is not valid',
  [GskStatus.GSK_ATTRIBUTE_INVALID_LENGTH]: 'The attribute value length is not valid',
  [GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION]: 'The attribute enumeration value is not valid',
  [GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE]: 'The attribute numeric value is not valid',
  [GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT]: 'The certificate does not chain to a trusted root',
  [GskStatus.GSK_IBMI_ERROR_PASSWORD_EXPIRED]: 'The key store password has expired',
  [GskStatus.GSK_IBMI_ERROR_NOT_REGISTERED]: 'The application is not registered',
  [GskStatus.GSK_IBMI_ERROR_NO_ACCESS]: 'No access to the key store',
  [GskStatus.GSK_IBMI_ERROR_CLOSED]: 'The secure session or environment is closed',
  [GskStatus.GSK_IBMI_ERROR_NO_CERTIFICATE_AUTHORITIES]: 'No certificate authorities are configured',
  [GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE]: 'The environment has not been initialized',
  [GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE]: 'The session is already secure',
  [GskStatus.GSK_IBMI_ERROR_NOT_TCP]: 'The socket is not a TCP stream',
  [GskStatus.GSK_IBMI_ERROR_INVALID_POINTER]: 'A buffer or argument is not valid',
  [GskStatus.GSK_IBMI_ERROR_TIMED_OUT]: 'The operation timed out',
  [GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV]: 'The receive has been started and will be posted',
  [GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND]: 'The send has been started and will be posted',
  [GskStatus.GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T]: 'The Overlapped record is not valid',
  [GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT]: 'The completion port is not valid or was destroyed',
  [GskStatus.GSK_IBMI_ERROR_BAD_SOCKET_DESCRIPTOR]: 'The socket is not valid',
  [GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT]: 'The handshake has been started and will be posted',
  [GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH]: 'The certificate does not match the host name or IP address',
  [GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION]: 'No protocol version acceptable to both sides',
  [GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP]: 'No key exchange group acceptable to both sides',
  [GskStatus.GSK_TLSPORT_ERROR_CANCELLED]: 'The operation was cancelled',
  [GskStatus.GSK_TLSPORT_ERROR_NOT_YET_VALID]: 'The certificate is not yet valid',
  [GskStatus.GSK_TLSPORT_ERROR_PEER_ALERT]: 'The peer sent a fatal alert',
  [GskStatus.GSK_TLSPORT_ERROR_NO_APPLICATION_PROTOCOL]: 'No application protocol (ALPN) acceptable to both sides',
  [GskStatus.GSK_TLSPORT_ERROR_KEY_USAGE]: 'The certificate key usage does not allow this use',
  [GskStatus.GSK_TLSPORT_ERROR_RECORD_OVERFLOW]: 'A record exceeded the size limit',
  [GskStatus.GSK_TLSPORT_ERROR_CERTIFICATE_REQUIRED]: 'A required certificate was not provided',
  [GskStatus.GSK_TLSPORT_ERROR_NAME_CONSTRAINTS]: 'A certificate name violates a name constraint of its issuing CA',
};

/** gsk_strerror(): a readable text for any status; "N/A" for numbers that are not GSK codes, as IBM's does. */
export function gskStrerror(code: number): string {
  return TEXT[code as GskStatus] ?? 'N/A';
}

/** The symbolic name of a status ("GSK_ERROR_BAD_MAC"), or the number as text when unknown. */
export function gskStatusName(code: number): string {
  return GskStatus[code] ?? String(code);
}
