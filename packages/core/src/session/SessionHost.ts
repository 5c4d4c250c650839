import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import type { TlsConfig } from '../engine/config.js';
import type { EngineContext } from '../engine/spi.js';
import type { SecureSession } from './SecureSession.js';

/** What a session needs from its environment (SecureEnvironment implements it). */
export interface SessionHost {
  /** The backend context, or undefined before init / after close. */
  context(): EngineContext | undefined;
  /** The environment's config with a session's overrides applied. Throws GskError. */
  configFor(overrides: SecureAttributes): TlsConfig;
  attributes(): SecureAttributes;
  /** Throws GskError(GSK_ATTRIBUTE_INVALID_ID) for an unknown attribute id. */
  checkAttributeId(id: string): void;
  sessionClosed(session: SecureSession): void;
}
