import 'reflect-metadata';
import { ContainerModule, type ContainerModuleLoadOptions } from 'inversify';
import type { TlsBackend } from '../engine/spi.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { TLS_BACKEND } from './tokens.js';

/** inversify 6 hands a module its `bind` function first; inversify 7 one options object. */
type Bind = ContainerModuleLoadOptions['bind'];

/**
 * The ContainerModule a backend package exports: binds TLS_BACKEND to that backend. inversify is
 * the application's (a peer dependency): both 6.x and 7.x are supported and tested.
 */
export function backendModule(backend: TlsBackend): ContainerModule {
  return new ContainerModule((options: ContainerModuleLoadOptions | Bind) => {
    const bind: Bind = typeof options === 'function' ? options : (id) => options.bind(id);
    bind<TlsBackend>(TLS_BACKEND).toConstantValue(backend);
  });
}

/** Backend names and the packages that provide them. */
export const BACKEND_PACKAGES: Readonly<Record<string, string>> = {
  'node-tls': '@tlsport/backend-node-tls',
  openssl: '@tlsport/backend-openssl',
  pure: '@tlsport/backend-pure',
};

/** What a backend package exports for DI. */
interface BackendPackage {
  containerModule: ContainerModule;
}

/**
 * Loads a backend package by name and returns its ContainerModule. Throws GskError
 * (GSK_API_NOT_AVAILABLE) when the name is unknown or the package is not installed or failed to load.
 */
export async function loadBackendModule(name: string): Promise<ContainerModule> {
  const pkg = BACKEND_PACKAGES[name];
  if (pkg === undefined) {
    throw new GskError(GskStatus.GSK_API_NOT_AVAILABLE, `unknown backend "${name}" (known: ${Object.keys(BACKEND_PACKAGES).join(', ')})`);
  }
  let loaded: BackendPackage;
  try {
    loaded = (await import(pkg)) as BackendPackage;
  } catch (error) {
    throw new GskError(GskStatus.GSK_API_NOT_AVAILABLE, `backend "${name}" (${pkg}) could not be loaded: ${(error as Error).message}`);
  }
  if (!(loaded.containerModule instanceof ContainerModule)) {
    throw new GskError(GskStatus.GSK_API_NOT_AVAILABLE, `backend "${name}" (${pkg}) exports no containerModule`);
  }
  return loaded.containerModule;
}

/**
 * What useBackend needs of an inversify Container, typed loosely enough that a 6.x Container
 * (synchronous unbind and load, its own module type) fits as well as a 7.x one.
 */
export interface BackendContainer {
  /** Whether the id has a binding (Container.isBound). */
  isBound(id: symbol): boolean;
  /** Removes the id's bindings (Container.unbind; a promise in inversify 7). */
  unbind(id: symbol): unknown;
  /** Loads a ContainerModule (Container.load; a promise in inversify 7). */
  load(module: never): unknown;
}

/**
 * The one line that binds a backend by name at configuration time:
 * `await useBackend(container, 'openssl')`, then `container.get<TlsBackend>(TLS_BACKEND)`.
 */
export async function useBackend(container: BackendContainer, name: string): Promise<void> {
  const module = await loadBackendModule(name);
  // inversify 7 unbinds and loads asynchronously, 6 synchronously: awaiting serves both.
  if (container.isBound(TLS_BACKEND)) await container.unbind(TLS_BACKEND);
  await container.load(module as never);
}

/** Names of the backends whose packages load in this installation. */
export async function installedBackends(): Promise<string[]> {
  const names: string[] = [];
  for (const name of Object.keys(BACKEND_PACKAGES)) {
    try {
      await loadBackendModule(name);
      names.push(name);
    } catch {
      // Not installed or not built here: simply not offered.
    }
  }
  return names;
}
