import { createServer, type Socket } from 'node:net';
import { CompletionPort, Errno, gskStatusName, SecureEnvironment } from '@tlsport/core';
import { exampleBackend } from './backend.js';
import { examplePki } from './pki.js';

/**
 * Cancelling a handshake that cannot finish. The TCP server accepts and never answers, so the
 * ClientHello goes unanswered; QsoCancelOperation on the handshake's id posts it with ECANCELED,
 * tears the engine down and leaves the session closed.
 *
 *   npm run example -- cancel-handshake [backend]
 */
export async function main(args: readonly string[]): Promise<void> {
  const pki = examplePki();
  const silent: Socket[] = [];
  const server = createServer((socket) => silent.push(socket)); // accepts, says nothing
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: tcpPort } = server.address() as { port: number };

  const env = await SecureEnvironment.open(await exampleBackend(args[0]), { ca: pki.ca.cert, servername: 'localhost' });
  const port = CompletionPort.create();
  const session = await env.connect({ host: '127.0.0.1', port: tcpPort });
  const id = session.generateOperationId(); // QsoGenerateOperationId
  session.startInit(port, { operationId: id, descriptorHandle: 'never answered' });
  console.log(`startInit on a server that never answers; operation ${String(id)} pending: ${session.isOperationPending(id)}`);

  console.log(`after 300 ms, still nothing on the port: ${(await port.wait(300)) === null}`);
  const cancelled = session.cancelOperation(id); // QsoCancelOperation
  console.log(`cancelOperation(${String(id)}) cancelled ${cancelled} operation(s)`);

  const c = await port.wait(1000);
  if (c === null) throw new Error('the cancelled handshake was not posted');
  console.log(`port: ${c.operationCompleted} for "${String(c.descriptorHandle)}": ${gskStatusName(c.returnValue)}, errno ${c.errnoValue === Errno.ECANCELED ? 'ECANCELED' : c.errnoValue}`);
  console.log(`pending now: ${session.isOperationPending(id)}; session state: ${session.currentState}; nothing else posted: ${(await port.wait(100)) === null}`);

  await session.close();
  port.destroy();
  await env.close();
  for (const s of silent) s.destroy();
  await new Promise((resolve) => server.close(resolve));
  pki.dispose();
}
