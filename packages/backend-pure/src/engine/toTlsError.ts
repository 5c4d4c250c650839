import { TlsError } from '@tlsport/core/spi';
import { ProviderError } from '../crypto/provider.js';

/**
 * Anything thrown inside the engine, as a TlsError: protocol checks already throw TlsError; a
 * provider rejecting peer input is an illegal parameter; anything else is an internal error.
 */
export function toTlsError(thrown: unknown): TlsError {
  if (thrown instanceof TlsError) return thrown;
  if (thrown instanceof ProviderError) return new TlsError('illegal-parameter', thrown.message, { cause: thrown });
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new TlsError('internal', message, { cause: thrown });
}
