import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { SecureAttributes } from './SecureAttributes.js';
import { text } from './text.js';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every PEM certificate in `pem`, each ending in a newline; empty when there is none. */
export function pemCertificates(pem: string): string[] {
  return (pem.match(PEM_CERTIFICATE) ?? []).map((c) => `${c}\n`);
}

let extraCached: { file: string | undefined; certificates: readonly string[] } | undefined;

/**
 * The certificates named by NODE_EXTRA_CA_CERTS (a PEM file), which node:tls adds to its default
 * trust store. Read once per file name; an unreadable file is ignored with a warning, as Node does.
 */
export function extraCaCertificates(): readonly string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS || undefined;
  if (extraCached !== undefined && extraCached.file === file) return extraCached.certificates;
  let certificates: string[] = [];
  if (file !== undefined) {
    try {
      certificates = pemCertificates(readFileSync(file, 'utf8'));
    } catch (error) {
      process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(error as Error).message}`);
    }
  }
  extraCached = { file, certificates };
  return certificates;
}

/**
 * Trust anchors: `ca` split into single certificates, or, when the caller gives none, Node's
 * bundled roots plus NODE_EXTRA_CA_CERTS (as node:tls); either way followed by `alsoTrusted`
 * (the CA certificates a `pfx` carries, which node:tls adds to whichever store it has).
 */
export function resolveTrust(attrs: SecureAttributes, alsoTrusted: readonly string[] = []): { readonly ca: readonly string[]; readonly caFromUser: boolean } {
  if (attrs.ca === undefined) return { ca: [...rootCertificates, ...extraCaCertificates(), ...alsoTrusted], caFromUser: false };
  const given = Array.isArray(attrs.ca) ? (attrs.ca as readonly (string | Uint8Array)[]) : [attrs.ca as string | Uint8Array];
  const ca = given.flatMap((pem) => {
    const found = pemCertificates(text(pem));
    if (found.length === 0) throw new GskError(GskStatus.GSK_ERROR_BAD_CERTIFICATE, 'ca: no PEM certificate found');
    return found;
  });
  return { ca: [...ca, ...alsoTrusted], caFromUser: true };
}
