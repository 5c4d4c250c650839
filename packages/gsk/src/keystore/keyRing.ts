import { readFileSync } from 'node:fs';
import { X509Certificate, createPublicKey } from 'node:crypto';
import * as rc from '../constants/returnCodes.js';
import { DerError } from './der.js';
import type { KeyMaterial } from './KeyMaterial.js';
import { PasswordError } from './pbe.js';
import { readPkcs12, type Pkcs12Entry } from './pkcs12.js';

/** A key store could not give what was asked: the GSK status GSKit returns from gsk_environment_init. */
export class KeyStoreError extends Error {
  constructor(readonly status: number, detail: string) {
    super(detail);
  }
}

function readStore(file: string, password: string): Pkcs12Entry[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new KeyStoreError(rc.GSK_KEYRING_OPEN_ERROR, `key ring ${file}: ${(error as Error).message}`);
  }
  try {
    return readPkcs12(bytes, password);
  } catch (error) {
    if (error instanceof PasswordError) throw new KeyStoreError(rc.GSK_ERROR_BAD_KEYFILE_PASSWORD, `key ring ${file}: ${error.message}`);
    if (error instanceof DerError || error instanceof RangeError) throw new KeyStoreError(rc.GSK_KEYFILE_INVALID_FORMAT, `key ring ${file} is not a PKCS#12 file tlsport can read: ${error.message}`);
    throw new KeyStoreError(rc.GSK_KEYFILE_INVALID_FORMAT, `key ring ${file}: ${(error as Error).message}`);
  }
}

function publicKeyOf(der: Uint8Array): string {
  return new X509Certificate(der).publicKey.export({ format: 'der', type: 'spki' }).toString('hex');
}

/** The key for a certificate: by localKeyId when both carry one, else by matching public key. */
function keyFor(cert: Pkcs12Entry, keys: readonly Pkcs12Entry[]): Pkcs12Entry | undefined {
  const byId = cert.localKeyId === undefined ? undefined : keys.find((k) => k.localKeyId === cert.localKeyId);
  if (byId !== undefined) return byId;
  const spki = publicKeyOf(cert.der);
  return keys.find((k) => createPublicKey(k.keyPem!).export({ format: 'der', type: 'spki' }).toString('hex') === spki);
}

/** The leaf and the intermediates found among `others` that issue it, in order; roots are not sent. */
function chainOf(leaf: Uint8Array, others: readonly Uint8Array[]): Uint8Array[] {
  const chain = [leaf];
  let current = new X509Certificate(leaf);
  while (chain.length <= others.length && current.issuer !== current.subject) {
    const issuer = others.find((c) => !chain.includes(c) && current.checkIssued(new X509Certificate(c)) && current.verify(new X509Certificate(c).publicKey));
    if (issuer === undefined) break;
    const next = new X509Certificate(issuer);
    if (next.issuer === next.subject) break;
    chain.push(issuer);
    current = next;
  }
  return chain;
}

/**
 * Opens a PKCS#12 key ring (GSK_KEYRING_FILE + GSK_KEYRING_PW) and picks this side's certificate:
 * the one whose friendlyName is `label` (GSK_KEYRING_LABEL), else the first certificate that has
 * its key. Certificates without a key are the trusted CAs. A store with no key at all is a
 * client's trust store. Throws KeyStoreError with GSKit's status.
 */
export function openKeyRing(file: string, password: string | undefined, label: string | undefined): KeyMaterial {
  if (password === undefined) throw new KeyStoreError(rc.GSK_NO_KEYFILE_PASSWORD, `key ring ${file}: GSK_KEYRING_PW is not set`);
  const entries = readStore(file, password);
  const certs = entries.filter((e) => e.kind === 'certificate');
  const keys = entries.filter((e) => e.kind === 'key');
  let leaf: Pkcs12Entry | undefined;
  if (label !== undefined && label !== '') {
    leaf = certs.find((c) => c.friendlyName === label);
    if (leaf === undefined) throw new KeyStoreError(rc.GSK_ERROR_BAD_KEYFILE_LABEL, `key ring ${file}: no certificate labelled "${label}"`);
    if (keyFor(leaf, keys) === undefined) throw new KeyStoreError(rc.GSK_ERROR_NO_PRIVATE_KEY, `key ring ${file}: certificate "${label}" has no private key`);
  } else {
    leaf = certs.find((c) => keyFor(c, keys) !== undefined);
  }
  const key = leaf === undefined ? undefined : keyFor(leaf, keys);
  const others = certs.filter((c) => c !== leaf).map((c) => c.der);
  return {
    chain: leaf === undefined ? [] : chainOf(leaf.der, others),
    keyPem: key?.keyPem,
    trusted: others.filter((c) => certs.some((e) => e.der === c && keyFor(e, keys) === undefined)),
  };
}
