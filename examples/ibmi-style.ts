import { CompletionPort, GskStatus, gskStatusName, Listener, SecureEnvironment, type Overlapped, type SecureSession } from '@tlsport/core';
import { exampleBackend } from './backend.js';
import { examplePki } from './pki.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The IBM i way: one completion port; every operation is started with a descriptorHandle and
 * completes on the port; one loop waits (QsoWaitForIOCompletion) and starts what comes next.
 * A server and a client share the port here, on loopback.
 *
 *   npm run example -- ibmi-style [backend]
 */
export async function main(args: readonly string[]): Promise<void> {
  const pki = examplePki();
  const backend = await exampleBackend(args[0]);
  // gsk_environment_open + gsk_attribute_set_* + gsk_environment_init, once per side.
  const serverEnv = await SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key });
  const clientEnv = await SecureEnvironment.open(backend, { ca: pki.ca.cert, servername: 'localhost' });
  const listener = await Listener.listen({ host: '127.0.0.1', port: 0 });
  const port = CompletionPort.create(); // QsoCreateIOCompletionPort

  listener.startAccept(port, { descriptorHandle: 'server' }); // QsoStartAccept
  const client = await clientEnv.connect({ host: '127.0.0.1', port: listener.port });
  client.startInit(port, { descriptorHandle: 'client' }); // gsk_secure_soc_startInit
  let server: SecureSession | undefined;
  const recv = (session: SecureSession, handle: string): GskStatus => session.startRecv(port, { descriptorHandle: handle, buffer: new Uint8Array(256), postFlag: true });

  console.log(`backend ${backend.name}, listening on 127.0.0.1:${listener.port}`);
  for (let shutdowns = 0; shutdowns < 2; ) {
    const c: Overlapped | null = await port.wait(5000); // QsoWaitForIOCompletion
    if (c === null) throw new Error('no completion within 5 s');
    const who = String(c.descriptorHandle);
    const data = c.buffer === undefined ? '' : decoder.decode(c.buffer.subarray(0, c.secureDataTransferSize));
    console.log(`[${who.padEnd(6)}] ${c.operationCompleted.padEnd(11)} ${gskStatusName(c.returnValue)}${data === '' ? '' : ` "${data}"`}`);
    if (c.returnValue !== GskStatus.GSK_OK && !(c.returnValue === GskStatus.GSK_ERROR_SOCKET_CLOSED && who === 'server')) throw c.error;

    switch (`${who} ${c.operationCompleted}`) {
      case 'server StartAccept':
        server = serverEnv.openSession(c.socket!, {}, { ownsSocket: true }); // gsk_secure_soc_open + GSK_FD
        server.startInit(port, { descriptorHandle: 'server' });
        break;
      case 'server StartInit':
        recv(server!, 'server');
        break;
      case 'client StartInit': {
        const n = c.negotiated!;
        console.log(`         negotiated ${n.version} ${n.cipherSuite} ${n.group} in ${n.handshakeMs.toFixed(1)} ms`);
        client.startSend(port, { descriptorHandle: 'client', buffer: encoder.encode('hello, IBM i'), postFlag: true });
        break;
      }
      case 'client StartSend':
        recv(client, 'client');
        break;
      case 'server StartRecv':
        if (c.returnValue === GskStatus.GSK_ERROR_SOCKET_CLOSED) {
          server!.startShutdown(port, { descriptorHandle: 'server' }); // the client said close_notify: answer it
          break;
        }
        server!.startSend(port, { descriptorHandle: 'server', buffer: encoder.encode(data.toUpperCase()), postFlag: true });
        recv(server!, 'server');
        break;
      case 'client StartRecv':
        client.startShutdown(port, { descriptorHandle: 'client' }); // 1-step close_notify
        break;
      case 'client Shutdown':
      case 'server Shutdown':
        shutdowns++;
        break;
    }
  }
  await Promise.all([client.close(), server?.close()]); // gsk_secure_soc_close
  port.destroy(); // QsoDestroyIOCompletionPort
  await listener.close();
  await Promise.all([clientEnv.close(), serverEnv.close()]); // gsk_environment_close
  pki.dispose();
  console.log('done: both sides shut down, port destroyed');
}
