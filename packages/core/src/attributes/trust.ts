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

/** Trust anchors: `ca` split into single certificates, or Node's bundled roots. */
export function resolveTrust(attrs: SecureAttributes): { readonly ca: readonly string[]; readonly caFromUser: boolean } {
  if (attrs.ca === undefined) return { ca: [...rootCertificates], caFromUser: false };
  const given = Array.isArray(attrs.ca) ? (attrs.ca as readonly (string | Uint8Array)[]) : [attrs.ca as string | Uint8Array];
  const ca = given.flatMap((pem) => {
    const found = pemCertificates(text(pem));
    if (found.length === 0) throw new GskError(GskStatus.GSK_ERROR_BAD_CERTIFICATE, 'ca: no PEM certificate found');
    return found;
  });
  return { ca, caFromUser: true };
}
