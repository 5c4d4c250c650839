import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { Container } from 'inversify';
import {
  AlertDescription,
  CompletionPort,
  FAULT_BY_PEER_ALERT,
  GSK_BY_FAULT,
  GskStatus,
  installedBackends,
  SecureEnvironment,
  TLS_BACKEND,
  TlsError,
  useBackend,
  type Overlapped,
  type SecureAttributes,
  type TlsBackend,
} from '@tlsport/core';
import { GET, killChildren, opensslServer, type OpensslServer } from '@tlsport/testkit';
import { interopPki, type InteropPki } from '../support/interopPki.js';
import { SUITE_CASES } from '../support/suiteCases.js';

const WAIT_MS = 5000;

/** What one GET against an openssl -www server gave: the handshake, the page, and how the stream ended. */
interface Fetched {
  init: Overlapped;
  page: string;
  /** The operation that ended the exchange: a receive with GSK_ERROR_SOCKET_CLOSED when the server closed cleanly. */
  end: Overlapped | undefined;
  resumption: Uint8Array | undefined;
}

async function completion(port: CompletionPort): Promise<Overlapped> {
  const c = await port.wait(WAIT_MS);
  if (c === null) expect.fail(`no completion within ${WAIT_MS} ms`);
  return c;
}

/** Handshake, GET, read until the server closes: all through one completion port. */
async function fetchPage(backend: TlsBackend, port: number, attrs: SecureAttributes): Promise<Fetched> {
  const env = await SecureEnvironment.open(backend, attrs);
  const session = await env.connect({ host: '127.0.0.1', port });
  const cp = CompletionPort.create();
  try {
    session.startInit(cp, {});
    const init = await completion(cp);
    if (init.returnValue !== GskStatus.GSK_OK) return { init, page: '', end: undefined, resumption: undefined };
    session.startSend(cp, { buffer: new TextEncoder().encode(GET), postFlag: true });
    const sent = await completion(cp);
    // A TLS 1.3 server may reject us after our handshake completed: its alert can fail the send.
    if (sent.returnValue !== GskStatus.GSK_OK) return { init, page: '', end: sent, resumption: undefined };
    let page = '';
    for (;;) {
      session.startRecv(cp, { buffer: new Uint8Array(16_384), postFlag: true });
      const c = await completion(cp);
      if (c.returnValue !== GskStatus.GSK_OK) return { init, page, end: c, resumption: session.resumptionState };
      page += new TextDecoder().decode(c.buffer!.subarray(0, c.secureDataTransferSize));
    }
  } finally {
    await session.close();
    cp.destroy();
    await env.close();
  }
}

