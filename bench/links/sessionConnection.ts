import { CompletionPort, GskStatus, memoryPipe, OperationKind, SecureEnvironment, type Overlapped, type SecureSession } from '@tlsport/core';
import { BackendContender } from '../contenders/BackendContender.js';
import { lineup } from '../contenders/installed.js';
import type { BenchPki } from '../pki.js';

const ANSWER = Uint8Array.of(0x78);

/**
 * One connection through the session layer over an in-memory pipe, on `port`: client and server
 * sessions, full handshake, the server sends one byte, the client reads it, both shut down
 * (1-step) and close.
 */
export async function connection(clientEnv: SecureEnvironment, serverEnv: SecureEnvironment, port: CompletionPort): Promise<void> {
  const [a, b] = memoryPipe();
  const client = clientEnv.openSession(a, {}, { ownsSocket: true });
  const server = serverEnv.openSession(b, {}, { ownsSocket: true });
  server.startInit(port, { descriptorHandle: server });
  client.startInit(port, { descriptorHandle: client });
  let established = 0;
  const received = new Uint8Array(16);
  for (let pending = 4; pending > 0; pending--) {
    const c = await next(port);
    const session = c.descriptorHandle as SecureSession;
    if (c.operationCompleted === OperationKind.StartInit) {
      if (++established < 2) continue;
      if (server.startSend(port, { buffer: ANSWER, descriptorHandle: server }) === GskStatus.GSK_OK) pending--;
      if (client.startRecv(port, { buffer: received, descriptorHandle: client }) === GskStatus.GSK_OK) pending--;
    } else if (c.operationCompleted === OperationKind.StartRecv && c.secureDataTransferSize !== 1) {
      throw new Error(`the client received ${c.secureDataTransferSize} bytes, not 1`);
    } else if (session === undefined) {
      throw new Error(`unexpected completion ${c.operationCompleted}`);
    }
  }
  await Promise.all([server.shutdown(), client.shutdown()]);
  await Promise.all([server.close(), client.close()]);
}

async function next(port: CompletionPort): Promise<Overlapped> {
  const c = await port.wait(30_000);
  if (c === null) throw new Error('no completion within 30 s');
  if (c.returnValue !== GskStatus.GSK_OK) throw new Error(`${c.operationCompleted} failed: ${String(c.error?.message ?? c.returnValue)}`);
  return c;
}


/** Client and server environments (TLS 1.3, ECDSA) of the tlsport backend `name`; throws `usage` for any other name. */
export async function sessionEnvironments(pki: BenchPki, name: string | undefined, usage: string): Promise<[SecureEnvironment, SecureEnvironment]> {
  const contender = (await lineup(pki)).contenders.find((c) => c.name === name);
  if (!(contender instanceof BackendContender)) throw new Error(`usage: ${usage} (a tlsport backend, not ${name})`);
  return Promise.all([
    SecureEnvironment.open(contender.backend, { role: 'client', servername: 'localhost', ca: pki.ca('ecdsa'), minVersion: 'TLSv1.3' }),
    SecureEnvironment.open(contender.backend, { role: 'server', ...pki.server('ecdsa') }),
  ]);
}
