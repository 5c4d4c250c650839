import { createServer, type Socket } from 'node:net';
import { CompletionPort, Errno, gskStatusName, SecureEnvironment, type TlsBackend } from '@tlsport/core';

/**
 * Cancels a handshake that cannot finish: the TCP server accepts and never says a word. Returns a
 * line describing what the port delivered; throws if the cancellation did not behave as specified.
 */
export async function cancelDemo(backend: TlsBackend, ca: string): Promise<string> {
  const silent: Socket[] = [];
  const server = createServer((socket) => silent.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  const env = await SecureEnvironment.open(backend, { ca, servername: 'localhost' });
  const port = CompletionPort.create();
  try {
    const session = await env.connect({ host: '127.0.0.1', port: address.port });
    const id = session.generateOperationId();
    session.startInit(port, { operationId: id });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pendingBefore = session.isOperationPending(id);
    const cancelled = session.cancelOperation(id);
    const c = await port.wait(1000);
    if (c === null || c.errnoValue !== Errno.ECANCELED || !pendingBefore || cancelled !== 1) {
      throw new Error(`cancel on ${backend.name}: pending=${pendingBefore} cancelled=${cancelled} completion=${c === null ? 'none' : c.errnoValue}`);
    }
    return `${backend.name}: pending=${pendingBefore} cancelOperation -> ${cancelled}; port: ${c.operationCompleted} ${gskStatusName(c.returnValue)} errno=ECANCELED; pending now=${session.isOperationPending(id)}, session ${session.currentState}`;
  } finally {
    port.destroy();
    await env.close();
    for (const s of silent) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}
