import { AlertDescription, TlsError, type TlsFault } from '@tlsport/core/spi';

/**
 * TLS 1.2 has neither missing_extension nor certificate_required: RFC 5246 §7.2.2, RFC 5746 §3 and
 * RFC 7627 §5 answer a missing or wrong security extension, or a missing client certificate,
 * with handshake_failure. The fault still says what went wrong.
 */
export function handshakeFailure(fault: TlsFault, detail: string): TlsError {
  return new TlsError(fault, detail, { alert: AlertDescription.handshake_failure });
}
