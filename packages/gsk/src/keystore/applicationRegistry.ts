import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as rc from '../constants/returnCodes.js';
import { KeyStoreError, openKeyRing } from './keyRing.js';
import type { KeyMaterial } from '@tlsport/core';

/**
 * Where GSK_IBMI_APPLICATION_ID is looked up: a JSON file mapping application ids to a key store
 * and label, the role IBM i's Digital Certificate Manager plays:
 *
 *   { "MY_SERVER_APP": { "keyring": "server.p12", "passwordEnv": "SERVER_P12_PW", "label": "server" } }
 *
 * `keyring` is relative to the registry file; the password comes from `password` or, better, from the
 * environment variable named by `passwordEnv`. Set with gskApplicationRegistry() or TLSPORT_GSK_APPLICATIONS.
 */
let registryFile: string | undefined;

export function gskApplicationRegistry(file: string | undefined): void {
  registryFile = file;
}

interface Registration {
  keyring?: unknown;
  password?: unknown;
  passwordEnv?: unknown;
  label?: unknown;
}

function optionalText(value: unknown, what: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new KeyStoreError(rc.GSK_IBMI_ERROR_NO_ACCESS, `application registry: ${what} must be a string`);
}

/** The key material registered for `applicationId`; KeyStoreError(GSK_IBMI_ERROR_NOT_REGISTERED) when it is not. */
export function openApplication(applicationId: string): KeyMaterial {
  const file = registryFile ?? process.env.TLSPORT_GSK_APPLICATIONS;
  if (file === undefined) throw new KeyStoreError(rc.GSK_IBMI_ERROR_NOT_REGISTERED, `application ${applicationId}: no application registry (gskApplicationRegistry or TLSPORT_GSK_APPLICATIONS)`);
  let table: Record<string, Registration>;
  try {
    table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Registration>;
  } catch (error) {
    throw new KeyStoreError(rc.GSK_IBMI_ERROR_NO_ACCESS, `application registry ${file}: ${(error as Error).message}`);
  }
  const entry = Object.hasOwn(table, applicationId) ? table[applicationId] : undefined;
  if (entry === undefined || typeof entry !== 'object' || entry === null) {
    throw new KeyStoreError(rc.GSK_IBMI_ERROR_NOT_REGISTERED, `application ${applicationId} is not registered in ${file}`);
  }
  const keyring = optionalText(entry.keyring, 'keyring');
  if (keyring === undefined) throw new KeyStoreError(rc.GSK_IBMI_ERROR_NOT_REGISTERED, `application ${applicationId} has no key store assigned`);
  const passwordEnv = optionalText(entry.passwordEnv, 'passwordEnv');
  const password = optionalText(entry.password, 'password') ?? (passwordEnv === undefined ? undefined : process.env[passwordEnv]);
  return openKeyRing(resolve(dirname(file), keyring), password, optionalText(entry.label, 'label'));
}
