import { TlsError } from '@tlsport/core/spi';
import type { CryptoProvider, PublicKey } from '../crypto/index.js';
import type { Certificate } from './Certificate.js';
import { buildPath } from './buildPath.js';
import { CertificatePool, parseCached } from './certificatePool.js';
import { matchesHost } from './hostname.js';
import { checkKey, importKey } from './keys.js';
import { checkLeafRole, checkValidity, type Purpose } from './pathChecks.js';
import { PathBudget } from './PathBudget.js';
import type { TrustStore } from './TrustStore.js';

export interface VerifyOptions {
  /** DER certificates as received, leaf first; intermediates in any order, the root optional. */
  readonly chain: readonly Uint8Array[];
  readonly trust: TrustStore;
  readonly provider: CryptoProvider;
  readonly now: Date;
  /** DNS name or IP literal (v4/v6) the leaf must be for; undefined: no name check. */
  readonly host?: string | undefined;
  readonly purpose: Purpose;
  /** chain[0] already parsed, with its imported key, when the caller needed them first. */
  readonly leaf?: { readonly certificate: Certificate; readonly key: PublicKey } | undefined;
}

/**
 * Validates a peer's chain (RFC 5280 §6 as the web PKI uses it; docs/path-validation.md): a path
 * to a trust anchor built over every candidate issuer within a work budget, each CA's role,
 * validity, key, signature and name constraints checked as the path grows; then the leaf's role,
 * key, host name and validity. Certificates the path does not use are never judged. Returns the
 * parsed leaf; throws TlsError with the fault.
 */
export function verifyChain(options: VerifyOptions): Certificate {
  if (options.chain.length === 0) throw new TlsError('no-certificate', 'the peer sent no certificate');
  const leaf = options.leaf?.certificate ?? parseCached(options.chain[0]!);
  const budget = new PathBudget();
  const pool = new CertificatePool(options.chain.slice(1), options.trust);
  const { provider, now, purpose, trust } = options;
  buildPath(leaf, { pool, trust, provider, now, purpose, budget, leafKey: options.leaf?.key });
  const leafKey = options.leaf?.key ?? importKey(leaf, provider);
  const error = checkLeafRole(leaf, purpose) ?? checkKey(leaf, leafKey);
  if (error !== undefined) throw error;
  if (options.host !== undefined && !matchesHost(leaf, options.host)) {
    throw new TlsError('hostname-mismatch', `certificate "${leaf.subject.text}" is not for ${options.host}`);
  }
  const expiry = checkValidity(leaf, now);
  if (expiry !== undefined) throw expiry;
  return leaf;
}
