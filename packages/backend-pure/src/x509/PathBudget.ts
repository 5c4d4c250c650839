import { TlsError } from '@tlsport/core/spi';

/**
 * The work one chain verification may do, whatever the peer sends (Go's crypto/x509 and
 * rustls-webpki cap path building the same way): without it, a mesh of cross-signed certificates
 * makes the number of candidate paths exponential in the chain's length.
 */
export const PATH_LIMITS = {
  /** Signature checks across every branch tried (Go and rustls-webpki: 100). */
  signatureChecks: 100,
  /** Issuer candidates considered across every branch. */
  candidates: 1000,
  /** Name-constraint comparisons (name x subtree) across every branch (rustls-webpki: 250,000). */
  nameComparisons: 250_000,
  /** Intermediates in one path, the anchor not counted. */
  intermediates: 8,
} as const;

/** Thrown when a limit is reached: no path was found within the budget, so no trusted issuer. */
export class PathBudget {
  private signatures = 0;
  private candidates = 0;
  private comparisons = 0;

  spendSignature(): void {
    if (++this.signatures > PATH_LIMITS.signatureChecks) throw this.exhausted(`${PATH_LIMITS.signatureChecks} signature checks`);
  }

  spendCandidate(): void {
    if (++this.candidates > PATH_LIMITS.candidates) throw this.exhausted(`${PATH_LIMITS.candidates} issuer candidates`);
  }

  spendComparison(count = 1): void {
    this.comparisons += count;
    if (this.comparisons > PATH_LIMITS.nameComparisons) throw this.exhausted(`${PATH_LIMITS.nameComparisons} name-constraint comparisons`);
  }

  /** Signature checks done so far. */
  get signatureChecks(): number {
    return this.signatures;
  }

  private exhausted(what: string): TlsError {
    return new TlsError('unknown-ca', `path building gave up after ${what} without reaching a trusted root`);
  }
}
