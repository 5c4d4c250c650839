import { resolveSessionLimits, type SessionLimits } from '../attributes/sessionLimits.js';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import type { EnginePlan } from './SessionHost.js';

/** What a session runs with, settled at startInit from its environment and its own overrides. */
export interface SessionSettings {
  /** The session config and how its engine is made (on the environment's context or one of its own). */
  readonly plan: EnginePlan;
  readonly limits: SessionLimits;
  readonly keylog: ((line: string) => void) | undefined;
  readonly onSession: ((state: Uint8Array) => void) | undefined;
}

/**
 * Resolves the settings of a session with these overrides on `host`'s attributes. Throws GskError
 * naming a bad attribute, or when the environment is not initialized.
 */
export function resolveSessionSettings(host: EngineHost, overrides: SecureAttributes): SessionSettings {
  const attributes = { ...host.attributes(), ...overrides };
  return { plan: host.planEngine(overrides), limits: resolveSessionLimits(attributes), keylog: attributes.keylog, onSession: attributes.onSession };
}

/** What resolveSessionSettings reads from an environment. */
export interface EngineHost {
  planEngine(overrides: SecureAttributes): EnginePlan;
  attributes(): SecureAttributes;
}
