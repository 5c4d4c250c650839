import { TlsError } from '@tlsport/core/spi';
import type { CryptoProvider, PublicKey } from '../crypto/index.js';
import type { Certificate } from './Certificate.js';
import type { Candidate, CertificatePool } from './certificatePool.js';
import { equal } from '../codec/bytes.js';
import { checkKey, importKey } from './keys.js';
import { checkNameConstraints } from './nameConstraints.js';
import { checkIssuerRole, checkSignature, checkValidity, type Purpose } from './pathChecks.js';
import { PATH_LIMITS, type PathBudget } from './PathBudget.js';
import { isSelfIssued } from './selfIssued.js';
import type { TrustStore } from './TrustStore.js';

export interface PathSearch {
  readonly pool: CertificatePool;
  readonly trust: TrustStore;
  readonly provider: CryptoProvider;
  readonly now: Date;
  readonly purpose: Purpose;
  readonly budget: PathBudget;
  /** The leaf's key when the caller has imported it already. */
  readonly leafKey?: PublicKey | undefined;
}

/** Why a branch failed, and how far up it got: the report is the best branch's error. */
interface Failure {
  readonly error: TlsError;
  readonly depth: number;
}

/** "No issuer found" errors say the least; any other branch error is more specific (rustls-webpki ranks so too). */
function rank(f: Failure): number {
  return (f.error.fault === 'unknown-ca' || f.error.fault === 'self-signed' ? 0 : 1000) + f.depth;
}

function hasKeyId(c: Candidate, keyId: Uint8Array | undefined): boolean {
  return 'certificate' in c && keyId !== undefined && c.certificate.subjectKeyId !== undefined && equal(c.certificate.subjectKeyId, keyId);
}

/**
 * Issuer candidates worth trying, most promising first (Go and rustls-webpki order the same way):
 * anchors before sent certificates, a subjectKeyIdentifier matching the child's
 * authorityKeyIdentifier before none, currently valid before expired. A key id that contradicts
 * the child's, or a certificate already on the path, is no candidate.
 */
function orderCandidates(child: Certificate, candidates: Candidate[], path: readonly Certificate[], now: Date): Candidate[] {
  const wanted = child.authorityKeyId;
  const usable = candidates.filter((c) => {
    if (!('certificate' in c)) return true;
    const skid = c.certificate.subjectKeyId;
    if (wanted !== undefined && skid !== undefined && !equal(wanted, skid)) return false;
    return !path.some((p) => p === c.certificate || equal(p.der, c.certificate.der));
  });
  const score = (c: Candidate): number =>
    ('certificate' in c ? 0 : 4) + ('certificate' in c && c.anchor ? 0 : 2) + (hasKeyId(c, wanted) ? 0 : 1)
    + ('certificate' in c && checkValidity(c.certificate, now) === undefined ? 0 : 0.5);
  return usable.map((c, i) => ({ c, key: score(c) * 1e6 + i })).sort((a, b) => a.key - b.key).map((x) => x.c);
}

/**
 * The certification path from the leaf to a trust anchor (leaf first, anchor last), found by a
 * depth-first search over every candidate issuer, each edge checked as it is taken (RFC 5280 §6.1;
 * RFC 4158 describes the search). Throws the most specific error of the branch that got furthest;
 * `budget` bounds the whole search.
 */
export function buildPath(leaf: Certificate, search: PathSearch): Certificate[] {
  if (search.trust.contains(leaf)) return [leaf];
  const failures: Failure[] = [];
  const keys = new Map<Certificate, PublicKey | TlsError>();
  if (search.leafKey !== undefined) keys.set(leaf, search.leafKey);
  const path = extend([leaf], search, keys, failures);
  if (path !== undefined) return path;
  const best = failures.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const unreadable = search.pool.unreadable;
  if (unreadable === 0 || best.error.fault !== 'unknown-ca') throw best.error;
  throw new TlsError(best.error.fault, `${best.error.detail} (${unreadable} certificate(s) the peer sent could not be read)`);
}

function extend(path: Certificate[], search: PathSearch, keys: Map<Certificate, PublicKey | TlsError>, failures: Failure[]): Certificate[] | undefined {
  const child = path[path.length - 1]!;
  const candidates = orderCandidates(child, search.pool.issuersOf(child), path, search.now);
  if (candidates.length === 0) failures.push({ error: noIssuer(child, path.length), depth: path.length });
  for (const candidate of candidates) {
    search.budget.spendCandidate();
    if (!('certificate' in candidate)) {
      failures.push({ error: candidate.unusable, depth: path.length });
      continue;
    }
    const { certificate: issuer, anchor } = candidate;
    const error = checkEdge(path, issuer, anchor, search, keys);
    if (error !== undefined) {
      failures.push({ error, depth: path.length });
      continue;
    }
    const longer = [...path, issuer];
    if (anchor) return longer;
    if (longer.length - 1 > PATH_LIMITS.intermediates) {
      failures.push({ error: new TlsError('bad-certificate', `more than ${PATH_LIMITS.intermediates} intermediates`), depth: path.length });
      continue;
    }
    const found = extend(longer, search, keys, failures);
    if (found !== undefined) return found;
  }
  return undefined;
}

function noIssuer(child: Certificate, length: number): TlsError {
  if (!isSelfIssued(child)) return new TlsError('unknown-ca', `no trusted issuer for "${child.issuer.text}"`);
  if (length === 1) return new TlsError('self-signed', `self-signed certificate "${child.subject.text}" is not trusted`);
  return new TlsError('unknown-ca', `the chain ends in the untrusted root "${child.subject.text}"`);
}

/** The key of a certificate on the path, checked once per verification (imported once per certificate: keys.ts). */
function keyOf(certificate: Certificate, search: PathSearch, keys: Map<Certificate, PublicKey | TlsError>): PublicKey | TlsError {
  let key = keys.get(certificate);
  if (key === undefined) {
    try {
      const imported = importKey(certificate, search.provider);
      key = checkKey(certificate, imported) ?? imported;
    } catch (error) {
      if (!(error instanceof TlsError)) throw error;
      key = error;
    }
    keys.set(certificate, key);
  }
  return key;
}

/**
 * Whether `issuer` may extend `path` (RFC 5280 §6.1.3-§6.1.4): its role as a CA, its validity, its
 * key, its signature on the certificate below, and its name constraints over everything below it
 * (self-issued intermediates excepted, §6.1.3 (b)). Cheap checks first; signatures are budgeted.
 */
function checkEdge(path: readonly Certificate[], issuer: Certificate, anchor: boolean, search: PathSearch, keys: Map<Certificate, PublicKey | TlsError>): TlsError | undefined {
  const child = path[path.length - 1]!;
  const roleError = checkIssuerRole(issuer, anchor, path, search.purpose) ?? checkValidity(issuer, search.now);
  if (roleError !== undefined) return roleError;
  const key = keyOf(issuer, search, keys);
  if (key instanceof TlsError) return key;
  search.budget.spendSignature();
  const signatureError = checkSignature(child, key);
  if (signatureError !== undefined) return signatureError;
  const constraints = issuer.nameConstraints;
  if (constraints === undefined) return undefined;
  for (const [i, below] of path.entries()) {
    if (i > 0 && isSelfIssued(below)) continue;
    const violation = checkNameConstraints(issuer, constraints, below, search.budget);
    if (violation !== undefined) return violation;
  }
  return undefined;
}
