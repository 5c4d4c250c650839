import { createPrivateKey } from 'node:crypto';
import { bmpText, DerCursor, DerError, TAG } from './der.js';
import { pbeDecrypt, Pkcs12Secret, verifyMac } from './pbe.js';
import { Pkcs12Error } from './Pkcs12Error.js';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

/** Bags (of any type) past this are refused: a key store is small, a hostile file may not be. */
export const MAX_BAGS = 1000;

/** One certificate or key of a PKCS#12 file with the attributes that tie them together. */
export interface Pkcs12Entry {
  readonly kind: 'certificate' | 'key';
  /** Certificate: DER. Key: PKCS#8 DER, decrypted. */
  readonly der: Uint8Array;
  /** Key: PKCS#8 PEM, unencrypted. */
  readonly keyPem?: string;
  readonly friendlyName: string | undefined;
  /** Hex. */
  readonly localKeyId: string | undefined;
}

interface Reading {
  readonly secret: Pkcs12Secret;
  readonly entries: Pkcs12Entry[];
  bags: number;
}

function bagAttributes(set: DerCursor | undefined): { friendlyName?: string; localKeyId?: string } {
  const out: { friendlyName?: string; localKeyId?: string } = {};
  while (set !== undefined && !set.done) {
    const attribute = set.enter();
    const type = attribute.oid();
    const values = attribute.enter(TAG.SET);
    if (values.done) continue;
    const first = values.next();
    if (type === FRIENDLY_NAME && first.tag === TAG.BMP) out.friendlyName = bmpText(first.value);
    if (type === LOCAL_KEY_ID && first.tag === TAG.OCTET_STRING) out.localKeyId = Buffer.from(first.value).toString('hex');
  }
  return out;
}

function keyPem(pkcs8: Uint8Array): string {
  return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }) as string;
}

/** SafeContents (RFC 7292 §4.2): certificate and key bags; other bag types (CRLs, secrets) are skipped. */
function readBags(safeContents: Uint8Array, reading: Reading): void {
  const bags = new DerCursor(safeContents).enter();
  while (!bags.done) {
    if (++reading.bags > MAX_BAGS) throw new DerError(`more than ${MAX_BAGS} bags`);
    const bag = bags.enter();
    const type = bag.oid();
    const value = bag.enter(TAG.CTX0);
    const attrs = bagAttributes(bag.done ? undefined : bag.enter(TAG.SET));
    const common = { friendlyName: attrs.friendlyName, localKeyId: attrs.localKeyId };
    if (type === CERT_BAG) {
      const certBag = value.enter();
      if (certBag.oid() !== X509_CERTIFICATE) continue;
      reading.entries.push({ kind: 'certificate', der: certBag.enter(TAG.CTX0).octets(), ...common });
    } else if (type === SHROUDED_KEY_BAG) {
      const epki = value.enter();
      const algorithm = epki.enter();
      const pkcs8 = pbeDecrypt(algorithm, reading.secret, epki.octets());
      reading.entries.push({ kind: 'key', der: pkcs8, keyPem: keyPem(pkcs8), ...common });
    } else if (type === KEY_BAG) {
      const pkcs8 = value.next(TAG.SEQUENCE).encoded;
      reading.entries.push({ kind: 'key', der: pkcs8, keyPem: keyPem(pkcs8), ...common });
    }
  }
}

/** AuthenticatedSafe (RFC 7292 §4.1): plain (Data) and password-encrypted (EncryptedData) SafeContents. */
function readAuthenticatedSafe(content: Uint8Array, reading: Reading): void {
  const infos = new DerCursor(content).enter();
  while (!infos.done) {
    const info = infos.enter();
    const type = info.oid();
    const body = info.enter(TAG.CTX0);
    if (type === DATA) {
      readBags(body.octets(), reading);
    } else if (type === ENCRYPTED_DATA) {
      const encryptedData = body.enter();
      encryptedData.integer();
      const eci = encryptedData.enter();
      eci.oid();
      const algorithm = eci.enter();
      const ciphertext = eci.peek() === TAG.CTX0 ? new DerCursor(eci.next(TAG.CTX0).value).octets() : eci.next(TAG.CTX0_PRIMITIVE).value;
      readBags(pbeDecrypt(algorithm, reading.secret, ciphertext), reading);
    } else {
      throw new DerError(`unsupported PFX content ${type} (public-key privacy is not read)`);
    }
  }
}

/**
 * Reads a PKCS#12 (PFX) file (RFC 7292): checks its MAC with `password`, decrypts its encrypted
 * contents and shrouded keys (PBES2 with PBKDF2 and AES or 3DES, or PKCS#12's own 3DES PBE) and
 * returns every certificate and key with its friendlyName and localKeyId.
 * Throws Pkcs12Error: 'wrong-password', or 'malformed' (not DER, unsupported algorithms, past a bound).
 */
export function readPkcs12(file: Uint8Array, password: string): Pkcs12Entry[] {
  const reading: Reading = { secret: new Pkcs12Secret(password), entries: [], bags: 0 };
  let macChecked = false;
  try {
    const pfx = new DerCursor(file).enter();
    if (pfx.integer() !== 3) throw new DerError('PFX version is not 3');
    const authSafe = pfx.enter();
    if (authSafe.oid() !== DATA) throw new DerError('only password-integrity PFX files are supported');
    const content = authSafe.enter(TAG.CTX0).octets();
    if (!pfx.done) {
      verifyMac(pfx.enter(), reading.secret, content);
      macChecked = true;
    }
    readAuthenticatedSafe(content, reading);
  } catch (error) {
    // Once the MAC has proved the password, a block that does not decrypt is damage, not a wrong password.
    if (error instanceof Pkcs12Error && !(macChecked && error.reason === 'wrong-password')) throw error;
    // DerError, and node:crypto's errors on a key or cipher text that is not what it claims.
    throw new Pkcs12Error('malformed', `not a PKCS#12 file tlsport can read: ${(error as Error).message}`);
  }
  return reading.entries;
}
