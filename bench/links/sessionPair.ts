import { CompletionPort, GskStatus, OperationKind, type SecureEnvironment, type SecureSession } from '@tlsport/core';
import type { Duplex } from 'node:stream';

/** A client and a server session, each over its end of one connection. */
export interface SessionPair {
  client: SecureSession;
  server: SecureSession;
}

/** Opens sessions over `clientEnd`/`serverEnd` (they take ownership) and completes both handshakes. */
export async function establishSessions(clientEnv: SecureEnvironment, serverEnv: SecureEnvironment, clientEnd: Duplex, serverEnd: Duplex): Promise<SessionPair> {
  const pair = { client: clientEnv.openSession(clientEnd, {}, { ownsSocket: true }), server: serverEnv.openSession(serverEnd, {}, { ownsSocket: true }) };
  const port = CompletionPort.create();
  pair.server.startInit(port, {});
  pair.client.startInit(port, {});
  for (let i = 0; i < 2; i++) {
    const c = await port.wait(30_000);
    if (c === null) throw new Error('handshake did not complete within 30 s');
    if (c.operationCompleted !== OperationKind.StartInit || c.returnValue !== GskStatus.GSK_OK) {
      throw new Error(`handshake failed: ${String(c.error?.message ?? c.returnValue)}`);
    }
  }
  return pair;
}

/** Closes both sessions (and with them their transports). */
export async function closeSessions(pair: SessionPair): Promise<void> {
  await Promise.all([pair.client.close(), pair.server.close()]);
}