/** The library API, on every installed backend, as a client of `openssl s_server`. */
for (const name of await installedBackends()) {
  describe(`interop: ${name} client (library API) -> openssl s_server`, function () {
    this.timeout(15_000);
    let backend: TlsBackend;
    let pki: InteropPki;
    const www: Record<'ecdsa' | 'rsa' | 'verify', OpensslServer> = {} as never;
    const trusting = (): SecureAttributes => ({ ca: pki.ca.cert, servername: 'localhost' });

    before(async () => {
      // The composition root: the backend is bound by name and taken from the container.
      const container = new Container();
      await useBackend(container, name);
      backend = container.get<TlsBackend>(TLS_BACKEND);
      pki = interopPki();
      www.ecdsa = await opensslServer(['-www', '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile, '-alpn', 'http/1.1']);
      www.rsa = await opensslServer(['-www', '-cert', pki.rsa.certFile, '-key', pki.rsa.keyFile]);
      www.verify = await opensslServer(['-www', '-Verify', '1', '-CAfile', pki.ca.certFile, '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile]);
    });
    after(async () => {
      await killChildren();
      pki?.dispose();
    });

    for (const { suite, cert, attrs } of SUITE_CASES) {
      it(`${suite.version} ${suite.name} (${cert.toUpperCase()} certificate)`, async () => {
        const r = await fetchPage(backend, www[cert].port, { ...trusting(), ...attrs });
        expect(r.init.returnValue, String(r.init.error)).to.equal(GskStatus.GSK_OK);
        expect(r.init.negotiated).to.include({ version: suite.version, cipherSuite: suite.name, group: 'x25519', resumed: false });
        expect(r.init.negotiated!.peerCertificate).to.include({ verified: true, subject: 'CN=localhost' });
        expect(r.page).to.include(`${suite.version}, Cipher is ${suite.openssl}`);
        expect(r.end?.returnValue).to.equal(GskStatus.GSK_ERROR_SOCKET_CLOSED);
      });
    }

    for (const group of ['x25519', 'secp256r1', 'secp384r1'] as const) {
      it(`group ${group}`, async () => {
        const r = await fetchPage(backend, www.ecdsa.port, { ...trusting(), groups: group });
        expect(r.init.negotiated?.group, String(r.init.error)).to.equal(group);
      });
    }

    it('ALPN', async () => {
      const r = await fetchPage(backend, www.ecdsa.port, { ...trusting(), ALPNProtocols: ['h2', 'http/1.1'] });
      expect(r.init.negotiated?.alpnProtocol, String(r.init.error)).to.equal('http/1.1');
    });

    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      it(`${version} resumption with the state openssl's ticket gave`, async () => {
        const attrs: SecureAttributes = { ...trusting(), minVersion: version, maxVersion: version };
        const first = await fetchPage(backend, www.ecdsa.port, attrs);
        expect(first.resumption, 'no resumption state').to.be.instanceOf(Uint8Array);
        const second = await fetchPage(backend, www.ecdsa.port, { ...attrs, session: first.resumption });
        expect(second.init.negotiated).to.include({ version, resumed: true });
        expect(second.page).to.include('Reused, ');
      });
    }

    it('key log lines are the ones openssl logged for the same connection', async () => {
      const file = join(pki.ca.dir, `keylog-${name}.txt`);
      const server = await opensslServer(['-www', '-naccept', '1', '-keylogfile', file, '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile]);
      const lines: string[] = [];
      const r = await fetchPage(backend, server.port, { ...trusting(), keylog: (line) => lines.push(line) });
      expect(r.init.returnValue).to.equal(GskStatus.GSK_OK);
      expect(await server.child.exitCode()).to.equal(0);
      const logged = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      expect(lines.map((l) => l.split(' ')[0])).to.include.members(['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0']);
      expect([...lines].sort()).to.deep.equal([...logged].sort());
    });

    describe('client certificates (openssl -Verify)', () => {
      it('sent: openssl verified it', async () => {
        const r = await fetchPage(backend, www.verify.port, { ...trusting(), cert: pki.client.chain, key: pki.client.key });
        expect(r.init.returnValue, String(r.init.error)).to.equal(GskStatus.GSK_OK);
        expect(r.page).to.match(/Client certificate[\s\S]*Subject: ?CN ?= ?tlsport interop client/);
      });

      it('missing, TLS 1.3: the handshake completes, then the certificate_required alert fails the receive', async () => {
        const r = await fetchPage(backend, www.verify.port, { ...trusting(), minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
        expect(r.init.returnValue).to.equal(GskStatus.GSK_OK);
        expect(r.end?.returnValue).to.equal(GskStatus.GSK_TLSPORT_ERROR_CERTIFICATE_REQUIRED);
        expect(r.end?.error).to.be.instanceOf(TlsError).and.include({ origin: 'peer', alert: AlertDescription.certificate_required });
      });

      it('missing, TLS 1.2: the handshake fails with the peer\'s handshake_failure', async () => {
        const r = await fetchPage(backend, www.verify.port, { ...trusting(), minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
        expect(r.init.returnValue).to.equal(GSK_BY_FAULT[FAULT_BY_PEER_ALERT[AlertDescription.handshake_failure]!]);
        expect(r.init.error).to.be.instanceOf(TlsError).and.include({ origin: 'peer', alert: AlertDescription.handshake_failure });
      });
    });

    it('unknown CA: the StartInit completion carries GSK_IBMI_ERROR_NOT_TRUSTED_ROOT', async () => {
      const server = await opensslServer(['-www', '-naccept', '1', '-cert', pki.stranger.chainFile, '-key', pki.stranger.keyFile]);
      const r = await fetchPage(backend, server.port, trusting());
      expect(r.init.returnValue).to.equal(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT);
      expect(r.init.error).to.be.instanceOf(TlsError).and.include({ fault: 'unknown-ca', origin: 'local' });
      await server.child.kill();
    });
  });
}
