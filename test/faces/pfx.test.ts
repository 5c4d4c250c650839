import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as netServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { expect } from 'chai';
import { createServer, GskStatus, type TlsSocket } from '@tlsport/core';
import { TestCa, exportPkcs12, type Issued } from '@tlsport/testkit';
import { BACKEND_NAMES, connectError, listen, readAll, secureClient } from './support/fixture.js';

interface Pki {
  root: TestCa;
  foreign: TestCa;
  leaf: Issued;
  client: Issued;
  stranger: Issued;
  /** The server's leaf, its key, the intermediate and the root (keyless), openssl's PBES2/AES default. */
  serverPfx: Buffer;
  /** A client certificate and key, `openssl pkcs12 -legacy` (PKCS#12 3DES). */
  clientPfx: Buffer;
}

function makePki(): Pki {
  const root = TestCa.root({ cn: 'pfx contract root' });
  const intermediate = root.intermediate({ cn: 'pfx contract intermediate' });
  const leaf = intermediate.issue({ dns: ['localhost'], ips: ['127.0.0.1'] });
  const client = root.issue({ cn: 'pfx contract client', dns: ['client.test'] });
  const cas = join(root.dir, 'cas.pem');
  writeFileSync(cas, readFileSync(intermediate.certFile, 'utf8') + root.cert);
  const foreign = TestCa.root({ cn: 'pfx contract stranger CA' });
  return {
    root,
    foreign,
    leaf,
    client,
    stranger: foreign.issue({ cn: 'stranger', dns: ['stranger.test'] }),
    serverPfx: readFileSync(exportPkcs12(leaf, { file: join(root.dir, 'server.p12'), password: 'server pw', caCerts: cas })),
    clientPfx: readFileSync(exportPkcs12(client, { file: join(root.dir, 'client.p12'), password: 'client pw', legacy: true })),
  };
}

/** A node:tls client to 127.0.0.1:port, for "localhost": how the handshake went and what the server sent. */
async function nodeClient(port: number, options: tls.ConnectionOptions): Promise<{ authorized: boolean; protocol: string | null; chain: tls.DetailedPeerCertificate; body: string }> {
  const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ...options });
  await once(socket, 'secureConnect');
  const seen = { authorized: socket.authorized, protocol: socket.getProtocol(), chain: socket.getPeerCertificate(true) };
  return { ...seen, body: (await readAll(socket)).toString() };
}

/** How a client with `cert`/`key` fares against a server asking for a certificate: 'authorized' or the error code. */
async function clientCertOutcome(port: number, pki: Pki, client: Issued): Promise<string> {
  const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: pki.root.cert, cert: client.cert, key: client.key });
  socket.on('error', () => undefined);
  // TLS 1.3: the server's verdict on the client's certificate arrives after secureConnect, as data or an alert.
  const outcome = await new Promise<string>((resolve) => {
    socket.once('data', (d: Buffer) => resolve(d.toString()));
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    socket.once('close', () => resolve('closed'));
  });
  socket.destroy();
  return outcome;
}

