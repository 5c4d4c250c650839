import { expect } from 'chai';
import { once } from 'node:events';
import { connect, createServer, type Server, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { AlertDescription, type SecureAttributes } from '@tlsport/core';
import { SocketEngine, TestCa, type Issued, type SocketListener } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';

/** OpenSSL's SSL_OP_NO_EXTENDED_MASTER_SECRET (3.0): a real node:tls peer that does not do RFC 7627. */
const SSL_OP_NO_EXTENDED_MASTER_SECRET = 1;

describe('TLS 1.2 extended master secret (RFC 7627) against a node:tls peer without it', function () {
  this.timeout(10_000);
  let ca: TestCa;
  let leaf: Issued;
  const cleanup: (() => Promise<void>)[] = [];

  before(() => {
    ca = TestCa.root();
    leaf = ca.issue({ keyType: 'ec-p256' });
  });
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  after(() => ca.dispose());

  /** A node:tls TLS 1.2 server without EMS that answers "hello" to whatever it gets. */
  async function legacyServer(): Promise<number> {
    const server: Server = createServer({ cert: leaf.chain, key: leaf.key, maxVersion: 'TLSv1.2', secureOptions: SSL_OP_NO_EXTENDED_MASTER_SECRET }, (s) => {
      s.on('error', () => {});
      s.on('data', () => s.write('hello from node\n'));
    });
    server.on('tlsClientError', () => {});
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanup.push(async () => {
      await new Promise((r) => server.close(r));
    });
    return (server.address() as AddressInfo).port;
  }

  async function pureClient(port: number, backend: PureBackend): Promise<SocketEngine> {
    const pump = await SocketEngine.connect(port, backend, { ca: ca.cert, servername: 'localhost', maxVersion: 'TLSv1.2' });
    cleanup.push(() => pump.close());
    return pump;
  }

  it('a pure client (EMS required by default) aborts with handshake_failure', async () => {
    const pump = await pureClient(await legacyServer(), new PureBackend());
    await pump.until(() => pump.error !== undefined);
    expect(pump.error).to.include({ fault: 'missing-extension', alert: AlertDescription.handshake_failure, origin: 'local' });
  });

  it('with requireExtendedMasterSecret: false the pure client connects (RFC 5246 master secret)', async () => {
    const pump = await pureClient(await legacyServer(), new PureBackend({ requireExtendedMasterSecret: false }));
    expect((await pump.handshakeDone()).version).to.equal('TLSv1.2');
    pump.send('ping\n');
    await pump.until(() => pump.receivedText().includes('hello from node'));
  });

  it('the requireExtendedMasterSecret: false attribute does the same on a default backend', async () => {
    const pump = await SocketEngine.connect(await legacyServer(), new PureBackend(), { ca: ca.cert, servername: 'localhost', maxVersion: 'TLSv1.2', requireExtendedMasterSecret: false });
    cleanup.push(() => pump.close());
    expect((await pump.handshakeDone()).version).to.equal('TLSv1.2');
  });

  async function pureServer(backend: PureBackend, attrs: SecureAttributes = {}): Promise<SocketListener> {
    const l = await SocketEngine.listen(backend, { cert: leaf.chain, key: leaf.key, ...attrs });
    cleanup.push(() => l.close());
    return l;
  }

  function legacyClient(port: number): TLSSocket {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca: ca.cert, maxVersion: 'TLSv1.2', secureOptions: SSL_OP_NO_EXTENDED_MASTER_SECRET });
    socket.on('error', () => {});
    cleanup.push(async () => {
      socket.destroy();
    });
    return socket;
  }

  it('a pure server (EMS required by default) refuses a client without it: handshake_failure', async () => {
    const l = await pureServer(new PureBackend());
    const socket = legacyClient(l.port);
    const [error] = (await once(socket, 'error').catch((e: unknown) => [e])) as [Error];
    expect(String(error)).to.match(/handshake failure/i);
    const pump = await l.next(0);
    await pump.until(() => pump.error !== undefined);
    expect(pump.error).to.include({ fault: 'missing-extension', alert: AlertDescription.handshake_failure });
  });

  it('with requireExtendedMasterSecret: false the pure server accepts it', async () => {
    const l = await pureServer(new PureBackend({ requireExtendedMasterSecret: false }));
    const socket = legacyClient(l.port);
    await once(socket, 'secureConnect');
    socket.write('ping\n');
    const pump = await l.next(0);
    await pump.until(() => pump.receivedText().includes('ping'));
    expect(pump.handshake!.version).to.equal('TLSv1.2');
  });

  it('the attribute overrides the backend option: requireExtendedMasterSecret: true refuses again', async () => {
    const l = await pureServer(new PureBackend({ requireExtendedMasterSecret: false }), { requireExtendedMasterSecret: true });
    const socket = legacyClient(l.port);
    const [error] = (await once(socket, 'error').catch((e: unknown) => [e])) as [Error];
    expect(String(error)).to.match(/handshake failure/i);
  });
});
