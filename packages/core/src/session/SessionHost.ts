import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import type { SessionConfig } from '../engine/config.js';
import type { EngineSink, TlsEngine } from '../engine/spi.js';
import type { SecureSession } from './SecureSession.js';

/** How one session's engine is made: its resolved session config, and the engine on the right context. */
export interface EnginePlan {
  readonly config: SessionConfig;
  createEngine(sink: EngineSink): TlsEngine;
}

/** What a session needs from its environment (SecureEnvironment implements it). */
export interface SessionHost {
  /**
   * The engine plan for a session with these overrides: the environment's context, or another
   * one when the overrides change a context-level setting. Throws GskError (not initialized,
   * bad attribute).
   */
  planEngine(overrides: SecureAttributes): EnginePlan;
  attributes(): SecureAttributes;
  /** Throws GskError for an unknown attribute id or a value of the wrong kind. */
  checkAttribute(id: string, value: unknown): void;
  sessionClosed(session: SecureSession): void;
}
