import { TlsError } from '@tlsport/core/spi';
import { Asn1Error } from '../asn1/index.js';

/** A malformed certificate: the one fault every parse failure becomes. */
export function badCertificate(detail: string, cause?: unknown): TlsError {
  return new TlsError('bad-certificate', detail, cause === undefined ? {} : { cause });
}

/** Runs a parse step, turning malformed DER into TlsError('bad-certificate'). */
export function parsing<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (cause) {
    if (cause instanceof Asn1Error) throw badCertificate(`${what}: ${cause.message}`, cause);
    throw cause;
  }
}
