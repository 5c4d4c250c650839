import { createServer } from 'node:net';
import { concatMap, firstValueFrom, from, lastValueFrom, map, switchMap, take, timeout, toArray } from 'rxjs';
import { SecureEnvironment } from '@tlsport/core';
import { exampleBackend } from './backend.js';
import { examplePki } from './pki.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The reactive layer: handshake$, data$ and send$ are cold observables over the same port
 * operations. Subscribing starts one; unsubscribing (take, timeout) cancels what is still pending.
 *
 *   npm run example -- rx-echo [backend]
 */
export async function main(args: readonly string[]): Promise<void> {
  const pki = examplePki();
  const backend = await exampleBackend(args[0]);
  const serverEnv = await SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key });
  const clientEnv = await SecureEnvironment.open(backend, { ca: pki.ca.cert, servername: 'localhost' });

  // Server: handshake, then every chunk goes back upper-cased; when the client closes, answer and release.
  const tcp = createServer((socket) => {
    const s = serverEnv.openSession(socket, {}, { ownsSocket: true });
    s.handshake$()
      .pipe(
        switchMap(() => s.data$),
        map((chunk) => encoder.encode(decoder.decode(chunk).toUpperCase())),
        concatMap((reply) => s.send$(reply)),
      )
      .subscribe({ complete: () => void s.shutdown().then(() => s.close()), error: () => void s.close() });
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  const { port } = tcp.address() as { port: number };

  const session = await clientEnv.connect({ host: '127.0.0.1', port });
  const n = await firstValueFrom(session.handshake$().pipe(timeout(5000)));
  console.log(`handshake$: ${n.version} ${n.cipherSuite} with the ${backend.name} backend`);

  // One word at a time: send$, then the first chunk of data$ is its echo.
  const echoes = await lastValueFrom(
    from(['alpha', 'beta', 'gamma']).pipe(
      concatMap((word) => session.send$(encoder.encode(word)).pipe(switchMap(() => session.data$.pipe(take(1))))),
      map((chunk) => decoder.decode(chunk)),
      timeout(5000),
      toArray(),
    ),
  );
  console.log(`echoes: ${echoes.join(' ')}`);

  // Nothing more is coming: timeout unsubscribes, which cancels the pending receive; the session stays usable.
  const quiet = await firstValueFrom(session.data$.pipe(map(() => 'data'), timeout({ first: 200, with: () => from(['timeout']) })));
  console.log(`data$ with a 200 ms timeout: ${quiet}; session still ${session.currentState}`);

  const bye = await session.shutdown({ twoStep: true }); // waits for the server's close_notify
  console.log(`2-step shutdown: ${bye.returnValue === 0 ? 'the server answered close_notify' : `status ${bye.returnValue}`}`);
  await session.close();
  await new Promise((resolve) => tcp.close(resolve));
  await Promise.all([clientEnv.close(), serverEnv.close()]);
  pki.dispose();
}
