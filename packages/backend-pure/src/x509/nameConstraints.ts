import { TlsError } from '@tlsport/core/spi';
import type { Certificate, DistinguishedName, GeneralSubtree, NameConstraints } from './Certificate.js';
import type { GeneralName } from './generalNames.js';
import { toHex } from './hex.js';
import type { PathBudget } from './PathBudget.js';

/** A name a certificate carries, in a form a subtree can constrain. */
type ConstrainedName = Exclude<GeneralName, { form: 'other' }>;

/** Lowercase, without a trailing dot. */
function domain(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/**
 * dNSName within a subtree (RFC 5280 §4.2.1.10): the name itself or one with labels added on the
 * left; a leading period (a common extension) means subdomains only; the empty name is everything.
 */
function dnsWithin(name: string, subtree: string): boolean {
  const n = domain(name);
  const c = domain(subtree);
  if (c === '') return true;
  if (c.startsWith('.')) return n.endsWith(c);
  return n === c || n.endsWith(`.${c}`);
}

/** Whether a wildcard "*.d" could stand for a name inside the excluded subtree `c` (one label over d). */
function wildcardReaches(name: string, subtree: string): boolean {
  const n = domain(name);
  const c = domain(subtree).replace(/^\./, '');
  if (!n.startsWith('*.')) return false;
  const dot = c.indexOf('.');
  return dot > 0 && c.slice(dot) === n.slice(1);
}

/** rfc822Name within a subtree: a mailbox, a host ("example.com") or a domain (".example.com"). */
function emailWithin(address: string, subtree: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const host = domain(address.slice(at + 1));
  if (subtree.includes('@')) {
    const cut = subtree.lastIndexOf('@');
    return address.slice(0, at) === subtree.slice(0, cut) && host === domain(subtree.slice(cut + 1));
  }
  return subtree.startsWith('.') ? host.endsWith(domain(subtree)) : host === domain(subtree);
}

/** The host of a URI's authority, when it is a DNS name (RFC 3986 §3.2.2). */
function uriHost(uri: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#]*)/i.exec(uri);
  const host = match?.[1];
  if (host === undefined || host === '' || /^[\d.]+$/.test(host)) return undefined;
  return domain(host);
}

/** uniformResourceIdentifier within a subtree: a host, or a domain with a leading period. */
function uriWithin(host: string, subtree: string): boolean {
  return subtree.startsWith('.') ? host.endsWith(domain(subtree)) : host === domain(subtree);
}

function ipWithin(address: Uint8Array, subtree: { address: Uint8Array; mask: Uint8Array }): boolean {
  return address.length === subtree.address.length && address.every((b, i) => (b & subtree.mask[i]!) === (subtree.address[i]! & subtree.mask[i]!));
}

/** directoryName within a subtree: the subtree's RDNs begin the name's (RFC 5280 §7.1). */
function directoryWithin(name: DistinguishedName, subtree: DistinguishedName): boolean {
  return subtree.rdns.length <= name.rdns.length && subtree.rdns.every((rdn, i) => rdn === name.rdns[i]);
}

function within(name: ConstrainedName, subtree: GeneralSubtree, excluding: boolean): boolean {
  if (subtree.form !== name.form) return false;
  switch (name.form) {
    case 'dns': {
      const value = (subtree as { value: string }).value;
      return dnsWithin(name.value, value) || (excluding && wildcardReaches(name.value, value));
    }
    case 'email':
      return emailWithin(name.value, (subtree as { value: string }).value);
    case 'uri':
      return uriWithin(uriHost(name.value)!, (subtree as { value: string }).value);
    case 'ip':
      return ipWithin(name.bytes, subtree as { address: Uint8Array; mask: Uint8Array });
    case 'directory':
      return directoryWithin(name.name, (subtree as { name: DistinguishedName }).name);
  }
}

function describe(name: ConstrainedName): string {
  switch (name.form) {
    case 'ip':
      return `iPAddress ${name.bytes.length === 4 ? name.bytes.join('.') : toHex(name.bytes)}`;
    case 'directory':
      return `directoryName "${name.name.text}"`;
    default:
      return `${{ dns: 'dNSName', email: 'rfc822Name', uri: 'URI' }[name.form]} "${name.value}"`;
  }
}

/** The names of `certificate` that constraints apply to: its SAN entries, its subject and legacy e-mail attributes. */
function constrainedNames(certificate: Certificate): ConstrainedName[] {
  const names: ConstrainedName[] = [];
  for (const name of certificate.subjectAltName?.names ?? []) if (name.form !== 'other') names.push(name);
  if (certificate.subject.rdns.length > 0) names.push({ form: 'directory', name: certificate.subject });
  for (const email of certificate.subject.emails) names.push({ form: 'email', value: email });
  return names;
}

const violation = (detail: string): TlsError => new TlsError('name-constraints', detail);

/**
 * Checks `certificate`'s names against the constraints of `ca`, a CA above it in the path
 * (RFC 5280 §6.1.3 (b), (c)). Fails closed on a subtree it cannot evaluate and on a URI without a
 * DNS host when URIs are constrained. Every comparison is charged to `budget`.
 */
export function checkNameConstraints(ca: Certificate, constraints: NameConstraints, certificate: Certificate, budget: PathBudget): TlsError | undefined {
  const subtrees = [...(constraints.permitted ?? []), ...constraints.excluded];
  const unsupported = subtrees.find((s) => s.form === 'unsupported');
  if (unsupported !== undefined) return violation(`CA "${ca.subject.text}" has a name constraint tlsport cannot evaluate: ${unsupported.why}`);
  for (const name of constrainedNames(certificate)) {
    if (name.form === 'uri' && subtrees.some((s) => s.form === 'uri') && uriHost(name.value) === undefined) {
      return violation(`"${certificate.subject.text}": ${describe(name)} has no DNS host to check against the URI constraints of "${ca.subject.text}"`);
    }
    for (const subtree of constraints.excluded) {
      budget.spendComparison();
      if (within(name, subtree, true)) return violation(`"${certificate.subject.text}": ${describe(name)} is excluded by CA "${ca.subject.text}"`);
    }
    const sameForm = constraints.permitted?.filter((s) => s.form === name.form) ?? [];
    if (sameForm.length === 0) continue;
    budget.spendComparison(sameForm.length);
    if (!sameForm.some((subtree) => within(name, subtree, false))) {
      return violation(`"${certificate.subject.text}": ${describe(name)} is outside the permitted names of CA "${ca.subject.text}"`);
    }
  }
  return undefined;
}
