import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { expect } from 'chai';
import { suiteByName } from '@tlsport/core';
import { killChildren, opensslClientProcess, opensslServer, SocketEngine, TestCa, type KeyType } from '@tlsport/testkit';
import { nodeTlsBackend } from '../src/index.js';

const CASES: { version: 'TLSv1.2' | 'TLSv1.3'; keyType: KeyType; flag: string }[] = [
  { version: 'TLSv1.3', keyType: 'ec-p256', flag: '-tls1_3' },
  { version: 'TLSv1.3', keyType: 'rsa-2048', flag: '-tls1_3' },
  { version: 'TLSv1.2', keyType: 'ec-p256', flag: '-tls1_2' },
  { version: 'TLSv1.2', keyType: 'rsa-2048', flag: '-tls1_2' },
];

describe('node-tls engine: interop with the openssl CLI over loopback TCP', function () {
  const ca = TestCa.root();
  const pumps: SocketEngine[] = [];
  const servers: Server[] = [];

  afterEach(async () => {
    await Promise.all(pumps.splice(0).map((p) => p.close()));
    await killChildren();
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });
  after(() => ca.dispose());

  /** A loopback listener on a port the OS picks; resolves the first connection it accepts. */
  async function listenOnce(): Promise<{ port: number; accepted: Promise<Socket> }> {
    const listener = createServer();
    servers.push(listener);
    const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    return { port: (listener.address() as { port: number }).port, accepted };
  }

  for (const { version, keyType, flag } of CASES) {
    it(`engine client -> openssl s_server, ${version} ${keyType}`, async () => {
      const leaf = ca.issue({ keyType });
      const { port } = await opensslServer(['-cert', leaf.certFile, '-key', leaf.keyFile, flag, '-www', '-naccept', '1']);
      const socket = createConnection({ host: '127.0.0.1', port });
      await new Promise((r) => socket.once('connect', r));
      const pump = await SocketEngine.open(socket, nodeTlsBackend, { ca: ca.cert, servername: 'localhost' });
      pumps.push(pump);
      await pump.until(() => pump.handshake !== undefined || pump.error !== undefined);
      expect(pump.error).to.equal(undefined);
      expect(pump.handshake?.version).to.equal(version);
      expect(pump.handshake?.peerVerified).to.equal(true);
      pump.send('GET / HTTP/1.0\r\n\r\n');
      await pump.until(() => pump.peerClosed);
      const page = Buffer.concat(pump.received).toString('latin1');
      expect(page).to.match(new RegExp(`Protocol\\s*: ${version.replace('.', '\\.')}`));
      // s_server reports what it negotiated, in OpenSSL's names.
      expect(page).to.contain(`${version}, Cipher is ${suiteByName(pump.handshake!.cipherSuite)!.openssl}`);
    });

    it(`openssl s_client -> engine server, ${version} ${keyType}`, async () => {
      const leaf = ca.issue({ keyType });
      const { port, accepted } = await listenOnce();
      const client = opensslClientProcess(port, ['-CAfile', ca.certFile, '-servername', 'localhost', '-verify_return_error', flag, '-quiet']);
      const pump = await SocketEngine.open(await accepted, nodeTlsBackend, { role: 'server', cert: leaf.chain, key: leaf.key });
      pumps.push(pump);
      await pump.until(() => pump.handshake !== undefined || pump.error !== undefined);
      expect(pump.error).to.equal(undefined);
      expect(pump.handshake?.version).to.equal(version);
      expect(pump.handshake?.servername).to.equal('localhost');
      expect(pump.handshake?.group).to.equal('x25519');
      client.write('ping\n');
      await pump.until(() => Buffer.concat(pump.received).toString() === 'ping\n');
      pump.send('pong\n');
      await client.waitFor(/pong/);
    });
  }

  it('TLS 1.2 renegotiation asked by openssl s_client is refused with no_renegotiation', async () => {
    const leaf = ca.issue();
    const { port, accepted } = await listenOnce();
    const client = opensslClientProcess(port, ['-CAfile', ca.certFile, '-servername', 'localhost', '-tls1_2']);
    const pump = await SocketEngine.open(await accepted, nodeTlsBackend, { role: 'server', cert: leaf.chain, key: leaf.key });
    pumps.push(pump);
    await pump.until(() => pump.handshake !== undefined);
    await client.waitFor(/Verify return code: 0/);
    client.write('R\n');
    // OpenSSL's client gives up when refused: it reports our no_renegotiation alert and aborts.
    await client.waitFor(/no renegotiation/, 'stderr');
    await pump.until(() => pump.error !== undefined);
    expect(pump.error?.origin).to.equal('peer');
    expect(pump.handshake?.version).to.equal('TLSv1.2');
  });
});
