import { Container } from 'inversify';
import { TLS_BACKEND, useBackend, type TlsBackend } from '@tlsport/core';

/** The composition root of the CLI: a backend chosen by name through DI. */
export async function backendByName(name: string): Promise<TlsBackend> {
  const container = new Container();
  await useBackend(container, name);
  return container.get<TlsBackend>(TLS_BACKEND);
}
