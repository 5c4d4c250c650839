import { GskError, SecureEnvironment, TlsError, type KeyMaterial, type TlsBackend } from '@tlsport/core';
import * as id from '../constants/ids.js';
import * as rc from '../constants/returnCodes.js';
import { GskEnvironment, type GskRef, type gsk_handle } from '../handles.js';
import { AttributeStatusError, toCoreAttributes } from '../attributes/toCore.js';
import { openApplication } from '../keystore/applicationRegistry.js';
import { KeyStoreError, openKeyRing } from '../keystore/keyRing.js';

let defaultBackend: TlsBackend | undefined;

/** The backend gsk_environment_open uses when none is passed (the program's composition root sets it once). */
export function gskUseBackend(backend: TlsBackend): void {
  defaultBackend = backend;
}

/** The status a failure of tlsport's own layers carries. */
export function statusOf(error: unknown): number {
  if (error instanceof AttributeStatusError || error instanceof KeyStoreError) return error.status;
  if (error instanceof GskError || error instanceof TlsError) return error.status;
  return rc.GSK_INTERNAL_ERROR;
}

/** gsk_environment_open: `env.value` receives a new environment handle. */
export function gsk_environment_open(env: GskRef<gsk_handle>, backend: TlsBackend | undefined = defaultBackend): number {
  if (env === null || typeof env !== 'object') return rc.GSK_IBMI_ERROR_INVALID_POINTER;
  if (backend === undefined || typeof backend.createContext !== 'function') return rc.GSK_API_NOT_AVAILABLE;
  env.value = new GskEnvironment(backend);
  return rc.GSK_OK;
}

function keyMaterial(env: GskEnvironment): KeyMaterial | undefined {
  const appId = env.values.get(id.GSK_IBMI_APPLICATION_ID) as string | undefined;
  if (appId !== undefined) return openApplication(appId);
  const file = env.values.get(id.GSK_KEYRING_FILE) as string | undefined;
  if (file === undefined) return undefined;
  return openKeyRing(file, env.values.get(id.GSK_KEYRING_PW) as string | undefined, env.values.get(id.GSK_KEYRING_LABEL) as string | undefined);
}

/**
 * gsk_environment_init: opens the key store (GSK_IBMI_APPLICATION_ID, else GSK_KEYRING_FILE),
 * checks the attributes and builds the engine context. Attributes are locked afterwards.
 */
export async function gsk_environment_init(env: gsk_handle): Promise<number> {
  if (!(env instanceof GskEnvironment) || env.state === 'closed') return rc.GSK_INVALID_HANDLE;
  if (env.state !== 'open') return rc.GSK_INVALID_STATE;
  try {
    const material = keyMaterial(env);
    const { attrs } = toCoreAttributes((attributeId) => env.values.get(attributeId), material);
    env.core = await SecureEnvironment.open(env.backend, attrs);
    env.material = material;
    env.state = 'initialized';
    return rc.GSK_OK;
  } catch (error) {
    return statusOf(error);
  }
}

/** GSK_ENVIRONMENT_CLOSE_CALLBACK's prototype: the environment whose last session is gone. */
export type GskEnvironmentCloseCallback = (my_env_handle: gsk_handle) => void;

/**
 * gsk_environment_close: no new sessions; sessions already open keep working. `env.value` is
 * cleared, as GSKit sets the caller's handle to NULL. With GSK_DELAYED_ENVIRONMENT_CLOSE, the
 * GSK_ENVIRONMENT_CLOSE_CALLBACK is called once the last of those sessions has closed.
 */
export function gsk_environment_close(env: GskRef<gsk_handle>): number {
  const handle = env?.value;
  if (!(handle instanceof GskEnvironment) || handle.state === 'closed') return rc.GSK_INVALID_HANDLE;
  handle.state = 'closed';
  env.value = undefined;
  // The engine context is released once its last session closes (core's environment close).
  const released = handle.core?.close() ?? Promise.resolve();
  const callback = handle.values.get(id.GSK_ENVIRONMENT_CLOSE_CALLBACK) as GskEnvironmentCloseCallback | undefined;
  if (callback !== undefined && handle.values.get(id.GSK_ENVIRONMENT_CLOSE_OPTIONS) === id.GSK_DELAYED_ENVIRONMENT_CLOSE) {
    void released.then(() => callback(handle));
  }
  return rc.GSK_OK;
}
