import { resolveSessionLimits, type SessionLimits } from '../attributes/sessionLimits.js';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import type { TlsConfig } from '../engine/config.js';
import type { SessionHost } from './SessionHost.js';

/** What a session runs with, settled at startInit from its environment and its own overrides. */
export interface SessionSettings {
  readonly config: TlsConfig;
  readonly limits: SessionLimits;
  readonly keylog: ((line: string) => void) | undefined;
}

/** Resolves a session's settings. Throws GskError naming a bad attribute. */
export function sessionSettings(host: SessionHost, overrides: SecureAttributes): SessionSettings {
  const attributes = { ...host.attributes(), ...overrides };
  return { config: host.configFor(overrides), limits: resolveSessionLimits(attributes), keylog: attributes.keylog };
}
