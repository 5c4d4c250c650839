import type { Certificate } from './Certificate.js';
import { parseIpLiteral } from './ipAddress.js';

/** Lowercase, without the trailing dot of a fully qualified name. */
function canonical(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/**
 * One reference name against one presented name (RFC 6125 §6.4): exact, case-insensitive, or a
 * wildcard that is the whole left-most label, standing for exactly one non-empty label. No
 * partial-label wildcards ("f*.example.com"), none over a public-suffix-like single label
 * ("*.com"), none matching an IDN A-label (§6.4.3).
 */
function matchesDnsName(reference: string, presented: string): boolean {
  const pattern = canonical(presented);
  if (pattern === '' || reference === '') return false;
  if (!pattern.includes('*')) return pattern === reference;
  if (!pattern.startsWith('*.') || pattern.indexOf('*', 1) !== -1) return false;
  const suffix = pattern.slice(1); // ".example.com"
  if (!suffix.slice(1).includes('.')) return false;
  const dot = reference.indexOf('.');
  if (dot <= 0 || reference.slice(dot) !== suffix) return false;
  return !reference.startsWith('xn--');
}

/**
 * Whether the certificate is for `host`, a DNS name or an IP literal. An IP literal matches
 * iPAddress entries only. A DNS name matches dNSName entries; the subject CN is consulted only
 * when the certificate has no subjectAltName at all (RFC 6125 §6.4.4).
 */
export function matchesHost(certificate: Certificate, host: string): boolean {
  const ip = parseIpLiteral(host);
  const san = certificate.subjectAltName;
  if (ip !== undefined) {
    return san?.ipAddresses.some((address) => address.length === ip.length && address.every((b, i) => b === ip[i])) ?? false;
  }
  const reference = canonical(host);
  if (san !== undefined) return san.dnsNames.some((name) => matchesDnsName(reference, name));
  const cn = certificate.subject.commonName;
  return cn !== undefined && matchesDnsName(reference, cn);
}
