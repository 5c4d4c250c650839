import { once } from 'node:events';
import { createServer as netServer, type AddressInfo, type Socket } from 'node:net';
import { expect } from 'chai';
import { connect, GskStatus, type TlsSocket } from '@tlsport/core';
import { pollUntil, run, selfSignedLeaf } from '@tlsport/testkit';
import { REPO_ROOT } from '../support/repoRoot.js';
import { BACKEND_NAMES, usePki, connectError, listen, readAll, secureClient } from './support/fixture.js';

/** A TCP server that accepts and never answers: a handshake to it stays pending. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server = netServer((s) => sockets.push(s.on('error', () => undefined)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('faces: TlsSocket, connect() and createServer() on every backend', function () {
  this.timeout(30_000);
  const pki = usePki();

  for (const backend of BACKEND_NAMES) {
    describe(backend, () => {
      it('echoes over a Duplex: events, negotiated values, addresses, end() as close_notify both ways', async () => {
        const serverSide: { socket?: TlsSocket; ended?: boolean } = {};
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend, ALPNProtocols: ['h2', 'http/1.1'] }, (s) => {
          serverSide.socket = s;
          s.on('data', (d: Buffer) => s.write(d.toString().toUpperCase()));
          s.on('end', () => {
            serverSide.ended = true;
          });
        });
        const client = await secureClient(srv.port, { ca: pki().ca.cert, backend, ALPNProtocols: ['http/1.1'] });
        expect(client.encrypted).to.equal(true);
        expect(client.authorized).to.equal(true);
        expect(client.alpnProtocol).to.equal('http/1.1');
        expect(client.getProtocol()).to.equal('TLSv1.3');
        expect(client.remotePort).to.equal(srv.port);
        expect(client.remoteAddress).to.equal('127.0.0.1');
        expect(client.localPort).to.be.a('number');
        client.write('hello, ');
        client.write('tlsport');
        let echoed = '';
        client.on('data', (d: Buffer) => (echoed += d.toString()));
        await pollUntil(() => echoed === 'HELLO, TLSPORT', 5000, () => `echo: ${echoed}`);
        expect(serverSide.socket!.servername).to.equal('localhost');
        expect(serverSide.socket!.alpnProtocol).to.equal('http/1.1');
        // The server sees our close_notify as the end of its stream and (allowHalfOpen false) ends too.
        client.end();
        await once(client, 'close');
        expect(serverSide.ended).to.equal(true);
        expect(client.bytesWritten).to.equal(14);
        expect(client.bytesRead).to.equal(14);
        await srv.close();
      });

      it('a client certificate: the server socket is authorized and sees it', async () => {
        let serverSocket: TlsSocket | undefined;
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, ca: pki().ca.cert, requestCert: true, backend }, (s) => {
          serverSocket = s;
          s.end('bye');
        });
        const client = await secureClient(srv.port, { ca: pki().ca.cert, cert: pki().client.chain, key: pki().client.key, backend });
        expect((await readAll(client)).toString()).to.equal('bye');
        expect(serverSocket!.authorized).to.equal(true);
        expect(serverSocket!.getPeerCertificate().subject.CN).to.equal('tlsport faces client');
        await srv.close();
      });

      it("'session' and getSession() resume a later connection; 'keylog' gives NSS lines", async () => {
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, (s) => s.end('x'));
        const first = connect({ host: '127.0.0.1', port: srv.port, servername: 'localhost', ca: pki().ca.cert, backend });
        const lines: string[] = [];
        first.on('keylog', (line: Buffer) => lines.push(line.toString()));
        const [state] = (await once(first, 'session')) as [Buffer];
        await readAll(first);
        expect(lines.some((l) => /^CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} [0-9a-f]+\n$/.test(l))).to.equal(true);
        expect(first.isSessionReused()).to.equal(false);
        const second = await secureClient(srv.port, { ca: pki().ca.cert, backend, session: state });
        expect(second.isSessionReused()).to.equal(true);
        await readAll(second);
        await srv.close();
      });

      it('err.code as node:tls spells it, beside gskStatus: refused, untrusted, self-signed, wrong name', async () => {
        const closed = await silentServer();
        await closed.close();
        const refused = await connectError(closed.port, { backend });
        expect(refused.code).to.equal('ECONNREFUSED');
        expect(refused.gskStatus).to.equal(GskStatus.GSK_ERROR_IO);

        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, (s) => s.end());
        const untrusted = await connectError(srv.port, { backend });
        expect(untrusted.code).to.equal('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
        expect(untrusted.gskStatus).to.equal(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT);
        const wrongName = await connectError(srv.port, { backend, ca: pki().ca.cert, servername: 'elsewhere.test' });
        expect(wrongName.code).to.equal('ERR_TLS_CERT_ALTNAME_INVALID');
        await srv.close();

        const self = selfSignedLeaf(pki().ca.dir);
        const selfSrv = await listen({ cert: self.cert, key: self.key, backend }, (s) => s.end());
        const selfSigned = await connectError(selfSrv.port, { backend });
        expect(selfSigned.code).to.equal('DEPTH_ZERO_SELF_SIGNED_CERT');
        expect(selfSigned.gskStatus).to.equal(GskStatus.GSK_ERROR_SELF_SIGNED);
        // rejectUnauthorized: false connects, unauthorized, with Node's reason.
        const lax = await secureClient(selfSrv.port, { backend, rejectUnauthorized: false });
        expect(lax.authorized).to.equal(false);
        expect(lax.authorizationError).to.equal('DEPTH_ZERO_SELF_SIGNED_CERT');
        lax.destroy();
        await selfSrv.close();
      });

      it('an AbortSignal cancels a pending handshake through cancelOperation (ABORT_ERR)', async () => {
        const silent = await silentServer();
        const controller = new AbortController();
        const socket = connect({ host: '127.0.0.1', port: silent.port, servername: 'localhost', backend, signal: controller.signal });
        await once(socket, 'connect');
        setTimeout(() => controller.abort(), 50);
        const [error] = (await once(socket, 'error')) as [Error & { code: string; gskStatus: number }];
        expect(error.code).to.equal('ABORT_ERR');
        expect(error.name).to.equal('AbortError');
        expect(error.gskStatus).to.equal(GskStatus.GSK_TLSPORT_ERROR_CANCELLED);
        expect(socket.destroyed).to.equal(true);
        await silent.close();
      });

      it("setTimeout emits 'timeout' on an idle connection", async () => {
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, () => undefined);
        const client = await secureClient(srv.port, { ca: pki().ca.cert, backend });
        const started = Date.now();
        await new Promise<void>((resolve) => client.setTimeout(100, resolve));
        expect(Date.now() - started).to.be.at.least(90);
        client.destroy();
        await srv.close();
      });

      it('a reader that stops reading holds the sender back: bounded buffering, then everything arrives', async () => {
        const total = 48 * 1024 * 1024;
        let sent = 0;
        let serverSocket: TlsSocket | undefined;
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, (s) => {
          serverSocket = s;
          const block = Buffer.alloc(256 * 1024, 7);
          const pump = (): void => {
            while (sent < total) {
              sent += block.length;
              if (!s.write(block)) return void s.once('drain', pump);
            }
            s.end();
          };
          pump();
        });
        const client = await secureClient(srv.port, { ca: pki().ca.cert, backend });
        client.pause();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // The client asked for nothing: its stream holds at most a receive's worth, and the server is stuck well short.
        expect(client.readableLength).to.be.at.most(128 * 1024);
        expect(sent).to.be.below(16 * 1024 * 1024);
        const sentWhilePaused = sent;
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(sent).to.equal(sentWhilePaused);
        let received = 0;
        client.on('data', (d: Buffer) => (received += d.length));
        client.resume();
        await once(client, 'end');
        expect(received).to.equal(total);
        expect(serverSocket!.bytesWritten).to.equal(total);
        await srv.close();
      });
    });
  }

  it('backend as a TlsBackend object, and a bad option named in the error', async () => {
    const { pureBackend } = await import('@tlsport/backend-pure');
    const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend: pureBackend }, (s) => s.end('object'));
    const client = await secureClient(srv.port, { ca: pki().ca.cert, backend: pureBackend });
    expect((await readAll(client)).toString()).to.equal('object');
    await srv.close();
    expect(() => connect({ port: 1, minVersion: 'TLSv1' })).to.throw(/minVersion: TLSv1 /);
    expect(() => connect({ port: 1, ciphers: 'RC4-MD5' })).to.throw(/ciphers: "RC4-MD5" names none/);
  });

  it('NODE_EXTRA_CA_CERTS is trusted by default on every backend, as node:tls trusts it', async () => {
    const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend: 'node-tls' }, (s) => s.end('trusted'));
    // A fresh process reads the variable, as Node does at startup; it connects without `ca` on each backend.
    const script = `
      import { connect } from '@tlsport/core';
      for (const backend of ${JSON.stringify(BACKEND_NAMES)}) {
        const socket = connect({ host: '127.0.0.1', port: ${srv.port}, servername: 'localhost', backend });
        const outcome = await new Promise((resolve) => {
          socket.once('secureConnect', () => resolve('authorized=' + socket.authorized));
          socket.once('error', (e) => resolve(e.code));
        });
        console.log(backend + ' ' + outcome);
        socket.destroy();
      }`;
    const withExtra = await run(process.execPath, ['--input-type=module', '-e', script], '', 20_000, { cwd: REPO_ROOT, env: { ...process.env, NODE_EXTRA_CA_CERTS: pki().ca.certFile } });
    expect(withExtra.stdout + withExtra.stderr).to.equal(BACKEND_NAMES.map((b) => `${b} authorized=true\n`).join(''));
    const without = await run(process.execPath, ['--input-type=module', '-e', script], '', 20_000, { cwd: REPO_ROOT, env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
    expect(without.stdout + without.stderr).to.equal(BACKEND_NAMES.map((b) => `${b} UNABLE_TO_VERIFY_LEAF_SIGNATURE\n`).join(''));
    await srv.close();
  });

  it('an expired server certificate: CERT_HAS_EXPIRED', async () => {
    const expired = pki().ca.issue({ dns: ['localhost'], notBeforeDays: -30, notAfterDays: -1 });
    for (const backend of BACKEND_NAMES) {
      const srv = await listen({ cert: expired.chain, key: expired.key, backend }, (s) => s.end());
      const failure = await connectError(srv.port, { ca: pki().ca.cert, backend });
      expect(failure.code, backend).to.equal('CERT_HAS_EXPIRED');
      expect(failure.gskStatus, backend).to.equal(GskStatus.GSK_ERROR_BAD_DATE);
      await srv.close();
    }
  });
});
