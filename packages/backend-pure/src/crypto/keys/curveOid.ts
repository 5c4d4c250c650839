import { ProviderError } from '../provider.js';
import { KeyOid } from './oids.js';
import type { EcKind } from './parsedKeys.js';

/** The namedCurve (RFC 5480 §2.1.1.1) -> tlsport's key kind; other curves are unsupported. */
export function ecKindOfCurve(oid: string): EcKind {
  if (oid === KeyOid.prime256v1) return 'ec-p256';
  if (oid === KeyOid.secp384r1) return 'ec-p384';
  throw new ProviderError(`unsupported EC curve ${oid}`);
}
