import type { SecureAttributes } from '@tlsport/core';
import type { Run } from './run.js';

/** The side the backend under test plays. */
export type Role = 'client' | 'server';

/** Who the backend under test talks to: itself, or a real `openssl s_server` / `s_client`. */
export type PeerKind = 'same backend' | 'openssl';

export type Result = 'pass' | 'fail' | 'not offered';

/** One scenario run's verdict; `reason` says why, for everything but a pass. */
export interface Outcome {
  result: Result;
  reason?: string;
}

/**
 * How one connection is configured. Attributes and arguments are added to the defaults of
 * `Run.connect` (a trusted ECDSA server certificate for "localhost", a client that verifies it).
 */
export interface Setup {
  /** The session under test. */
  local?: SecureAttributes;
  /** The same-backend peer. */
  peer?: SecureAttributes;
  /** Extra arguments for the openssl peer: s_server when the side under test is the client, else s_client. */
  openssl?: readonly string[];
  /** The peer never answers (the openssl process is stopped; the same-backend peer never starts). */
  stalled?: boolean;
}

/**
 * One feature, checked by `run` on a connection set up by the harness. A scenario proves its
 * feature by throwing nothing: an Error is a fail, a TlsError with fault 'unsupported' from the
 * backend means the engine does not offer the feature.
 */
export interface Scenario {
  /** Row label: the feature, with its version where the feature is version-specific. */
  feature: string;
  /** The roles the feature has (hostname checks exist on the client only). */
  roles: readonly Role[];
  run(run: Run): Promise<void>;
}
