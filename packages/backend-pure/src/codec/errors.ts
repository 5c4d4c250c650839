import { AlertDescription, TlsError } from '@tlsport/core/spi';

/** decode_error: a message that does not parse (RFC 8446 §6.2). */
export function decodeError(detail: string): TlsError {
  return new TlsError('bad-message', detail);
}

/** illegal_parameter: a field that parses but holds a value the RFC forbids. */
export function illegalParameter(detail: string): TlsError {
  return new TlsError('illegal-parameter', detail);
}

/** unexpected_message: a message or record at a point where it may not appear. */
export function unexpectedMessage(detail: string): TlsError {
  return new TlsError('unexpected-message', detail);
}

/** unsupported_extension: an extension in a response that the request did not offer (§4.2). */
export function unsupportedExtension(detail: string): TlsError {
  return new TlsError('illegal-parameter', detail, { alert: AlertDescription.unsupported_extension });
}
