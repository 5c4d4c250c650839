import { readFileSync } from 'node:fs';
import { openPkcs12, Pkcs12Error, type KeyMaterial, type Pkcs12Failure } from '@tlsport/core';
import * as rc from '../constants/returnCodes.js';

/** A key store could not give what was asked: the GSK status GSKit returns from gsk_environment_init. */
export class KeyStoreError extends Error {
  constructor(readonly status: number, detail: string) {
    super(detail);
  }
}

const STATUS: Readonly<Record<Pkcs12Failure, number>> = {
  'wrong-password': rc.GSK_ERROR_BAD_KEYFILE_PASSWORD,
  malformed: rc.GSK_KEYFILE_INVALID_FORMAT,
  'label-not-found': rc.GSK_ERROR_BAD_KEYFILE_LABEL,
  'no-key': rc.GSK_ERROR_NO_PRIVATE_KEY,
};

/**
 * Opens a PKCS#12 key ring (GSK_KEYRING_FILE + GSK_KEYRING_PW) and picks this side's certificate
 * with core's reader: the one whose friendlyName is `label` (GSK_KEYRING_LABEL), else the first
 * certificate that has its key; certificates without a key are the trusted CAs, and a store with
 * no key at all is a client's trust store. Throws KeyStoreError with GSKit's status.
 */
export function openKeyRing(file: string, password: string | undefined, label: string | undefined): KeyMaterial {
  if (password === undefined) throw new KeyStoreError(rc.GSK_NO_KEYFILE_PASSWORD, `key ring ${file}: GSK_KEYRING_PW is not set`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new KeyStoreError(rc.GSK_KEYRING_OPEN_ERROR, `key ring ${file}: ${(error as Error).message}`);
  }
  try {
    return openPkcs12(bytes, password, label);
  } catch (error) {
    if (error instanceof Pkcs12Error) throw new KeyStoreError(STATUS[error.reason], `key ring ${file}: ${error.message}`);
    throw error;
  }
}
