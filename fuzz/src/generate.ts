import fc from 'fast-check';
import { flight, record } from './arbitraries.js';
import { recordsFor, type Transcript } from './corpus.js';
import type { FuzzInput, Producer } from './input.js';
import { mutate } from './mutators.js';
import type { Rng } from './rng.js';
import { VARIANTS, type Role } from './targets.js';

export interface Generated {
  input: FuzzInput;
  produce: Producer;
  /** Corpus mode: the records replayed to the target. */
  recorded?: readonly Uint8Array[];
}

/**
 * Draws input number i: the target's role and variant, live or corpus, the state to corrupt and
 * how (byte-level mutation of the genuine record there, or a structure-aware generated record).
 */
export function generate(target: string, peers: readonly string[], corpus: readonly Transcript[], donors: readonly Uint8Array[], rng: Rng): Generated {
  const role: Role = rng.chance(0.5) ? 'client' : 'server';
  const structured = rng.chance(0.3);
  const fcSeed = rng.next() | 0;
  const produce: Producer = structured
    ? () => fc.sample(rng.chance(0.5) ? record : flight, { seed: fcSeed, numRuns: 1 })[0]!
    : (genuine) => mutate(genuine, rng, donors).bytes;
  const generator = structured ? 'structured' : 'mutation';
  const continueGenuine = rng.chance(0.3);
  // Any transcript will do: a server target gets some client's records, a client target some server's.
  if (rng.chance(0.5) && corpus.length > 0) {
    const transcript = rng.pick(corpus);
    const recorded = recordsFor(transcript, role);
    const state = rng.below(recorded.length);
    return { input: { target, role, variant: transcript.variant, mode: 'corpus', source: transcript.name, state, continueGenuine, generator }, produce, recorded };
  }
  const variant = rng.pick(VARIANTS);
  const state = rng.below(role === 'server' ? 8 : 12);
  return { input: { target, role, variant, mode: 'live', source: rng.pick(peers), state, continueGenuine, generator }, produce };
}
