import { CompletionPort, GskStatus, SecureEnvironment, memoryPipe, type Overlapped, type SecureAttributes, type SecureSession, type TlsBackend } from '@tlsport/core';
import { TestCa, type Issued } from '@tlsport/testkit';
import { expect } from 'chai';

/** One CA and a localhost ECDSA leaf shared by a test file. */
export interface Pki {
  ca: TestCa;
  leaf: Issued;
}

export function makePki(): Pki {
  const ca = TestCa.root();
  return { ca, leaf: ca.issue({ dns: ['localhost'], ips: ['127.0.0.1'] }) };
}

export interface SessionPair {
  port: CompletionPort;
  client: SecureSession;
  server: SecureSession;
  clientEnv: SecureEnvironment;
  serverEnv: SecureEnvironment;
  close(): Promise<void>;
}

/** A client and a server session over an in-memory pipe, not yet started, on one port. */
export async function sessionPair(
  clientBackend: TlsBackend,
  serverBackend: TlsBackend,
  pki: Pki,
  clientAttrs: SecureAttributes = {},
  serverAttrs: SecureAttributes = {},
): Promise<SessionPair> {
  const port = CompletionPort.create();
  const clientEnv = await SecureEnvironment.open(clientBackend, { ca: pki.ca.cert, servername: 'localhost', ...clientAttrs });
  const serverEnv = await SecureEnvironment.open(serverBackend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key, ...serverAttrs });
  const [a, b] = memoryPipe();
  const client = clientEnv.openSession(a, {}, { ownsSocket: true });
  const server = serverEnv.openSession(b, {}, { ownsSocket: true });
  return {
    port,
    client,
    server,
    clientEnv,
    serverEnv,
    async close() {
      await Promise.all([client.close(), server.close()]);
      port.destroy();
      await Promise.all([clientEnv.close(), serverEnv.close()]);
    },
  };
}

/** Waits for the next completion; fails the test if none arrives within `ms`. */
export async function next(port: CompletionPort, ms = 5000): Promise<Overlapped> {
  const c = await port.wait(ms);
  if (c === null) expect.fail(`no completion within ${ms} ms`);
  return c;
}

/**
 * Starts a receive and returns its result, whether it finished at once (start returned a final
 * status) or was posted later.
 */
export async function receive(session: SecureSession, port: CompletionPort, length = 16): Promise<Overlapped> {
  const o = { buffer: new Uint8Array(length) } as Overlapped;
  const status = session.startRecv(port, o);
  if (status !== GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV) return o;
  const c = await next(port);
  expect(c).to.equal(o);
  return c;
}

/** Starts both handshakes and returns both StartInit completions (client, server). */
export async function handshake(pair: SessionPair): Promise<{ client: Overlapped; server: Overlapped }> {
  const server = { descriptorHandle: 'server' };
  const client = { descriptorHandle: 'client' };
  expect(pair.server.startInit(pair.port, server)).to.equal(GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT);
  expect(pair.client.startInit(pair.port, client)).to.equal(GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT);
  await next(pair.port);
  await next(pair.port);
  return { client: client as Overlapped, server: server as Overlapped };
}

/** An established pair: both handshakes succeeded. */
export async function established(clientBackend: TlsBackend, serverBackend: TlsBackend, pki: Pki, clientAttrs: SecureAttributes = {}, serverAttrs: SecureAttributes = {}): Promise<SessionPair> {
  const pair = await sessionPair(clientBackend, serverBackend, pki, clientAttrs, serverAttrs);
  const { client, server } = await handshake(pair);
  expect(client.returnValue, String(client.error)).to.equal(GskStatus.GSK_OK);
  expect(server.returnValue, String(server.error)).to.equal(GskStatus.GSK_OK);
  return pair;
}
