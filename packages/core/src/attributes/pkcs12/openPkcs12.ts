import { createPublicKey, X509Certificate } from 'node:crypto';
import type { KeyMaterial } from './KeyMaterial.js';
import { readPkcs12, type Pkcs12Entry } from './pkcs12.js';
import { Pkcs12Error } from './Pkcs12Error.js';

/** A sent chain longer than this is cut: no real PKI is this deep, and each step costs signature checks. */
const MAX_CHAIN = 10;

interface ParsedCertificate {
  readonly entry: Pkcs12Entry;
  readonly x509: X509Certificate;
  readonly spki: string;
}

interface ParsedKey {
  readonly entry: Pkcs12Entry;
  readonly spki: string;
}

const spkiHex = (key: ReturnType<typeof createPublicKey>): string => key.export({ format: 'der', type: 'spki' }).toString('hex');

function parse(entries: readonly Pkcs12Entry[]): { certs: ParsedCertificate[]; keys: ParsedKey[] } {
  try {
    return {
      certs: entries.filter((e) => e.kind === 'certificate').map((entry) => {
        const x509 = new X509Certificate(entry.der);
        return { entry, x509, spki: spkiHex(x509.publicKey) };
      }),
      keys: entries.filter((e) => e.kind === 'key').map((entry) => ({ entry, spki: spkiHex(createPublicKey(entry.keyPem!)) })),
    };
  } catch (error) {
    throw new Pkcs12Error('malformed', `a certificate or key in the file is unreadable: ${(error as Error).message}`);
  }
}

/** The key for a certificate: by localKeyId when both carry one, else by matching public key. */
function keyFor(cert: ParsedCertificate, keys: readonly ParsedKey[]): ParsedKey | undefined {
  const id = cert.entry.localKeyId;
  return (id === undefined ? undefined : keys.find((k) => k.entry.localKeyId === id && k.spki === cert.spki)) ?? keys.find((k) => k.spki === cert.spki);
}

/** The leaf and the intermediates among `others` that issue it, in order; self-signed roots are not sent. */
function chainOf(leaf: ParsedCertificate, others: readonly ParsedCertificate[]): ParsedCertificate[] {
  const chain = [leaf];
  let current = leaf.x509;
  while (chain.length < MAX_CHAIN && current.issuer !== current.subject) {
    const issuer = others.find((c) => !chain.includes(c) && c.x509.subject !== c.x509.issuer && current.checkIssued(c.x509) && current.verify(c.x509.publicKey));
    if (issuer === undefined) break;
    chain.push(issuer);
    current = issuer.x509;
  }
  return chain;
}

/**
 * Opens a PKCS#12 file and picks this side's certificate: the one whose friendlyName is `label`
 * (GSKit's key label), else the first certificate that has its key. Its key is found by
 * localKeyId or public key; the chain sent is the leaf and the intermediates that issue it; the
 * certificates without a key are the trusted CAs. A file with no key at all (and no label asked)
 * gives only trusted certificates, a client's trust store.
 * Throws Pkcs12Error: 'wrong-password', 'malformed', 'label-not-found' or 'no-key' (the labelled certificate has none).
 */
export function openPkcs12(file: Uint8Array, password: string, label?: string): KeyMaterial {
  const { certs, keys } = parse(readPkcs12(file, password));
  let leaf: ParsedCertificate | undefined;
  if (label !== undefined && label !== '') {
    leaf = certs.find((c) => c.entry.friendlyName === label);
    if (leaf === undefined) throw new Pkcs12Error('label-not-found', `no certificate labelled "${label}"`);
    if (keyFor(leaf, keys) === undefined) throw new Pkcs12Error('no-key', `certificate "${label}" has no private key`);
  } else {
    leaf = certs.find((c) => keyFor(c, keys) !== undefined);
  }
  const others = certs.filter((c) => c !== leaf);
  return {
    chain: leaf === undefined ? [] : chainOf(leaf, others).map((c) => c.entry.der),
    keyPem: leaf === undefined ? undefined : keyFor(leaf, keys)!.entry.keyPem,
    trusted: others.filter((c) => keyFor(c, keys) === undefined).map((c) => c.entry.der),
  };
}
