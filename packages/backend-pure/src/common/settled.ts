import { TlsError } from '@tlsport/core/spi';

/**
 * A context field a later handshake state relies on. Undefined there means the state machine ran
 * states out of order: an internal fault, not the peer's.
 */
export function settled<T>(value: T | undefined, notYet: string): T {
  if (value === undefined) throw new TlsError('internal', notYet);
  return value;
}
