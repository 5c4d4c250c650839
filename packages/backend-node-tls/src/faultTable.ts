import { AlertDescription, TlsError, errnoFromNodeCode, type TlsFault } from '@tlsport/core/spi';

/**
 * Every raw failure Node's tls module reports, mapped to tlsport's fault vocabulary. The one place
 * this backend decides what a Node error means; the OpenSSL addon backend maps the same OpenSSL
 * reasons to the same faults, so one fault gives one GSK status on both (DESIGN.md rule 10).
 */

/**
 * Certificate verification codes: `err.code` of the error Node builds from X509_verify_cert's
 * result (node/src/crypto/crypto_common.cc, names from OpenSSL include/openssl/x509_vfy.h
 * X509_V_ERR_*), plus Node's own hostname error (lib/tls.js checkServerIdentity).
 * Node checks the chain after its handshake finished and sends no alert for these.
 */
const FAULT_BY_VERIFY_CODE: Readonly<Record<string, TlsFault>> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown-ca',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown-ca',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown-ca',
  SELF_SIGNED_CERT_IN_CHAIN: 'unknown-ca',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname-mismatch',
  HOSTNAME_MISMATCH: 'hostname-mismatch',
  IP_ADDRESS_MISMATCH: 'hostname-mismatch',
  CERT_SIGNATURE_FAILURE: 'bad-signature',
  INVALID_CA: 'bad-certificate',
  PATH_LENGTH_EXCEEDED: 'bad-certificate',
  EE_KEY_TOO_SMALL: 'bad-certificate',
  CA_MD_TOO_WEAK: 'bad-certificate',
  INVALID_PURPOSE: 'key-usage',
};

/**
 * Verification failures Node has no code for: it reports `code` "UNSPECIFIED" and OpenSSL's text
 * for the X509_V_ERR_* value (X509_verify_cert_error_string, OpenSSL 3.0 crypto/x509/x509_txt.c),
 * matched here so they map as the openssl backend maps the same X509_V_ERR_* values.
 */
const FAULT_BY_UNSPECIFIED_VERIFY_TEXT: Readonly<Record<string, TlsFault>> = {
  'key usage does not include certificate signing': 'bad-certificate',
  'CA signature digest algorithm too weak': 'bad-certificate',
  'EE certificate key too weak': 'bad-certificate',
  'CA certificate key too weak': 'bad-certificate',
  'invalid CA certificate': 'bad-certificate',
  'path length constraint exceeded': 'bad-certificate',
  'unsuitable certificate purpose': 'key-usage',
};

/**
 * OpenSSL SSL-library reason strings (`err.reason`; `err.code` is "ERR_SSL_" + the same words in
 * upper case), as spelled in OpenSSL 3.0 ssl/ssl_err.c. OpenSSL sends the matching alert itself.
 */
const FAULT_BY_OPENSSL_REASON: Readonly<Record<string, TlsFault>> = {
  'no shared cipher': 'no-shared-cipher',
  'no suitable signature algorithm': 'no-shared-cipher',
  'no suitable key share': 'no-shared-group',
  'no shared groups': 'no-shared-group',
  'unsupported protocol': 'protocol-version',
  'wrong version number': 'protocol-version',
  'version too low': 'protocol-version',
  'decryption failed or bad record mac': 'bad-mac',
  'bad record mac': 'bad-mac',
  'peer did not return a certificate': 'certificate-required',
  'no application protocol': 'no-application-protocol',
  'record overflow': 'bad-message',
  'encrypted length too long': 'bad-message',
  'packet length too long': 'bad-message',
  'data length too long': 'bad-message',
  'unexpected message': 'bad-message',
  'unexpected record': 'bad-message',
  'bad length': 'bad-message',
  'length mismatch': 'bad-message',
  'bad packet length': 'bad-message',
  'bad extension': 'bad-message',
  'parse tlsext': 'bad-message',
  'record length mismatch': 'bad-message',
  'wrong message type': 'bad-message',
  'http request': 'bad-message',
  'https proxy request': 'bad-message',
  // The rest of the openssl backend's SSL_REASON_FAULTS, so both backends map a reason alike.
  'no ciphers available': 'no-shared-cipher',
  'no shared signature algorithms': 'no-shared-cipher',
  'no suitable groups': 'no-shared-group',
  'no protocols available': 'protocol-version',
  'version too high': 'protocol-version',
  'decryption failed': 'bad-mac',
  'bad signature': 'bad-signature',
  'excessive message size': 'bad-message',
  'unexpected ccs message': 'bad-message',
  'length too short': 'bad-message',
  'bad packet': 'bad-message',
  'bad handshake length': 'bad-message',
  'bad record type': 'bad-message',
  'extra data in message': 'bad-message',
  'unknown protocol': 'bad-message',
  'too many key updates': 'bad-message',
  'bad key share': 'illegal-parameter',
  'wrong curve': 'illegal-parameter',
  'missing sigalgs extension': 'missing-extension',
  'missing supported groups extension': 'missing-extension',
  'no renegotiation': 'unsupported',
  'unexpected eof while reading': 'peer-closed',
  'invalid session id': 'illegal-parameter',
  'bad change cipher spec': 'bad-message',
  'invalid ccs message': 'bad-message',
  'ccs received early': 'unexpected-message',
  'invalid alert': 'bad-message',
  'cert length mismatch': 'bad-message',
  'wrong signature type': 'illegal-parameter',
  'digest check failed': 'bad-signature',
};

