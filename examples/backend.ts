import { Container } from 'inversify';
import { TLS_BACKEND, useBackend, type TlsBackend } from '@tlsport/core';

/** The examples' composition root: a backend by name, through DI (default node-tls). */
export async function exampleBackend(name = 'node-tls'): Promise<TlsBackend> {
  const container = new Container();
  await useBackend(container, name);
  return container.get<TlsBackend>(TLS_BACKEND);
}
