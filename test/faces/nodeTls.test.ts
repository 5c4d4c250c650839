import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
import { expect } from 'chai';
import type { TlsSocket } from '@tlsport/core';
import { opensslHasHybridGroups } from '@tlsport/core/openssl';
import { BACKEND_NAMES, facesPki, listen, secureClient, type FacesPki } from './support/fixture.js';

type Described = tls.PeerCertificate & { issuerCertificate?: Described };

/** getPeerCertificate(true) as a list (the objects link to each other, a root to itself). */
function flatten(cert: Described): { certificates: object[]; endsInSelf: boolean } {
  const certificates: object[] = [];
  let current: Described | undefined = cert;
  const seen = new Set<Described>();
  while (current != null && !seen.has(current)) {
    seen.add(current);
    const { issuerCertificate: _issuer, ...own } = current;
    certificates.push(own);
    current = current.issuerCertificate;
  }
  return { certificates, endsInSelf: current != null };
}

/** What both sides of the comparison report about one connection. */
function report(socket: tls.TLSSocket | TlsSocket, role: 'client' | 'server'): object {
  return {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher(),
    peer: flatten(socket.getPeerCertificate(true) as Described),
    leaf: socket.getPeerCertificate(),
    authorized: socket.authorized,
    alpn: socket.alpnProtocol,
    ...(role === 'client' ? { keyInfo: socket.getEphemeralKeyInfo() } : { servername: socket.servername }),
  };
}

/**
 * getPeerCertificate(true), getCipher(), getProtocol() and friends of a TlsSocket equal node:tls's
 * own for the same certificate and connection: each side measured against a plain node:tls peer,
 * once with a node:tls socket and once with a tlsport one.
 */
