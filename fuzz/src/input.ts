import type { Role, Variant } from './targets.js';

/**
 * One fuzz input, serializable so a crashing one can be kept and replayed. The target engine plays
 * `role`; the records it would receive are genuine up to index `state`, whose record is replaced by
 * the injected bytes. `live`: the genuine records come from a real peer engine handshaking with the
 * target (so every state is reachable); `corpus`: from a recorded transcript (no peer, fast).
 */
export interface FuzzInput {
  target: string;
  role: Role;
  variant: Variant;
  mode: 'live' | 'corpus';
  /** Live: the peer backend. Corpus: the transcript's file name. */
  source: string;
  /** Index of the replaced record among those sent to the target (past the handshake: the first record after it). */
  state: number;
  /** Deliver the genuine records after the injected one too. */
  continueGenuine: boolean;
  /** How the injected bytes were made (for the report). */
  generator: string;
}

/** The bytes injected at `state`, made from the genuine record there (undefined past the end of a transcript). */
export type Producer = (genuine: Uint8Array) => Uint8Array;

/** What one input did to the target engine, and every contract violation seen. */
export interface Outcome {
  /** How the target ended: failed (with a TlsError), handshake complete, or waiting for more input. */
  ended: 'failed' | 'complete' | 'waiting';
  /** GSK status name when it failed. */
  status: string | undefined;
  /** The failure's readable detail. */
  detail: string | undefined;
  /** Contract violations; empty for a good input. */
  problems: string[];
  /** The bytes that were injected (undefined if the run never reached `state`). */
  injected: Uint8Array | undefined;
  elapsedMs: number;
}
