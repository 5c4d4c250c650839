import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';

const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----/;
/** PKCS#8 EncryptedPrivateKeyInfo (RFC 5958 §3), or a legacy PEM key with "Proc-Type: 4,ENCRYPTED" (RFC 1421). */
const ENCRYPTED = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/;

function refuse(attribute: string, detail: string, cause?: unknown): GskError {
  const error = new GskError(GskStatus.GSK_ERROR_NO_PRIVATE_KEY, `${attribute}: ${detail}`);
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause });
  return error;
}

/** The key as node:crypto reads it (decrypted with `passphrase` when encrypted). */
function load(pem: string, passphrase: string | undefined, attribute: string): KeyObject {
  const encrypted = ENCRYPTED.test(pem);
  if (encrypted && passphrase === undefined) throw refuse(attribute, 'the private key is encrypted: set the passphrase attribute');
  try {
    return createPrivateKey(encrypted ? { key: pem, format: 'pem', passphrase } : { key: pem, format: 'pem' });
  } catch (cause) {
    const why = encrypted ? 'the passphrase does not decrypt the private key' : `unreadable private key (${(cause as Error).message})`;
    throw refuse(attribute, why, cause);
  }
}

/**
 * The private key every backend gets: PEM, never encrypted (an encrypted one is decrypted here,
 * once, so no engine ever asks for a password), and checked against the leaf certificate, so a
 * key that does not fit is refused at init with one status on every backend.
 */
export function resolvePrivateKey(keyPem: string, leafPem: string, passphrase: string | undefined, attribute: string): string {
  if (!PEM_PRIVATE_KEY.test(keyPem)) throw refuse(attribute, 'not a PEM private key');
  const key = load(keyPem, passphrase, attribute);
  let leafKey: KeyObject;
  try {
    leafKey = new X509Certificate(leafPem).publicKey;
  } catch (cause) {
    throw new GskError(GskStatus.GSK_ERROR_BAD_CERTIFICATE, `${attribute}: unreadable certificate (${(cause as Error).message})`);
  }
  // Compared as SPKI bytes: KeyObject.equals on keys of different types leaves an entry on
  // OpenSSL's error queue that makes the thread's next createPrivateKey fail (Node 20).
  const spki = (k: KeyObject): Buffer => k.export({ type: 'spki', format: 'der' });
  if (!spki(createPublicKey(key)).equals(spki(leafKey))) throw refuse(attribute, 'the private key does not match the certificate\'s public key');
  return ENCRYPTED.test(keyPem) ? (key.export({ format: 'pem', type: 'pkcs8' }) as string) : keyPem;
}
