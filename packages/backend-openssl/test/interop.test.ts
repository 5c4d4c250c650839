import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { CIPHER_SUITES, type CipherSuiteInfo } from '@tlsport/core';
import { killChildren, opensslClientProcess, opensslServer, SocketEngine, type Child, type Issued, type OpensslServer } from '@tlsport/testkit';
import { backend } from './helpers/pair.js';
import { makePki, serverWith, type Pki } from './helpers/pki.js';

/** openssl CLI flags that pin one version and one suite. */
function suiteFlags(suite: CipherSuiteInfo): string[] {
  return suite.version === 'TLSv1.3' ? ['-tls1_3', '-ciphersuites', suite.openssl] : ['-tls1_2', '-cipher', suite.openssl];
}

/** `openssl s_server` echoing each line reversed (-rev). */
function sServer(args: readonly string[]): Promise<OpensslServer> {
  return opensslServer(['-rev', ...args]);
}

/** Our attributes that pin the same. */
function suiteAttrs(suite: CipherSuiteInfo) {
  return suite.version === 'TLSv1.3'
    ? { minVersion: 'TLSv1.3' as const, cipherSuites: suite.name }
    : { maxVersion: 'TLSv1.2' as const, ciphers: suite.openssl };
}

/** Each suite with the certificate it needs; the 1.3 suites with ECDSA and RSA both. */
function cases(pki: () => Pki): { title: string; suite: CipherSuiteInfo; cert: () => Issued }[] {
  return CIPHER_SUITES.flatMap((suite) => {
    const ecdsa = { title: `${suite.version} ${suite.name} (ECDSA)`, suite, cert: () => pki().ecdsa };
    const rsa = { title: `${suite.version} ${suite.name} (RSA)`, suite, cert: () => pki().rsa };
    if (suite.version === 'TLSv1.3') return [ecdsa, rsa];
    return [suite.auth === 'rsa' ? rsa : ecdsa];
  });
}

