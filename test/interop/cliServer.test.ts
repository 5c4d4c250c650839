import { expect } from 'chai';
import { installedBackends } from '@tlsport/core';
import { GET, killChildren, opensslClient, opensslClientProcess, type Child } from '@tlsport/testkit';
import { interopPki, type InteropPki } from '../support/interopPki.js';
import { SUITE_CASES } from '../support/suiteCases.js';
import { tlsportServer } from '../support/tlsportCli.js';

/** `openssl s_client` against `tlsport s_server` (the real binary), once per installed backend. */
for (const backend of await installedBackends()) {
  describe(`interop: openssl s_client -> tlsport s_server --backend ${backend}`, function () {
    this.timeout(20_000);
    let pki: InteropPki;
    const www: Record<'ecdsa' | 'rsa', { child: Child; port: number }> = {} as never;

    const server = (args: string[]): ReturnType<typeof tlsportServer> => tlsportServer(['-backend', backend, ...args]);
    const trusting = (): string[] => ['-CAfile', pki.ca.certFile, '-servername', 'localhost', '-verify_return_error'];

    before(async () => {
      pki = interopPki();
      www.ecdsa = await server(['-www', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile, '-alpn', 'http/1.1,h2']);
      www.rsa = await server(['-www', '-cert', pki.rsa.chainFile, '-key', pki.rsa.keyFile]);
    });
    after(async () => {
      await killChildren();
      pki.dispose();
    });

    for (const { suite, cert, flags } of SUITE_CASES) {
      it(`${suite.version} ${suite.name} (${cert.toUpperCase()} certificate)`, async () => {
        const r = await opensslClient(www[cert].port, [...trusting(), '-ign_eof', ...flags], GET);
        expect(r.code, r.stdout + r.stderr).to.equal(0);
        expect(r.stdout).to.include(`${suite.version}, Cipher is ${suite.openssl}`).and.include('Verify return code: 0 (ok)');
        // The -www page states what tlsport negotiated: the request went in and the page came out.
        expect(r.stdout).to.match(/^HTTP\/1\.0 200 OK\r$/m).and.include(`Backend: ${backend}\nProtocol: ${suite.version}\nCipher: ${suite.name}\n`);
        await www[cert].child.waitFor(new RegExp(`^CONNECTED version=${suite.version} suite=${suite.name} `, 'm'), 'stderr');
      });
    }

    it('ALPN: the client offers h2, the server takes it', async () => {
      const r = await opensslClient(www.ecdsa.port, [...trusting(), '-ign_eof', '-alpn', 'h2'], GET);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.include('ALPN protocol: h2').and.include('ALPN: h2\n');
    });

    it('-rev echoes each line reversed; -naccept 1 exits 0 after the connection closes', async () => {
      const s = await server(['-rev', '-naccept', '1', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      const c = opensslClientProcess(s.port, trusting());
      c.write('hello tlsport\n');
      await c.waitFor(/^tropslt olleh$/m);
      c.end();
      expect(await c.exitCode()).to.equal(0);
      expect(await s.child.exitCode()).to.equal(0);
    });

    it('default mode: prints what the client sends and sends its stdin to the client', async () => {
      const s = await server(['-naccept', '1', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      const c = opensslClientProcess(s.port, trusting());
      await s.child.waitFor(/^CONNECTED /m, 'stderr');
      c.write('to tlsport\n');
      await s.child.waitFor(/^to tlsport$/m);
      s.child.write('to openssl\n');
      await c.waitFor(/^to openssl$/m);
      c.end();
      expect(await c.exitCode()).to.equal(0);
      expect(await s.child.exitCode()).to.equal(0);
    });

    it('unknown CA: openssl refuses the server; the server reports the peer\'s unknown_ca as FAILED GSK_IBMI_ERROR_NOT_TRUSTED_ROOT', async () => {
      const s = await server(['-naccept', '1', '-cert', pki.stranger.chainFile, '-key', pki.stranger.keyFile]);
      const r = await opensslClient(s.port, trusting());
      expect(r.code).to.not.equal(0);
      expect(r.stderr).to.include('certificate verify failed');
      expect(await s.child.exitCode()).to.equal(0);
      expect(s.child.stderr).to.match(/^FAILED GSK_IBMI_ERROR_NOT_TRUSTED_ROOT \(6000\): .*unknown_ca/m);
    });

    describe('client certificates', () => {
      const withCert = (): string[] => ['-cert', pki.client.chainFile, '-key', pki.client.keyFile];

      it('-Verify: a client certificate is required; sent, it is verified; missing, the handshake fails in 1.3 and 1.2', async () => {
        const s = await server(['-www', '-naccept', '3', '-Verify', '1', '-CAfile', pki.ca.certFile, '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
        const sent = await opensslClient(s.port, [...trusting(), '-ign_eof', ...withCert()], GET);
        expect(sent.code, sent.stderr).to.equal(0);
        expect(sent.stdout).to.include('Client certificate: CN=tlsport interop client (verified: yes)');
        for (const version of ['-tls1_3', '-tls1_2']) {
          const missing = await opensslClient(s.port, [...trusting(), '-ign_eof', version], GET);
          expect(missing.stdout).to.not.include('HTTP/1.0 200');
          expect(missing.stderr).to.match(/alert/);
        }
        expect(await s.child.exitCode()).to.equal(0);
        expect(s.child.stderr).to.match(/^PEER subject=CN=tlsport interop client verified=yes$/m);
        expect(s.child.stderr.match(/^FAILED GSK_TLSPORT_ERROR_CERTIFICATE_REQUIRED \(7010\): /gm)).to.have.length(2);
      });

      it('-verify: a client certificate is requested; the client may go without', async () => {
        const s = await server(['-www', '-naccept', '1', '-verify', '1', '-CAfile', pki.ca.certFile, '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
        const r = await opensslClient(s.port, [...trusting(), '-ign_eof'], GET);
        expect(r.code, r.stderr).to.equal(0);
        expect(r.stdout).to.include('Client certificate: -\n');
        expect(await s.child.exitCode()).to.equal(0);
      });
    });
  });
}
