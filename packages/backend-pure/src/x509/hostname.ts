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
 * iPAddress entries only, a DNS name dNSName entries only: the subject CN is never a host name
 * (RFC 6125 §6.4.4 allows it only as a legacy fallback; the CA/B Forum requires every name in the
 * SAN, and Go, rustls and browsers ignore the CN).
 */
export function matchesHost(certificate: Certificate, host: string): boolean {
  const ip = parseIpLiteral(host);
  const san = certificate.subjectAltName;
  if (ip !== undefined) {
    return san?.ipAddresses.some((address) => address.length === ip.length && address.every((b, i) => b === ip[i])) ?? false;
  }
  const reference = canonical(host);
  return san?.dnsNames.some((name) => matchesDnsName(reference, name)) ?? false;
}
