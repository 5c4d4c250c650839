import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { SecureAttributes } from './SecureAttributes.js';

/** What a session enforces itself, beside what its engine is configured with. */
export interface SessionLimits {
  /** Bytes a session may hold in both directions together (docs/design.md rule 11). */
  readonly maxBufferedBytes: number;
  /** Close after this long without traffic once established; 0 = never. */
  readonly idleTimeoutMs: number;
}

export const DEFAULT_MAX_BUFFERED_BYTES = 1 << 20;
/** Each direction needs room for a whole TLS record (16 KiB plus overhead) and a bit more. */
export const MIN_MAX_BUFFERED_BYTES = 64 * 1024;

/** Validates and resolves the session limits from the environment's attributes and the session's overrides. */
export function resolveSessionLimits(attrs: SecureAttributes): SessionLimits {
  const maxBufferedBytes = attrs.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  if (typeof maxBufferedBytes !== 'number' || !Number.isSafeInteger(maxBufferedBytes) || maxBufferedBytes < MIN_MAX_BUFFERED_BYTES) {
    throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, `maxBufferedBytes: ${String(maxBufferedBytes)} (an integer >= ${MIN_MAX_BUFFERED_BYTES})`);
  }
  const idleTimeoutMs = attrs.idleTimeoutMs ?? 0;
  if (typeof idleTimeoutMs !== 'number' || !Number.isFinite(idleTimeoutMs) || idleTimeoutMs < 0) {
    throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, `idleTimeoutMs: ${String(idleTimeoutMs)} (milliseconds >= 0; 0 = never)`);
  }
  return { maxBufferedBytes, idleTimeoutMs };
}
