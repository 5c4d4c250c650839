import { createPrivateKey } from 'node:crypto';
import { DerCursor, DerError, TAG } from './der.js';
import { pbeDecrypt, verifyMac } from './pbe.js';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

/** Bags past this are refused: a key store is small, a hostile file may not be. */
const MAX_BAGS = 1000;

/** One certificate or key of a PKCS#12 file with the attributes that tie them together. */
export interface Pkcs12Entry {
  readonly kind: 'certificate' | 'key';
  /** Certificate: DER. Key: PKCS#8 PEM, decrypted. */
  readonly der: Uint8Array;
  readonly keyPem?: string;
  readonly friendlyName: string | undefined;
  readonly localKeyId: string | undefined;
}

function bmpString(v: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < v.length; i += 2) s += String.fromCharCode((v[i]! << 8) | v[i + 1]!);
  return s;
}

function bagAttributes(set: DerCursor | undefined): { friendlyName?: string; localKeyId?: string } {
  const out: { friendlyName?: string; localKeyId?: string } = {};
  while (set !== undefined && !set.done) {
    const attribute = set.enter();
    const type = attribute.oid();
    const values = attribute.enter(TAG.SET);
    if (values.done) continue;
    const first = values.next();
    if (type === FRIENDLY_NAME && first.tag === TAG.BMP) out.friendlyName = bmpString(first.value);
    if (type === LOCAL_KEY_ID && first.tag === TAG.OCTET_STRING) out.localKeyId = Buffer.from(first.value).toString('hex');
  }
  return out;
}

function keyPem(pkcs8: Uint8Array): string {
  return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }) as string;
}

function readBags(safeContents: Uint8Array, password: string, out: Pkcs12Entry[]): void {
  const bags = new DerCursor(safeContents).enter();
  while (!bags.done) {
    if (out.length >= MAX_BAGS) throw new DerError('too many bags');
    const bag = bags.enter();
    const type = bag.oid();
    const value = bag.enter(TAG.CTX0);
    const attrs = bagAttributes(bag.done ? undefined : bag.enter(TAG.SET));
    const common = { friendlyName: attrs.friendlyName, localKeyId: attrs.localKeyId };
    if (type === CERT_BAG) {
      const certBag = value.enter();
      if (certBag.oid() !== X509_CERTIFICATE) continue;
      out.push({ kind: 'certificate', der: certBag.enter(TAG.CTX0).octets(), ...common });
    } else if (type === SHROUDED_KEY_BAG) {
      const epki = value.enter();
      const algorithm = epki.enter();
      const pkcs8 = pbeDecrypt(algorithm, password, epki.octets());
      out.push({ kind: 'key', der: pkcs8, keyPem: keyPem(pkcs8), ...common });
    } else if (type === KEY_BAG) {
      const pkcs8 = value.next(TAG.SEQUENCE).encoded;
      out.push({ kind: 'key', der: pkcs8, keyPem: keyPem(pkcs8), ...common });
    }
  }
}

/**
 * Reads a PKCS#12 (PFX) file (RFC 7292): checks its MAC with `password`, decrypts its encrypted
 * contents and shrouded keys (PBES2 with PBKDF2 and AES or 3DES, or PKCS#12's own 3DES PBE) and
 * returns every certificate and key with its friendlyName and localKeyId.
 * Throws DerError (malformed, unsupported) or PasswordError (wrong password).
 */
export function readPkcs12(file: Uint8Array, password: string): Pkcs12Entry[] {
  const pfx = new DerCursor(file).enter();
  if (pfx.integer() !== 3) throw new DerError('PFX version is not 3');
  const authSafe = pfx.enter();
  if (authSafe.oid() !== DATA) throw new DerError('only password-integrity PFX files are supported');
  const content = authSafe.enter(TAG.CTX0).octets();
  if (!pfx.done) verifyMac(pfx.enter(), password, content);
  const entries: Pkcs12Entry[] = [];
  const infos = new DerCursor(content).enter();
  while (!infos.done) {
    const info = infos.enter();
    const type = info.oid();
    const body = info.enter(TAG.CTX0);
    if (type === DATA) {
      readBags(body.octets(), password, entries);
    } else if (type === ENCRYPTED_DATA) {
      const encryptedData = body.enter();
      encryptedData.integer();
      const eci = encryptedData.enter();
      eci.oid();
      const algorithm = eci.enter();
      const ciphertext = eci.peek() === TAG.CTX0 ? new DerCursor(eci.next(TAG.CTX0).value).octets() : eci.next(TAG.CTX0_PRIMITIVE).value;
      readBags(pbeDecrypt(algorithm, password, ciphertext), password, entries);
    } else {
      throw new DerError(`unsupported PFX content ${type}`);
    }
  }
  return entries;
}
