import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import type { SessionConfig } from '../engine/config.js';
import type { EngineSink, TlsEngine } from '../engine/spi.js';
import type { SecureSession } from './SecureSession.js';
import type { SessionSettings } from './sessionSettings.js';

/** How one session's engine is made: its resolved session config, and the engine on the right context. */
export interface EnginePlan {
  readonly config: SessionConfig;
  createEngine(sink: EngineSink): TlsEngine;
}

/** What a session needs from its environment (SecureEnvironment implements it). */
export interface SessionHost {
  /**
   * What a session with these overrides runs with: its engine plan (the environment's context, or
   * another one when the overrides change a context-level setting), limits and key log. Sessions
   * without overrides share one, resolved once. Throws GskError (not initialized, bad attribute).
   */
  sessionSettings(overrides: SecureAttributes): SessionSettings;
  /** Throws GskError for an unknown attribute id or a value of the wrong kind. */
  checkAttribute(id: string, value: unknown): void;
  sessionClosed(session: SecureSession): void;
}
