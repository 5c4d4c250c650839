import { createHash } from 'node:crypto';
import { Container } from 'inversify';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import { loadBackendModule } from '../di/backendModule.js';
import { TLS_BACKEND } from '../di/tokens.js';
import type { TlsBackend } from '../engine/spi.js';
import { SecureEnvironment } from '../session/SecureEnvironment.js';
import type { BackendChoice } from './nodeOptions.js';

const DEFAULT_BACKEND = 'node-tls';
/** Environments kept for reuse; an evicted one closes once its last session has. */
const MAX_CACHED = 32;

const backends = new Map<string, Promise<TlsBackend>>();
const environments = new Map<string, Promise<SecureEnvironment>>();
const ids = new WeakMap<object, number>();
let nextId = 1;

/** A backend by name, loaded once through its DI module (the package's ContainerModule). */
export function backendFor(choice: BackendChoice | undefined): Promise<TlsBackend> {
  if (choice !== undefined && typeof choice !== 'string') return Promise.resolve(choice);
  const name = choice ?? DEFAULT_BACKEND;
  let found = backends.get(name);
  if (found === undefined) {
    found = loadBackendModule(name).then(async (module) => {
      const container = new Container();
      await container.load(module);
      return container.get<TlsBackend>(TLS_BACKEND);
    });
    found.catch(() => backends.delete(name));
    backends.set(name, found);
  }
  return found;
}

/** A key that is equal for equal attribute values (objects and functions by identity). */
function keyOf(choice: BackendChoice | undefined, attrs: SecureAttributes): string {
  const hash = createHash('sha256');
  const add = (value: unknown): void => {
    if (value === undefined) hash.update('u');
    else if (typeof value === 'string') hash.update(`s${value.length}:${value}`);
    else if (value instanceof Uint8Array) hash.update(`b${value.length}:`).update(value);
    else if (Array.isArray(value)) {
      hash.update(`a${value.length}`);
      for (const v of value) add(v);
    } else if (typeof value === 'object' || typeof value === 'function') {
      let id = ids.get(value as object);
      if (id === undefined) ids.set(value as object, (id = nextId++));
      hash.update(`o${id}`);
    } else hash.update(`p${String(value)}`);
  };
  add(choice);
  for (const name of Object.keys(attrs).sort()) {
    hash.update(name);
    add(attrs[name as keyof SecureAttributes]);
  }
  return hash.digest('base64');
}

/**
 * An initialized environment for these attributes, shared by the connections that use the same
 * options (as Node shares a SecureContext), so trust anchors and keys load once.
 */
export function environmentFor(choice: BackendChoice | undefined, attrs: SecureAttributes): Promise<SecureEnvironment> {
  const key = keyOf(choice, attrs);
  let found = environments.get(key);
  if (found !== undefined) {
    // Most recently used last, so eviction takes the oldest.
    environments.delete(key);
    environments.set(key, found);
    return found;
  }
  found = backendFor(choice).then((backend) => SecureEnvironment.open(backend, attrs));
  found.catch(() => environments.delete(key));
  environments.set(key, found);
  if (environments.size > MAX_CACHED) {
    const [oldestKey, oldest] = environments.entries().next().value as [string, Promise<SecureEnvironment>];
    environments.delete(oldestKey);
    void oldest.then((env) => env.close(), () => undefined);
  }
  return found;
}
