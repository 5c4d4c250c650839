import { expect } from 'chai';
import { CompletionPort, GskStatus, Listener, SecureEnvironment, type Overlapped, type TlsBackend } from '@tlsport/core';
import { BACKENDS } from '../support/backends.js';
import { makePki, next, receive, type Pki } from '../support/sessions.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * The 3 x 3 matrix: every backend's client against every backend's server over loopback TCP,
 * through the public port API (Listener.startAccept, connect, startInit, send, receive, shutdown),
 * in TLS 1.3 and TLS 1.2.
 */
describe('backend matrix over loopback TCP', function () {
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => pki.ca.dispose());

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    for (const server of BACKENDS) {
      for (const client of BACKENDS) {
        it(`${version}: ${client.name} client -> ${server.name} server`, async () => {
          await exchange(client, server, version, pki);
        });
      }
    }
  }
});

async function exchange(clientBackend: TlsBackend, serverBackend: TlsBackend, version: 'TLSv1.2' | 'TLSv1.3', pki: Pki): Promise<void> {
  const port = CompletionPort.create();
  const listener = await Listener.listen();
  const serverEnv = await SecureEnvironment.open(serverBackend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key, ALPNProtocols: ['h2', 'http/1.1'] });
  const clientEnv = await SecureEnvironment.open(clientBackend, { ca: pki.ca.cert, servername: 'localhost', minVersion: version, maxVersion: version, ALPNProtocols: ['http/1.1'] });
  try {
    listener.startAccept(port, { descriptorHandle: 'accept' });
    const client = await clientEnv.connect({ host: '127.0.0.1', port: listener.port });
    const accepted = await next(port);
    expect(accepted.operationCompleted).to.equal('StartAccept');
    const server = serverEnv.openSession(accepted.socket!, {}, { ownsSocket: true });
    server.startInit(port, { descriptorHandle: 'server' });
    client.startInit(port, { descriptorHandle: 'client' });
    const inits = [await next(port), await next(port)];
    for (const c of inits) expect(c.returnValue, `${String(c.descriptorHandle)}: ${String(c.error)}`).to.equal(GskStatus.GSK_OK);
    const negotiated = inits.find((c) => c.descriptorHandle === 'client')!.negotiated!;
    expect(negotiated.version).to.equal(version);
    expect(negotiated.alpnProtocol).to.equal('http/1.1');
    expect(negotiated.peerCertificate?.subject).to.include('CN=localhost');

    const ping = { buffer: text('ping'), postFlag: true };
    client.startSend(port, ping);
    expect((await next(port)).returnValue).to.equal(GskStatus.GSK_OK);
    const got = await receiveAll(server, port, 4);
    expect(got).to.equal('ping');
    server.startSend(port, { buffer: text('pong'), postFlag: true });
    await next(port);
    expect(await receiveAll(client, port, 4)).to.equal('pong');

    const shut = client.shutdown({ twoStep: true, timeoutMs: 3000 });
    expect((await receive(server, port)).returnValue).to.equal(GskStatus.GSK_ERROR_SOCKET_CLOSED);
    await server.shutdown();
    expect((await shut).returnValue).to.equal(GskStatus.GSK_OK);
    await Promise.all([client.close(), server.close()]);
  } finally {
    port.destroy();
    await listener.close();
    await Promise.all([clientEnv.close(), serverEnv.close()]);
  }
}

/** Receives until `length` bytes arrived (records may split the data). */
async function receiveAll(session: import('@tlsport/core').SecureSession, port: CompletionPort, length: number): Promise<string> {
  const o = { buffer: new Uint8Array(length), fillBuffer: true } as Overlapped;
  const status = session.startRecv(port, o);
  const c = status === GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV ? await next(port) : o;
  expect(c.returnValue, String(c.error)).to.equal(GskStatus.GSK_OK);
  return Buffer.from(c.buffer!.subarray(0, c.secureDataTransferSize)).toString();
}
