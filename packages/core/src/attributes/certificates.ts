import type { CertificateKeyPair } from '../engine/config.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { resolvePfx } from './pfx.js';
import { resolvePrivateKey } from './privateKey.js';
import type { SecureAttributes } from './SecureAttributes.js';
import { text } from './text.js';
import { pemCertificates } from './trust.js';

export interface ResolvedCertificates {
  readonly certificate: CertificateKeyPair | undefined;
  readonly sniCertificates: ReadonlyMap<string, CertificateKeyPair>;
  /** CA certificates that came with `pfx`, to be trusted beside `ca` (as node:tls does). */
  readonly pfxCa: readonly string[];
}

function pair(cert: string | Uint8Array, key: string | Uint8Array, passphrase: string | undefined, attribute: string): CertificateKeyPair {
  const chain = text(cert);
  const leaf = pemCertificates(chain)[0];
  if (leaf === undefined) throw new GskError(GskStatus.GSK_ERROR_BAD_CERTIFICATE, `${attribute}: cert is not a PEM certificate`);
  return { cert: chain, key: resolvePrivateKey(text(key), leaf, passphrase, attribute) };
}

/** This side's certificates: `cert`/`key` (with `passphrase`) or `pfx`, and the server's `sniCertificates`. */
export function resolveCertificates(attrs: SecureAttributes, role: 'client' | 'server'): ResolvedCertificates {
  const pfx = resolvePfx(attrs);
  if ((attrs.cert === undefined) !== (attrs.key === undefined)) {
    throw new GskError(attrs.key === undefined ? GskStatus.GSK_ERROR_NO_PRIVATE_KEY : GskStatus.GSK_ERROR_NO_CERTIFICATE, 'cert and key must be given together');
  }
  const certificate = attrs.cert !== undefined && attrs.key !== undefined ? pair(attrs.cert, attrs.key, attrs.passphrase, 'cert/key') : pfx.certificate;
  const sniCertificates = new Map<string, CertificateKeyPair>();
  for (const [name, p] of Object.entries(attrs.sniCertificates ?? {})) {
    sniCertificates.set(name.toLowerCase(), pair(p.cert, p.key, p.passphrase ?? attrs.passphrase, `sniCertificates["${name}"]`));
  }
  if (role === 'server' && certificate === undefined && sniCertificates.size === 0) {
    throw new GskError(GskStatus.GSK_ERROR_NO_CERTIFICATE, 'a server needs cert and key, pfx, or sniCertificates');
  }
  return { certificate, sniCertificates, pfxCa: pfx.ca };
}
