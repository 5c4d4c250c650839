import type { CompletionPort, KeyMaterial, Negotiated, SecureEnvironment, SecureSession, TlsBackend } from '@tlsport/core';
import type { AuthPolicy } from './attributes/toCore.js';

/**
 * An output parameter: where C passes `&x`, a ported program passes a ref and reads `.value`
 * afterwards (`gsk_environment_open(env)` then `env.value`).
 */
export interface GskRef<T> {
  value: T | undefined;
}

/** A fresh, empty output parameter. */
export function gskRef<T>(value?: T): GskRef<T> {
  return { value };
}

/** Client resumption state kept per environment (GSK_V3_SESSION_TIMEOUT bounds its age). */
export interface CachedSession {
  readonly state: Uint8Array;
  readonly storedAt: number;
  /** The server's chain from the full handshake: a resumed session sends none, GSKit still reports it. */
  readonly peerCertificates: readonly Uint8Array[];
}

/** The environment handle gsk_environment_open returns (an SSL environment). */
export class GskEnvironment {
  readonly values = new Map<number, unknown>();
  state: 'open' | 'initialized' | 'closed' = 'open';
  core: SecureEnvironment | undefined;
  material: KeyMaterial | undefined;
  readonly sessionCache = new Map<string, CachedSession>();

  constructor(readonly backend: TlsBackend) {}
}

/** The session handle gsk_secure_soc_open returns (one secure session). */
export class GskSession {
  readonly values = new Map<number, unknown>();
  state: 'open' | 'handshaking' | 'established' | 'failed' | 'closed' = 'open';
  core: SecureSession | undefined;
  /** GSK_FD when the core session was opened over it. */
  descriptor: number | undefined;
  /** What GSKit checks once the handshake is done (client-auth modes, the validation callback). */
  policy: AuthPolicy | undefined;
  /** The key the environment's resumption cache uses for this session. */
  cacheKey: string | undefined;
  negotiated: Negotiated | undefined;
  /** GSK_CERTIFICATE_VALIDATION_CODE: the peer chain's validation result (GSK_OK when it verified). */
  validationCode: number | undefined;
  /** GSK_LAST_VALIDATION_ERROR: the status of the last failed validation or handshake. */
  lastValidationError = 0;
  /** The port synchronous calls (gsk_secure_soc_init/read/write) complete on, made on first use. */
  syncPort: CompletionPort | undefined;
  /** The cached chain of the session this one resumes. */
  resumedChain: readonly Uint8Array[] | undefined;
  /** GSK_RESET_SESSION was called: this session's resumption state is not kept. */
  resumptionReset = false;

  constructor(readonly env: GskEnvironment) {}
}

/** gsk_handle: an environment or a session handle. */
export type gsk_handle = GskEnvironment | GskSession;

/** The value an attribute has on this handle: set on the session, else on its environment. */
export function valueOf(handle: gsk_handle, id: number): unknown {
  if (handle instanceof GskSession && handle.values.has(id)) return handle.values.get(id);
  const env = handle instanceof GskSession ? handle.env : handle;
  return env.values.get(id);
}
