import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { SecureAttributes } from './SecureAttributes.js';

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 30_000;

/** The handshake deadline in ms: GSK_HANDSHAKE_TIMEOUT (seconds, as GSKit counts) or `handshakeTimeoutMs`; 0 = none. */
export function resolveHandshakeTimeout(attrs: SecureAttributes): number {
  const ms = attrs.GSK_HANDSHAKE_TIMEOUT !== undefined ? attrs.GSK_HANDSHAKE_TIMEOUT * 1000 : (attrs.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS);
  if (!Number.isFinite(ms) || ms < 0) throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, `handshake timeout: ${ms}`);
  return ms;
}
