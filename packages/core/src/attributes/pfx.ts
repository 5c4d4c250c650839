import type { CertificateKeyPair } from '../engine/config.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { certificatePem } from './pkcs12/KeyMaterial.js';
import { openPkcs12 } from './pkcs12/openPkcs12.js';
import { Pkcs12Error, type Pkcs12Failure } from './pkcs12/Pkcs12Error.js';
import type { Pfx, SecureAttributes } from './SecureAttributes.js';

/** What a `pfx` attribute gives: this side's certificate and the CA certificates it carries. */
export interface ResolvedPfx {
  readonly certificate: CertificateKeyPair | undefined;
  /** PEM certificates of the file's keyless bags: node:tls adds them to the trusted CAs, and so does tlsport. */
  readonly ca: readonly string[];
}

const STATUS: Readonly<Record<Pkcs12Failure, GskStatus>> = {
  'wrong-password': GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD,
  malformed: GskStatus.GSK_KEYFILE_INVALID_FORMAT,
  'label-not-found': GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL,
  'no-key': GskStatus.GSK_ERROR_NO_PRIVATE_KEY,
};

/** Node's forms: one file, or a list of files and `{ buf, passphrase? }` objects. */
function files(pfx: NonNullable<SecureAttributes['pfx']>, passphrase: string | undefined): { buf: Pfx; passphrase: string | undefined }[] {
  const list = Array.isArray(pfx) ? (pfx as readonly (Pfx | { buf: Pfx; passphrase?: string })[]) : [pfx as Pfx];
  return list.map((item) => (typeof item === 'string' || item instanceof Uint8Array ? { buf: item, passphrase } : { buf: item.buf, passphrase: item.passphrase ?? passphrase }));
}

/**
 * The `pfx` attribute read once, here, into the PEM certificate/key pair `cert`/`key` give, so
 * every backend takes it unchanged. As node:tls: the password is the file's own `passphrase` or
 * the `passphrase` attribute (none: the empty password), a string is read as its UTF-8 bytes, the
 * file must hold a key, and its other certificates become trusted CAs. tlsport serves one
 * certificate, so one file.
 */
export function resolvePfx(attrs: SecureAttributes): ResolvedPfx {
  if (attrs.pfx === undefined) return { certificate: undefined, ca: [] };
  if (attrs.cert !== undefined || attrs.key !== undefined) throw new GskError(GskStatus.GSK_ERROR_UNSUPPORTED, 'pfx: give either pfx or cert/key, not both');
  const given = files(attrs.pfx, attrs.passphrase);
  if (given.length !== 1) throw new GskError(GskStatus.GSK_ERROR_UNSUPPORTED, `pfx: tlsport serves one certificate, so takes one PKCS#12 file (${given.length} given)`);
  const { buf, passphrase } = given[0]!;
  let material;
  try {
    material = openPkcs12(typeof buf === 'string' ? Buffer.from(buf, 'utf8') : buf, passphrase ?? '');
  } catch (error) {
    if (!(error instanceof Pkcs12Error)) throw error;
    const hint = error.reason === 'wrong-password' && passphrase === undefined ? ' (the file is password-protected: set passphrase)' : '';
    throw Object.defineProperty(new GskError(STATUS[error.reason], `pfx: ${error.message}${hint}`), 'cause', { value: error });
  }
  if (material.keyPem === undefined) throw new GskError(GskStatus.GSK_ERROR_NO_PRIVATE_KEY, 'pfx: the PKCS#12 file holds no private key for any of its certificates');
  return {
    certificate: { cert: material.chain.map(certificatePem).join(''), key: material.keyPem },
    ca: material.trusted.map(certificatePem),
  };
}
