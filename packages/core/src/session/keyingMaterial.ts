import type { TlsEngine } from '../engine/spi.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { TlsError } from '../tls/TlsError.js';

/** More than any protocol asks for; bounds what a caller can make an engine compute. */
const MAX_LENGTH = 16 * 1024;

/**
 * exportKeyingMaterial(length, label, context?) of a session whose engine is `engine` (undefined:
 * not established): checks the caller's arguments, then asks the engine.
 */
export function exportKeyingMaterial(engine: TlsEngine | undefined, length: number, label: string, context: Uint8Array | undefined): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > MAX_LENGTH) throw new TypeError(`exportKeyingMaterial: length must be an integer from 1 to ${MAX_LENGTH}, got ${length}`);
  if (typeof label !== 'string' || label.length === 0) throw new TypeError('exportKeyingMaterial: label must be a non-empty string');
  if (context !== undefined && !(context instanceof Uint8Array)) throw new TypeError('exportKeyingMaterial: context must be a Uint8Array');
  if (engine === undefined) throw new GskError(GskStatus.GSK_INVALID_STATE, 'exportKeyingMaterial needs an established session');
  if (engine.exportKeyingMaterial === undefined) throw new TlsError('unsupported', 'this backend cannot export keying material', { alert: undefined });
  return engine.exportKeyingMaterial(length, label, context);
}
