import { ProviderError, type CryptoProvider } from '../../src/crypto/index.js';
import type { WycheproofCase, WycheproofFile, WycheproofGroup } from './wycheproof.js';

/** What a provider did with one case: rejected it, or accepted it with a right or wrong output. */
export type Outcome = { readonly accepted: false } | { readonly accepted: true; readonly correct: boolean };

export const REJECTED: Outcome = { accepted: false };
export const accepted = (correct: boolean): Outcome => ({ accepted: true, correct });

/** Counts per file: cases run, cases filtered out as inexpressible, and failures to report. */
export class Tally {
  run = 0;
  filtered = 0;
  readonly failures: string[] = [];

  /**
   * valid: accepted with the right output; invalid: rejected; acceptable: either. A throw other
   * than ProviderError is always a failure: the interface promises ProviderError or a result.
   */
  judge(c: WycheproofCase, attempt: () => Outcome): void {
    this.run++;
    let outcome: Outcome;
    try {
      outcome = attempt();
    } catch (cause) {
      if (!(cause instanceof ProviderError)) {
        this.failures.push(`tcId ${c.tcId} (${c.comment}): threw ${String(cause)}`);
        return;
      }
      outcome = REJECTED;
    }
    if (c.result === 'valid' && !(outcome.accepted && outcome.correct)) {
      this.failures.push(`tcId ${c.tcId} (${c.comment}): valid case ${outcome.accepted ? 'gave a wrong result' : 'rejected'}`);
    } else if (c.result === 'invalid' && outcome.accepted) {
      this.failures.push(`tcId ${c.tcId} (${c.comment}): invalid case accepted`);
    }
  }
}

export interface Runner {
  /** Fewer cases run than this means the filter dropped too much. */
  readonly minimumRun: number;
  run(provider: CryptoProvider, file: WycheproofFile, tally: Tally): void;
}

export const equal = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

export function eachCase(file: WycheproofFile, visit: (group: WycheproofGroup, c: WycheproofCase) => void): void {
  for (const group of file.testGroups) for (const c of group.tests) visit(group, c);
}

