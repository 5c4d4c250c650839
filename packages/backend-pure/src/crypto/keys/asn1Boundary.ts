import { Asn1Error } from '../../asn1/index.js';
import { ProviderError } from '../provider.js';

/** Runs a key parser, turning malformed DER into ProviderError. */
export function parsingKey<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (cause) {
    if (cause instanceof Asn1Error) throw new ProviderError(`${what}: ${cause.message}`);
    throw cause;
  }
}
