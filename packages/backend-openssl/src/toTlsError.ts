import { TlsError, type TlsFault } from '@tlsport/core/spi';
import { OTHER_SSL_FAULT, OTHER_VERIFY_FAULT, SSL_REASON_FAULTS, VERIFY_ERRORS } from '@tlsport/core/openssl';
import { opensslConstant, type NativeOutcome } from './native.js';

/** The shared vocabulary by the numbers this build of OpenSSL gives its macros. */
const VERIFY = new Map<number, TlsFault>(Object.entries(VERIFY_ERRORS).map(([name, row]) => [opensslConstant(name), row.fault]));
const SSL_REASONS = new Map<number, TlsFault>(Object.entries(SSL_REASON_FAULTS).map(([name, fault]) => [opensslConstant(name), fault]));
const ERR_LIB_SSL = opensslConstant('ERR_LIB_SSL');
const ERR_LIB_ASN1 = opensslConstant('ERR_LIB_ASN1');
const SSL_AD_REASON_OFFSET = opensslConstant('SSL_AD_REASON_OFFSET');
const SSL_R_CERTIFICATE_VERIFY_FAILED = opensslConstant('SSL_R_CERTIFICATE_VERIFY_FAILED');
const TLS_ALERT_MAX = 255;

/**
 * The TlsError for a failed native operation. The oldest libssl entry of the error queue is the
 * cause (later entries are consequences); a verification failure is refined by the verify result.
 */
export function toTlsError(outcome: NativeOutcome): TlsError {
  const errors = outcome.errors ?? [];
  const detail = errors.map((e) => e.text).join('; ') || 'OpenSSL failed without an error entry';
  for (const e of errors) {
    if (e.library !== ERR_LIB_SSL) continue;
    if (e.reason === SSL_R_CERTIFICATE_VERIFY_FAILED) {
      const fault = VERIFY.get(outcome.verifyResult ?? -1) ?? OTHER_VERIFY_FAULT;
      return new TlsError(fault, `${detail} (verify result ${outcome.verifyResult})`);
    }
    if (e.reason > SSL_AD_REASON_OFFSET && e.reason <= SSL_AD_REASON_OFFSET + TLS_ALERT_MAX) {
      return TlsError.fromPeerAlert(e.reason - SSL_AD_REASON_OFFSET, detail);
    }
    const fault = SSL_REASONS.get(e.reason);
    if (fault !== undefined) return new TlsError(fault, detail);
  }
  // Without a libssl reason we know, an ASN.1 decode failure is a certificate that does not parse.
  if (errors.some((e) => e.library === ERR_LIB_ASN1)) return new TlsError('bad-certificate', detail);
  return new TlsError(OTHER_SSL_FAULT, detail);
}

/** The TlsError for a configuration the addon rejected (it tags such errors with a fault name). */
export function configError(error: unknown): TlsError {
  if (error instanceof TlsError) return error;
  const fault = (error as { fault?: TlsFault }).fault;
  const message = error instanceof Error ? error.message : String(error);
  return new TlsError(fault ?? 'internal', message, { cause: error });
}
