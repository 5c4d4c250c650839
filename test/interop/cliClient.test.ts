import { expect } from 'chai';
import { AlertDescription, FAULT_BY_PEER_ALERT, GSK_BY_FAULT, GskStatus, gskStatusName } from '@tlsport/core';
import { GET, killChildren, opensslServer, type OpensslServer } from '@tlsport/testkit';
import { interopPki, type InteropPki } from '../support/interopPki.js';
import { SUITE_CASES } from '../support/suiteCases.js';
import { connected, tlsport, tlsportProcess } from '../support/tlsportCli.js';

/** `tlsport s_client` (the real binary, node-tls) against `openssl s_server`. */
describe('interop: tlsport s_client -> openssl s_server', function () {
  this.timeout(20_000);
  let pki: InteropPki;
  const www: Record<'ecdsa' | 'rsa', OpensslServer> = {} as never;

  before(async () => {
    pki = interopPki();
    www.ecdsa = await opensslServer(['-www', '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile, '-alpn', 'http/1.1']);
    www.rsa = await opensslServer(['-www', '-cert', pki.rsa.certFile, '-key', pki.rsa.keyFile]);
  });
  after(async () => {
    await killChildren();
    pki.dispose();
  });

  const client = (port: number, args: string[], input = GET): ReturnType<typeof tlsport> =>
    tlsport(['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-CAfile', pki.ca.certFile, ...args], input);

  for (const { suite, cert, flags } of SUITE_CASES) {
    it(`${suite.version} ${suite.name} (${cert.toUpperCase()} certificate)`, async () => {
      const r = await client(www[cert].port, flags);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stderr).to.equal(`CONNECTED version=${suite.version} suite=${suite.name} group=x25519 alpn=- resumed=no\n`);
      // openssl's status page proves both directions: our request in, its page out.
      expect(r.stdout).to.match(/^HTTP\/1\.0 200 ok/).and.include(`${suite.version}, Cipher is ${suite.openssl}`);
    });
  }

  for (const [flag, group] of [['X25519', 'x25519'], ['P-256', 'secp256r1'], ['P-384', 'secp384r1']]) {
    it(`key exchange group ${flag}`, async () => {
      const r = await client(www.ecdsa.port, ['-groups', flag!]);
      expect(r.code, r.stderr).to.equal(0);
      expect(connected(r.stderr)?.group).to.equal(group);
    });
  }

  it('ALPN: the server picks http/1.1 from the client\'s list', async () => {
    const r = await client(www.ecdsa.port, ['-alpn', 'h2,http/1.1']);
    expect(r.code, r.stderr).to.equal(0);
    expect(connected(r.stderr)?.alpn).to.equal('http/1.1');
  });

  it('stdin goes out, the server\'s output comes in; stdin EOF shuts down and the client exits once the peer closes', async () => {
    const server = await opensslServer(['-naccept', '1', '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile]);
    const c = tlsportProcess(['s_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile]);
    await c.waitFor(/^CONNECTED /m, 'stderr');
    server.child.write('from openssl\n');
    await c.waitFor(/from openssl/);
    c.end('from tlsport\n');
    expect(await c.exitCode(), c.stderr).to.equal(0);
    expect(await server.child.exitCode()).to.equal(0);
    expect(server.child.stdout).to.include('from tlsport');
  });

  it('unknown CA: FAILED GSK_IBMI_ERROR_NOT_TRUSTED_ROOT and exit 1', async () => {
    const server = await opensslServer(['-www', '-naccept', '1', '-cert', pki.stranger.chainFile, '-key', pki.stranger.keyFile]);
    const r = await client(server.port, []);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/^FAILED GSK_IBMI_ERROR_NOT_TRUSTED_ROOT \(6000\): .+\n$/);
    await server.child.kill();
  });

  describe('client certificates', () => {
    const withCert = (): string[] => ['-cert', pki.client.chainFile, '-key', pki.client.keyFile];

    it('required (-Verify) and sent: the server sees it', async () => {
      const server = await opensslServer(['-www', '-naccept', '1', '-Verify', '1', '-CAfile', pki.ca.certFile, '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile]);
      const r = await client(server.port, withCert());
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/Client certificate[\s\S]*Subject: ?CN ?= ?tlsport interop client/);
      expect(await server.child.exitCode()).to.equal(0);
    });

    it('requested (-verify) and not sent: the handshake still succeeds', async () => {
      const server = await opensslServer(['-www', '-naccept', '1', '-verify', '1', '-CAfile', pki.ca.certFile, '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile]);
      const r = await client(server.port, []);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.include('no client certificate available');
      expect(await server.child.exitCode()).to.equal(0);
    });

    it('required and missing, TLS 1.3: the server\'s certificate_required alert ends the session after CONNECTED', async () => {
      const server = await opensslServer(['-www', '-naccept', '1', '-Verify', '1', '-CAfile', pki.ca.certFile, '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile]);
      const r = await client(server.port, ['-tls1_3']);
      expect(r.code).to.equal(1);
      // In TLS 1.3 the client's handshake is complete before the server has looked at its (empty) Certificate.
      expect(r.stderr).to.match(/^CONNECTED version=TLSv1\.3 .*\nFAILED GSK_TLSPORT_ERROR_CERTIFICATE_REQUIRED \(7010\): .*certificate_required.*\n$/);
      await server.child.kill();
    });

    it('required and missing, TLS 1.2: the handshake fails with the code of the peer\'s handshake_failure alert', async () => {
      const server = await opensslServer(['-www', '-naccept', '1', '-Verify', '1', '-CAfile', pki.ca.certFile, '-cert', pki.ecdsa.certFile, '-key', pki.ecdsa.keyFile]);
      const r = await client(server.port, ['-tls1_2']);
      const status: GskStatus = GSK_BY_FAULT[FAULT_BY_PEER_ALERT[AlertDescription.handshake_failure]!];
      expect(r.code).to.equal(1);
      expect(r.stderr).to.match(new RegExp(`^FAILED ${gskStatusName(status)} \\(${status}\\): .*handshake_failure.*\\n$`));
      await server.child.kill();
    });
  });
});
