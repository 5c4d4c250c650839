import { Container } from 'inversify';
import { firstValueFrom } from 'rxjs';
import { installedBackends, memoryPipe, SecureEnvironment, TLS_BACKEND, useBackend, type TlsBackend } from '@tlsport/core';
import { examplePki } from './pki.js';

/**
 * Choosing the engine at configuration time: the application binds a backend by name in an
 * inversify Container (the composition root) and asks for TLS_BACKEND; nothing else in the code
 * names an engine. Here every installed backend is bound in turn and does one handshake.
 *
 *   npm run example -- di-backend [name ...]
 */
export async function main(args: readonly string[]): Promise<void> {
  const pki = examplePki();
  const names = args.length > 0 ? args : await installedBackends();
  console.log(`backends to bind: ${names.join(', ')}`);
  for (const name of names) {
    const container = new Container();
    try {
      await useBackend(container, name);
    } catch (error) {
      if (args.length > 0) throw error; // asked for by name: that is an error
      console.log(`${name}: installed but not loadable through DI (${(error as Error).message})`);
      continue;
    }
    const backend = container.get<TlsBackend>(TLS_BACKEND);
    const serverEnv = await SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key });
    const clientEnv = await SecureEnvironment.open(backend, { ca: pki.ca.cert, servername: 'localhost' });
    const [a, b] = memoryPipe();
    const client = clientEnv.openSession(a, {}, { ownsSocket: true });
    const server = serverEnv.openSession(b, {}, { ownsSocket: true });
    const [n] = await Promise.all([firstValueFrom(client.handshake$()), firstValueFrom(server.handshake$())]);
    console.log(`${name}: container.get(TLS_BACKEND) -> ${backend.constructor.name} "${backend.name}"; handshake ${n.version} ${n.cipherSuite}`);
    await Promise.all([client.close(), server.close()]);
    await Promise.all([clientEnv.close(), serverEnv.close()]);
  }
  pki.dispose();
}
