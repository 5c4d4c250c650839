import { AlertDescription, TlsError, errnoFromNodeCode, type TlsFault } from '@tlsport/core/spi';
import { opensslReasonText, SSL_REASON_FAULTS, VERIFY_ERRORS, type SslReasonName } from '@tlsport/core/openssl';

/**
 * Every raw failure Node's tls module reports, mapped to tlsport's fault vocabulary. The one place
 * this backend decides what a Node error means; the OpenSSL addon backend maps the same OpenSSL
 * reasons to the same faults, so one fault gives one GSK status on both (docs/design.md rule 10).
 */

/**
 * Certificate verification failures, from the vocabulary both OpenSSL-based backends share:
 * Node reports an X509_V_ERR_* result as `err.code` without its prefix when it knows the code
 * (node/src/crypto/crypto_common.cc), else as "UNSPECIFIED" with OpenSSL's text for it.
 * Node checks the chain after its handshake finished and sends no alert for these.
 */
const FAULT_BY_VERIFY_CODE: ReadonlyMap<string, TlsFault> = new Map([
  ...Object.entries(VERIFY_ERRORS).map(([name, row]) => [name.slice('X509_V_ERR_'.length), row.fault] as const),
  // Node's own hostname check (lib/tls.js checkServerIdentity).
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'hostname-mismatch'],
]);
const FAULT_BY_UNSPECIFIED_VERIFY_TEXT: ReadonlyMap<string, TlsFault> = new Map(Object.values(VERIFY_ERRORS).map((row) => [row.text, row.fault]));

/**
 * libssl reasons by the text Node reports (`err.reason`; `err.code` is "ERR_SSL_" + the same
 * words in upper case), derived from the shared SSL_R_* table. OpenSSL sends the matching alert itself.
 */
const FAULT_BY_OPENSSL_REASON: ReadonlyMap<string, TlsFault> = new Map(
  (Object.entries(SSL_REASON_FAULTS) as [SslReasonName, TlsFault][]).map(([name, fault]) => [opensslReasonText(name), fault]),
);

/**
 * A received fatal alert: OpenSSL reports "<sslv3|tlsv1|tlsv13> alert <name>" (ssl/ssl_err.c,
 * SSL_R_SSLV3_ALERT_* / SSL_R_TLSV1_ALERT_* / SSL_R_TLSV13_ALERT_*), <name> being the RFC 8446
 * alert name with spaces; OpenSSL spells user_canceled "user cancelled". From OpenSSL 3.2 (Node
 * 22.20+/24) the SSLV3 ones read "ssl/tls alert <name>".
 */
const PEER_ALERT_REASON = /^(?:sslv3|ssl\/tls|tlsv1|tlsv13) alert (.+)$/;
const ALERT_NAME_SPELLINGS: Readonly<Record<string, string>> = { 'user cancelled': 'user_canceled' };

/** Node errors about the stream under the TLS socket rather than TLS itself. */
const FAULT_BY_NODE_CODE: Readonly<Record<string, TlsFault>> = {
  ERR_TLS_HANDSHAKE_TIMEOUT: 'timeout',
  ERR_STREAM_WRITE_AFTER_END: 'peer-closed',
  ERR_STREAM_DESTROYED: 'peer-closed',
  ERR_SOCKET_CLOSED: 'peer-closed',
  // Node's own bound on renegotiation (tls.CLIENT_RENEG_LIMIT attempts in CLIENT_RENEG_WINDOW s); no alert is sent.
  ERR_TLS_SESSION_ATTACK: 'unexpected-message',
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

  const verifyFault = code === undefined ? undefined : code === 'UNSPECIFIED' ? FAULT_BY_UNSPECIFIED_VERIFY_TEXT.get(message) : FAULT_BY_VERIFY_CODE.get(code);
  if (verifyFault !== undefined) return new TlsError(verifyFault, `${message} (${code})`, { alert: undefined, cause: error });

  const reason = reasonOf(err);
  if (reason !== undefined) {
    const alert = PEER_ALERT_REASON.exec(reason);
    if (alert !== null) {
      const alertCode = alertCodeOf(alert[1]!);
      if (alertCode !== undefined) return TlsError.fromPeerAlert(alertCode, `peer sent fatal alert: ${reason}`);
      return new TlsError('peer-alert', `peer sent fatal alert: ${reason}`, { origin: 'peer', alert: undefined, cause: error });
    }
    const fault = FAULT_BY_OPENSSL_REASON.get(reason);
    if (fault !== undefined) return new TlsError(fault, `${reason} (${message})`, { cause: error });
  }

  // OpenSSL 3.5 reports a handshake signature that does not verify (e.g. ServerKeyExchange) from
  // the EVP layer ("provider signature failure") rather than as SSL_R_BAD_SIGNATURE.
  if (/:provider signature failure:/.test(message) || reason === 'provider signature failure') {
    return new TlsError('bad-signature', message, { cause: error });
  }

  // As the openssl backend: an ASN.1 decode failure is a certificate that does not parse.
  if (code?.startsWith('ERR_OSSL_ASN1_') === true || /:asn1 encoding routines:/.test(message)) {
    return new TlsError('bad-certificate', message, { cause: error });
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