describe('interop with the openssl CLI over loopback TCP', function () {
  this.timeout(20_000);
  let pki: Pki;
  let dir: string;
  before(() => {
    pki = makePki();
    dir = mkdtempSync(join(tmpdir(), 'tlsport-interop-'));
  });
  afterEach(() => killChildren());
  after(() => {
    pki.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('our client -> openssl s_server', () => {
    for (const c of cases(() => pki)) {
      it(c.title, async () => {
        const cert = c.cert();
        const { port } = await sServer(['-cert', cert.chainFile, '-key', cert.keyFile, ...suiteFlags(c.suite), '-naccept', '1']);
        const client = await SocketEngine.connect(port, backend, { ...suiteAttrs(c.suite), ca: pki.ca.cert, servername: 'localhost' });
        try {
          const result = await client.handshakeDone();
          expect(result).to.include({ version: c.suite.version, cipherSuite: c.suite.name, peerVerified: true, resumed: false });
          expect(new X509Certificate(result.peerCertificates[0]!).fingerprint256).to.equal(new X509Certificate(cert.cert).fingerprint256);
          await client.send('hello tlsport\n');
          await client.until(() => client.receivedText() === 'tropslt olleh\n');
        } finally {
          await client.close();
        }
      });
    }

    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      it(`${version}: resumes with the session it was given`, async () => {
        const flag = version === 'TLSv1.3' ? '-tls1_3' : '-tls1_2';
        const { port } = await sServer(['-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile, flag, '-naccept', '2']);
        const attrs = { minVersion: version, maxVersion: version, ca: pki.ca.cert, servername: 'localhost' };
        const first = await SocketEngine.connect(port, backend, attrs);
        let session: Uint8Array;
        try {
          await first.handshakeDone();
          await first.send('one\n');
          await first.until(() => first.receivedText() === 'eno\n' && first.sessions.length > 0);
          session = first.sessions.at(-1)!;
        } finally {
          await first.close();
        }
        const second = await SocketEngine.connect(port, backend, { ...attrs, session });
        try {
          const result = await second.handshakeDone();
          expect(result.resumed).to.equal(true);
          expect(result.peerVerified).to.equal(true);
          await second.send('two\n');
          await second.until(() => second.receivedText() === 'owt\n');
        } finally {
          await second.close();
        }
      });

      it(`${version}: presents its client certificate to s_server -Verify`, async () => {
        const me = pki.ca.issue({ cn: 'tlsport client' });
        const { child: server, port } = await sServer(['-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile, '-Verify', '2', '-CAfile', pki.ca.certFile, '-verify_return_error', version === 'TLSv1.3' ? '-tls1_3' : '-tls1_2', '-naccept', '1']);
        const client = await SocketEngine.connect(port, backend, { maxVersion: version, ca: pki.ca.cert, cert: me.chain, key: me.key });
        try {
          await client.handshakeDone();
          await client.send('with certificate\n');
          await client.until(() => client.receivedText() === 'etacifitrec htiw\n');
          await server.waitFor(/depth=0 CN = tlsport client\s+verify return:1/, 'output');
        } finally {
          await client.close();
        }
      });
    }

    it('TLSv1.3: without the required client certificate fails with certificate-required', async () => {
      const { port } = await sServer(['-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile, '-Verify', '2', '-CAfile', pki.ca.certFile, '-tls1_3', '-naccept', '1']);
      const client = await SocketEngine.connect(port, backend, { ca: pki.ca.cert });
      try {
        // The 1.3 client finishes first; the server's alert arrives with the first read.
        await client.until(() => client.error !== undefined);
        expect(client.error?.fault).to.equal('certificate-required');
        expect(client.error?.origin).to.equal('peer');
      } finally {
        await client.close();
      }
    });
  });

  describe('openssl s_client -> our server', () => {
    /** s_client to our server; resolves after a line each way. */
    async function exchange(port: number, args: readonly string[]): Promise<Child> {
      const peer = opensslClientProcess(port, ['-CAfile', pki.ca.certFile, '-servername', 'localhost', '-verify_hostname', 'localhost', '-verify_return_error', ...args]);
      await peer.waitFor(/Verify return code: 0 \(ok\)/, 'output');
      peer.write('ping\n');
      return peer;
    }

    for (const c of cases(() => pki)) {
      it(c.title, async () => {
        const ours = await SocketEngine.listen(backend, { ...suiteAttrs(c.suite), ...serverWith(c.cert()) });
        try {
          const peer = await exchange(ours.port, suiteFlags(c.suite));
          await peer.waitFor(new RegExp(`New, ${c.suite.version}, Cipher is ${c.suite.openssl}`), 'output');
          const server = ours.accepted[0]!;
          await server.until(() => server.receivedText() === 'ping\n');
          expect(server.handshake).to.include({ version: c.suite.version, cipherSuite: c.suite.name, servername: 'localhost', resumed: false });
          await server.send('pong\n');
          await peer.waitFor(/^pong$/m, 'output');
        } finally {
          await ours.close();
        }
      });
    }

    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      it(`${version}: s_client resumes with the session it saved (-sess_out / -sess_in)`, async () => {
        const flag = version === 'TLSv1.3' ? '-tls1_3' : '-tls1_2';
        const file = join(dir, `session-${version}.pem`);
        const ours = await SocketEngine.listen(backend, serverWith(pki.ecdsa));
        try {
          const first = await exchange(ours.port, [flag, '-sess_out', file]);
          await ours.accepted[0]!.until(() => ours.accepted[0]!.receivedText() === 'ping\n');
          await ours.accepted[0]!.send('pong\n');
          await first.waitFor(/^pong$/m, 'output');  // 1.3 tickets were sent before this reply
          first.end();
          await first.exited;
          const second = await exchange(ours.port, [flag, '-sess_in', file]);
          await second.waitFor(new RegExp(`Reused, ${version}`), 'output');
          await ours.accepted[1]!.until(() => ours.accepted[1]!.receivedText() === 'ping\n');
          expect(ours.accepted[1]!.handshake?.resumed).to.equal(true);
        } finally {
          await ours.close();
        }
      });

      it(`${version}: verifies the client certificate s_client presents`, async () => {
        const them = pki.ca.issue({ cn: 'openssl client' });
        const ours = await SocketEngine.listen(backend, { ...serverWith(pki.ecdsa), maxVersion: version, ca: pki.ca.cert, requestCert: true, rejectUnauthorized: true });
        try {
          await exchange(ours.port, ['-cert', them.certFile, '-key', them.keyFile]);
          const server = ours.accepted[0]!;
          await server.until(() => server.receivedText() === 'ping\n');
          expect(server.handshake?.peerVerified).to.equal(true);
          expect(new X509Certificate(server.handshake!.peerCertificates[0]!).subject).to.equal('CN=openssl client');
        } finally {
          await ours.close();
        }
      });
    }
  });
});