describe('faces: TlsSocket reports what node:tls reports', function () {
  this.timeout(30_000);
  let pki: FacesPki;
  let rsaLeaf: FacesPki['leaf'];
  before(() => {
    pki = facesPki();
    rsaLeaf = pki.ca.issue({ keyType: 'rsa-2048', dns: ['localhost'], ips: ['127.0.0.1'] });
  });
  after(() => pki.dispose());

  const cases = [
    { name: 'TLS 1.3, ECDSA chain with intermediate', version: 'TLSv1.3', rsa: false },
    { name: 'TLS 1.2, RSA leaf', version: 'TLSv1.2', rsa: true },
  ] as const;

  for (const backend of BACKEND_NAMES) {
    for (const c of cases) {
      it(`${backend} client against a node:tls server: ${c.name}`, async () => {
        const leaf = c.rsa ? rsaLeaf : pki.leaf;
        // The server's preference decides suite and group, so both clients get the same connection.
        const server = tls.createServer({ cert: leaf.chain, key: leaf.key, honorCipherOrder: true, ALPNProtocols: ['h2'], maxVersion: c.version }, (s) => s.on('error', () => undefined));
        server.listen(0, '127.0.0.1');
        await once(server, 'listening');
        const port = (server.address() as AddressInfo).port;
        const options = { host: '127.0.0.1', port, servername: 'localhost', ca: pki.ca.cert, ALPNProtocols: ['h2'] };
        const reference = tls.connect(options);
        await once(reference, 'secureConnect');
        const expected = report(reference, 'client');
        const ours = await secureClient(port, { ...options, backend });
        expect(report(ours, 'client')).to.deep.equal(expected);
        expect(ours.getProtocol()).to.equal(c.version);
        // Leaf, intermediate and (from the trust anchors) the root, which points at itself.
        expect(flatten(ours.getPeerCertificate(true) as Described)).to.include({ endsInSelf: true }).and.have.nested.property('certificates.length', c.rsa ? 2 : 3);
        reference.destroy();
        ours.destroy();
        await new Promise((resolve) => server.close(resolve));
      });
    }

    it(`${backend} client: getEphemeralKeyInfo() of a post-quantum hybrid group equals node:tls's (OpenSSL 3.5)`, async function () {
      if (!opensslHasHybridGroups(process.versions.openssl)) this.skip();  // the npm run test:node -- 24/26 runs
      const server = tls.createServer({ cert: pki.leaf.chain, key: pki.leaf.key, ecdhCurve: 'X25519MLKEM768' }, (s) => s.on('error', () => undefined));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const options = { host: '127.0.0.1', port: (server.address() as AddressInfo).port, servername: 'localhost', ca: pki.ca.cert, ecdhCurve: 'X25519MLKEM768' };
      const reference = tls.connect(options);
      await once(reference, 'secureConnect');
      const ours = await secureClient(options.port, { ...options, backend });
      expect(ours.getEphemeralKeyInfo()).to.deep.equal(reference.getEphemeralKeyInfo()).and.include({ type: 'TLSGroup', name: 'X25519MLKEM768' });
      reference.destroy();
      ours.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      it(`${backend} exportKeyingMaterial equals node:tls's peer's, ${version}, both roles, with and without context`, async () => {
        const ekm = (s: { exportKeyingMaterial(length: number, label: string, context?: Buffer): Buffer }): string[] => [
          s.exportKeyingMaterial(32, 'EXPERIMENTAL-tlsport').toString('hex'),
          s.exportKeyingMaterial(48, 'EXPERIMENTAL-tlsport', Buffer.from('context')).toString('hex'),
        ];
        // tlsport client, node:tls server.
        const nodeSockets: tls.TLSSocket[] = [];
        const nodeServer = tls.createServer({ cert: pki.leaf.chain, key: pki.leaf.key, maxVersion: version }, (s) => nodeSockets.push(s));
        nodeServer.listen(0, '127.0.0.1');
        await once(nodeServer, 'listening');
        const ours = await secureClient((nodeServer.address() as AddressInfo).port, { ca: pki.ca.cert, backend });
        while (nodeSockets.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        expect(ours.getProtocol()).to.equal(version);
        expect(ekm(ours)).to.deep.equal(ekm(nodeSockets[0]!));
        ours.destroy();
        nodeSockets[0]!.destroy();
        await new Promise((resolve) => nodeServer.close(resolve));
        // node:tls client, tlsport server.
        const oursServed: TlsSocket[] = [];
        const srv = await listen({ cert: pki.leaf.chain, key: pki.leaf.key, maxVersion: version, backend }, (s) => oursServed.push(s));
        const client = tls.connect({ host: '127.0.0.1', port: srv.port, servername: 'localhost', ca: pki.ca.cert });
        await once(client, 'secureConnect');
        while (oursServed.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        expect(ekm(oursServed[0]!)).to.deep.equal(ekm(client));
        client.destroy();
        await srv.close();
      });
    }

    it(`${backend} server against a node:tls client with a client certificate`, async () => {
      // One suite, so both servers negotiate the same connection (their preference orders differ).
      const serverOptions = { cert: pki.leaf.chain, key: pki.leaf.key, ca: pki.ca.cert, requestCert: true, ciphers: 'TLS_AES_256_GCM_SHA384' };
      const seen: (tls.TLSSocket | TlsSocket)[] = [];
      const reference = tls.createServer(serverOptions, (s) => seen.push(s));
      reference.listen(0, '127.0.0.1');
      await once(reference, 'listening');
      const ours = await listen({ ...serverOptions, backend }, (s) => seen.push(s));
      const reports: object[] = [];
      for (const port of [(reference.address() as AddressInfo).port, ours.port]) {
        const client = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: pki.ca.cert, cert: pki.client.chain, key: pki.client.key });
        await once(client, 'secureConnect');
        // The server socket is handed over after its handshake; wait until it has been.
        while (seen.length < (port === ours.port ? 2 : 1)) await new Promise((resolve) => setTimeout(resolve, 5));
        reports.push(report(seen[seen.length - 1]!, 'server'));
        client.destroy();
      }
      expect(reports[1]).to.deep.equal(reports[0]);
      for (const s of seen) s.destroy();
      await ours.close();
      await new Promise((resolve) => reference.close(resolve));
    });
  }
});
