import { GskStatus, type SecureAttributes } from '@tlsport/core';
import type { LeafOptions } from '@tlsport/testkit';
import type { Pki, PkiSetup } from '../Pki.js';

/**
 * One path-validation case: the certificates (generated on the suite's PKI), the side that
 * judges them, the status every backend must report, and any difference between the pure
 * verifier and OpenSSL's that is policy rather than a wrong mapping (docs/path-validation.md).
 */
export interface PkiCase {
  name: string;
  note: string;
  detector: 'client' | 'server';
  expected: GskStatus;
  detectorAttrs?: SecureAttributes;
  disagreement?: { statuses: Readonly<Record<string, GskStatus>>; why: string };
  setup: (pki: Pki) => PkiSetup;
}

export const OK = GskStatus.GSK_OK;
export const NAME_CONSTRAINTS = GskStatus.GSK_TLSPORT_ERROR_NAME_CONSTRAINTS;
export const HOSTNAME = GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH;
export const BAD_CERTIFICATE = GskStatus.GSK_ERROR_BAD_CERTIFICATE;
export const KEY_USAGE = GskStatus.GSK_TLSPORT_ERROR_KEY_USAGE;
export const UNKNOWN_CA = GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT;
export const EXPIRED = GskStatus.GSK_ERROR_BAD_DATE;

/** The OpenSSL-based backends report `status` where the pure verifier reports the expected one, because `why`. */
export function opensslSays(status: GskStatus, why: string): NonNullable<PkiCase['disagreement']> {
  return { statuses: { openssl: status, 'node-tls': status }, why };
}

/** The constraint extension line: nameConstraints, critical unless said otherwise (RFC 5280 says MUST be). */
export function nameConstraints(subtrees: string, critical = true): string {
  return `nameConstraints=${critical ? 'critical,' : ''}${subtrees}`;
}

/** Where a case puts its name constraints: on the trusted root's intermediate, or on a trusted root of its own. */
export type ConstraintHolder = 'intermediate' | 'root';

/** A server leaf under a CA carrying `subtrees`, presented with its intermediate. */
export function constrainedLeaf(pki: Pki, holder: ConstraintHolder, subtrees: string, leaf: LeafOptions, extra: { critical?: boolean; config?: string } = {}): PkiSetup {
  const line = nameConstraints(subtrees, extra.critical ?? true);
  const config = extra.config === undefined ? {} : { config: extra.config };
  if (holder === 'intermediate') {
    const ca = pki.constrained({ extensions: [line], ...config });
    return pki.send(pki.leaf(ca, { ...leaf, ...config }), ca);
  }
  const root = pki.newRoot({ extensions: [line] });
  const ca = pki.constrained({}, root);
  return { ...pki.send(pki.leaf(ca, { ...leaf, ...config }), ca), anchors: root.cert };
}
