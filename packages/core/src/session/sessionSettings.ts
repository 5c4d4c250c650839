import { resolveSessionLimits, type SessionLimits } from '../attributes/sessionLimits.js';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import type { EnginePlan, SessionHost } from './SessionHost.js';

/** What a session runs with, settled at startInit from its environment and its own overrides. */
export interface SessionSettings {
  /** The session config and how its engine is made (on the environment's context or one of its own). */
  readonly plan: EnginePlan;
  readonly limits: SessionLimits;
  readonly keylog: ((line: string) => void) | undefined;
  readonly onSession: ((state: Uint8Array) => void) | undefined;
}

/** Resolves a session's settings. Throws GskError naming a bad attribute, or when the environment is not initialized. */
export function sessionSettings(host: SessionHost, overrides: SecureAttributes): SessionSettings {
  const attributes = { ...host.attributes(), ...overrides };
  return { plan: host.planEngine(overrides), limits: resolveSessionLimits(attributes), keylog: attributes.keylog, onSession: attributes.onSession };
}
