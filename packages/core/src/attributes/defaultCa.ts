import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

let cached: { file: string | undefined; certificates: readonly string[] } | undefined;

/**
 * The certificates named by NODE_EXTRA_CA_CERTS (a PEM file), which node:tls adds to its default
 * trust store. Read once per file name; an unreadable file is ignored with a warning, as Node does.
 */
export function extraCaCertificates(): readonly string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS || undefined;
  if (cached !== undefined && cached.file === file) return cached.certificates;
  let certificates: string[] = [];
  if (file !== undefined) {
    try {
      certificates = (readFileSync(file, 'utf8').match(PEM_BLOCK) ?? []).map((c) => c + '\n');
    } catch (error) {
      process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(error as Error).message}`);
    }
  }
  cached = { file, certificates };
  return certificates;
}

/** The trust anchors used when the caller gives no `ca`: Node's bundled roots plus NODE_EXTRA_CA_CERTS. */
export function defaultCaCertificates(): string[] {
  return [...rootCertificates, ...extraCaCertificates()];
}