describe('pfx and passphrase: PKCS#12 certificates on every backend, as node:tls takes them', function () {
  this.timeout(30_000);
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => {
    pki.root.dispose();
    pki.foreign.dispose();
  });

  for (const backend of BACKEND_NAMES) {
    describe(backend, () => {
      for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
        it(`a createServer() with pfx + passphrase serves its leaf and intermediate over ${version} to a node:tls client`, async () => {
          let own: string | undefined;
          const srv = await listen({ pfx: pki.serverPfx, passphrase: 'server pw', backend, minVersion: version, maxVersion: version }, (s: TlsSocket) => {
            own = String((s.getCertificate() as tls.PeerCertificate).subject.CN);
            s.end(`served by ${backend}`);
          });
          try {
            // The client knows only the root: the handshake verifies only if the server sent the intermediate.
            const seen = await nodeClient(srv.port, { ca: pki.root.cert });
            expect(seen.body).to.equal(`served by ${backend}`);
            expect([seen.authorized, seen.protocol]).to.deep.equal([true, version]);
            expect(seen.chain.issuerCertificate.subject.CN).to.equal('pfx contract intermediate');
            // getCertificate() on the server socket: the leaf the pfx holds.
            expect(own).to.be.a('string').and.equal(seen.chain.subject.CN);
          } finally {
            await srv.close();
          }
        });
      }

      it('connect() presents the client certificate of a legacy pfx ({ buf, passphrase } form) to a node:tls server', async () => {
        const server = tls.createServer({ cert: pki.leaf.chain, key: pki.leaf.key, ca: pki.root.cert, requestCert: true, rejectUnauthorized: true }, (s) => {
          s.end(`hello ${s.getPeerCertificate().subject.CN}`);
        });
        server.listen(0, '127.0.0.1');
        await once(server, 'listening');
        try {
          const client = await secureClient((server.address() as AddressInfo).port, { backend, ca: pki.root.cert, pfx: [{ buf: pki.clientPfx, passphrase: 'client pw' }] });
          expect((client.getCertificate() as tls.PeerCertificate).subject.CN).to.equal('pfx contract client');
          expect((await readAll(client)).toString()).to.equal('hello pfx contract client');
        } finally {
          server.close();
        }
      });

      it('a wrong passphrase: connect() errors with GSK_ERROR_BAD_KEYFILE_PASSWORD, createServer() throws it', async () => {
        const silent = netServer((s) => s.on('error', () => undefined));
        silent.listen(0, '127.0.0.1');
        await once(silent, 'listening');
        try {
          const { gskStatus, error } = await connectError((silent.address() as AddressInfo).port, { backend, pfx: pki.clientPfx, passphrase: 'wrong' });
          expect(gskStatus).to.equal(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD);
          expect(error.message).to.include('pfx:');
        } finally {
          silent.close();
        }
        expect(() => createServer({ backend, pfx: pki.serverPfx, passphrase: 'wrong' })).to.throw(/GSK_ERROR_BAD_KEYFILE_PASSWORD \(408\): pfx: /);
        expect(() => createServer({ backend, pfx: pki.serverPfx.subarray(0, 64), passphrase: 'server pw' })).to.throw(/GSK_KEYFILE_INVALID_FORMAT \(103\): pfx: /);
      });
    });
  }

  // node:tls adds a pfx's keyless certificates to the trust store: a server given only a pfx accepts
  // client certificates from the root inside it. Each backend must decide as node:tls itself does.
  const servers: Record<string, (options: tls.TlsOptions, onSecure: (s: tls.TLSSocket | TlsSocket) => void) => tls.Server | ReturnType<typeof createServer>> = {
    'node:tls itself': (options, onSecure) => tls.createServer(options, onSecure),
    ...Object.fromEntries(BACKEND_NAMES.map((backend) => [backend, (options: tls.TlsOptions, onSecure: (s: TlsSocket) => void) => createServer({ ...(options as object), backend }, onSecure)])),
  };
  it('the CA certificates in a pfx are trusted for client certificates, on every backend as in node:tls', async () => {
    const outcomes: Record<string, string[]> = {};
    for (const [name, make] of Object.entries(servers)) {
      const server = make({ pfx: pki.serverPfx, passphrase: 'server pw', requestCert: true, rejectUnauthorized: true }, (s) => s.end('authorized'));
      server.on('tlsClientError', () => undefined);
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const port = (server.address() as AddressInfo).port;
      try {
        outcomes[name] = [await clientCertOutcome(port, pki, pki.client), await clientCertOutcome(port, pki, pki.stranger)];
      } finally {
        server.close();
      }
    }
    for (const name of Object.keys(servers)) expect(outcomes[name]![0], name).to.equal('authorized');
    for (const name of Object.keys(servers)) expect(outcomes[name]![1], name).to.not.equal('authorized');
  });
});