/**
 * A received fatal alert: OpenSSL reports "<sslv3|tlsv1|tlsv13> alert <name>" (ssl/ssl_err.c,
 * SSL_R_SSLV3_ALERT_* / SSL_R_TLSV1_ALERT_* / SSL_R_TLSV13_ALERT_*), <name> being the RFC 8446
 * alert name with spaces; OpenSSL spells user_canceled "user cancelled".
 */
const PEER_ALERT_REASON = /^(?:sslv3|tlsv1|tlsv13) alert (.+)$/;
const ALERT_NAME_SPELLINGS: Readonly<Record<string, string>> = { 'user cancelled': 'user_canceled' };

/** Node errors about the stream under the TLS socket rather than TLS itself. */
const FAULT_BY_NODE_CODE: Readonly<Record<string, TlsFault>> = {
  ERR_TLS_HANDSHAKE_TIMEOUT: 'timeout',
  ERR_STREAM_WRITE_AFTER_END: 'peer-closed',
  ERR_STREAM_DESTROYED: 'peer-closed',
  ERR_SOCKET_CLOSED: 'peer-closed',
};

interface NodeTlsErrorShape {
  code?: unknown;
  reason?: unknown;
  syscall?: unknown;
  message?: unknown;
}

/** The OpenSSL reason words of an error: `err.reason`, or recovered from an ERR_SSL_* code. */
function reasonOf(err: NodeTlsErrorShape): string | undefined {
  if (typeof err.reason === 'string') return err.reason.toLowerCase();
  if (typeof err.code === 'string' && err.code.startsWith('ERR_SSL_')) return err.code.slice(8).toLowerCase().replace(/_/g, ' ');
  return undefined;
}

function alertCodeOf(name: string): number | undefined {
  const key = ALERT_NAME_SPELLINGS[name] ?? name.replace(/ /g, '_');
  const code = (AlertDescription as unknown as Record<string, number | undefined>)[key];
  return typeof code === 'number' ? code : undefined;
}

/** Turns anything Node's tls module reports into the TlsError tlsport reports. */
export function tlsErrorFromNode(error: unknown): TlsError {
  if (error instanceof TlsError) return error;
  const err: NodeTlsErrorShape = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const code = typeof err.code === 'string' ? err.code : undefined;
  const message = (typeof err.message === 'string' ? err.message : String(error)).trim();

  const verifyFault = code === undefined ? undefined : code === 'UNSPECIFIED' ? FAULT_BY_UNSPECIFIED_VERIFY_TEXT[message] : FAULT_BY_VERIFY_CODE[code];
  if (verifyFault !== undefined) return new TlsError(verifyFault, `${message} (${code})`, { alert: undefined, cause: error });

  const reason = reasonOf(err);
  if (reason !== undefined) {
    const alert = PEER_ALERT_REASON.exec(reason);
    if (alert !== null) {
      const alertCode = alertCodeOf(alert[1]!);
      if (alertCode !== undefined) return TlsError.fromPeerAlert(alertCode, `peer sent fatal alert: ${reason}`);
      return new TlsError('peer-alert', `peer sent fatal alert: ${reason}`, { origin: 'peer', alert: undefined, cause: error });
    }
    const fault = FAULT_BY_OPENSSL_REASON[reason];
    if (fault !== undefined) return new TlsError(fault, `${reason} (${message})`, { cause: error });
  }

  const nodeFault = code === undefined ? undefined : FAULT_BY_NODE_CODE[code];
  if (nodeFault !== undefined) return new TlsError(nodeFault, message, { alert: undefined, cause: error });
  if (typeof err.syscall === 'string' || (code !== undefined && /^E[A-Z]+$/.test(code))) {
    return new TlsError('io', message, { errno: errnoFromNodeCode(code), alert: undefined, cause: error });
  }
  return new TlsError('internal', message, { alert: undefined, cause: error });
}

/**
 * A SecureContext that could not be built from the configuration: the PEM, ASN.1, X.509 and EVP
 * libraries reject certificates and keys (including a key that does not match its certificate);
 * anything else is an option this build of Node does not accept.
 */
export function contextErrorFromNode(error: unknown): TlsError {
  if (error instanceof TlsError) return error;
  const code = typeof (error as NodeTlsErrorShape)?.code === 'string' ? ((error as NodeTlsErrorShape).code as string) : '';
  const message = error instanceof Error ? error.message : String(error);
  const fault: TlsFault = /^ERR_OSSL_(PEM|ASN1|X509|EVP)_/.test(code) ? 'bad-certificate' : 'unsupported';
  return new TlsError(fault, `cannot build a Node SecureContext: ${message}`, { alert: undefined, cause: error });
}
