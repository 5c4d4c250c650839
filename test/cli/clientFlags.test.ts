import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { killChildren, opensslServer, GET, type OpensslServer } from '@tlsport/testkit';
import { interopPki, type InteropPki } from '../support/interopPki.js';
import { connected, tlsport } from '../support/tlsportCli.js';

/** Every CONNECTED line's fields, in order. */
function allConnected(stderr: string): Record<string, string>[] {
  return stderr.split('\n').filter((line) => line.startsWith('CONNECTED ')).map((line) => connected(line)!);
}

/** tlsport s_client's openssl-named flags, each against a real `openssl s_server`. */
describe('tlsport s_client flags -> openssl s_server', function () {
  this.timeout(60_000);
  let pki: InteropPki;
  let www: OpensslServer;

  before(async () => {
    pki = interopPki();
    www = await opensslServer(['-www', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
  });
  after(async () => {
    await killChildren();
    pki.dispose();
  });

  const client = (args: readonly string[], input = GET) => tlsport(['s_client', '-connect', `127.0.0.1:${www.port}`, '-CAfile', pki.ca.certFile, ...args], input, 30_000);

  it('-showcerts prints the chain the server sent, PEM, on stdout; -brief replaces CONNECTED with a summary', async () => {
    const r = await client(['-showcerts', '-brief', '-servername', 'localhost']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^---\nCertificate chain\n 0 s:CN=localhost\n {3}i:CN=tlsport interop CA\n-----BEGIN CERTIFICATE-----\n/);
    expect(r.stdout).to.include(pki.ecdsa.cert.trim()).and.include(pki.ca.cert.trim()).and.include(' 1 s:CN=tlsport interop CA\n');
    expect(r.stdout).to.include('HTTP/1.0 200 ok');
    expect(r.stderr).to.match(/^CONNECTION ESTABLISHED\nProtocol version: TLSv1\.3\nCiphersuite: TLS_\w+\nPeer certificate: CN=localhost\nVerification: OK\n/);
    expect(connected(r.stderr)).to.equal(undefined);
  });

  it('-msg traces the records both ways and -state the handshake steps (TLS 1.2: every message in the clear until ChangeCipherSpec)', async () => {
    const r = await client(['-msg', '-state', '-tls1_2', '-backend', 'openssl']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.match(/^SSL_connect:before SSL initialization\n>>> TLS record, Handshake \[length [0-9a-f]{4}\], ClientHello\n/);
    for (const name of ['ServerHello', 'Certificate', 'ServerKeyExchange', 'ServerHelloDone']) expect(r.stderr).to.include(`SSL_connect:read ${name}\n`);
    expect(r.stderr).to.include('SSL_connect:write ClientKeyExchange\n').and.include('SSL_connect:write ChangeCipherSpec\n');
    expect(r.stderr).to.match(/>>> TLS record, Handshake \[length 0028\] \(encrypted\)\n/); // the client's Finished
    expect(r.stderr).to.match(/SSL_connect:SSL negotiation finished successfully\nCONNECTED version=TLSv1\.2 /);
    expect(r.stderr).to.match(/<<< TLS record, ApplicationData \[length [0-9a-f]{4}\] \(encrypted\)\n/);
  });

  it('-msg shows a HelloRetryRequest when the server wants a group the client sent no share for (TLS 1.3)', async () => {
    const server = await opensslServer(['-www', '-groups', 'P-384', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
    const r = await tlsport(['s_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile, '-msg', '-backend', 'pure', '-groups', 'X25519:P-384'], GET, 30_000);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.match(/<<< TLS record, Handshake \[length [0-9a-f]{4}\], HelloRetryRequest\n(<<< TLS record, ChangeCipherSpec \[length 0001\]\n)?>>> TLS record, ChangeCipherSpec \[length 0001\]\n>>> TLS record, Handshake \[length [0-9a-f]{4}\], ClientHello\n<<< TLS record, Handshake \[length [0-9a-f]{4}\], ServerHello\n/);
    expect(connected(r.stderr)).to.include({ group: 'secp384r1' });
  });

  for (const backend of ['node-tls', 'openssl', 'pure']) {
    it(`-reconnect (${backend}): five more connections, each resuming the session of the one before`, async () => {
      const r = await client(['-reconnect', '-backend', backend]);
      expect(r.code, r.stderr).to.equal(0);
      expect(allConnected(r.stderr).map((c) => c.resumed)).to.deep.equal(['no', 'yes', 'yes', 'yes', 'yes', 'yes']);
      expect(r.stderr.match(/^RECONNECT \d$/gm)).to.deep.equal(['RECONNECT 1', 'RECONNECT 2', 'RECONNECT 3', 'RECONNECT 4', 'RECONNECT 5']);
    });
  }

  it('-no_ticket: -reconnect keeps nothing to resume, every connection is a full handshake', async () => {
    const r = await client(['-reconnect', '-no_ticket', '-backend', 'pure']);
    expect(r.code, r.stderr).to.equal(0);
    expect(allConnected(r.stderr).map((c) => c.resumed)).to.deep.equal(['no', 'no', 'no', 'no', 'no', 'no']);
    expect(r.stderr).to.include('RECONNECT 1 (no session to resume)\n');
  });

  for (const version of ['-tls1_3', '-tls1_2']) {
    it(`-sess_out writes the session, -sess_in resumes it in a new process (${version})`, async () => {
      const file = join(pki.ca.dir, `session${version}.pem`);
      const first = await client(['-sess_out', file, '-backend', 'openssl', version]);
      expect(first.code, first.stderr).to.equal(0);
      expect(readFileSync(file, 'utf8')).to.match(/^-----BEGIN TLSPORT SESSION-----\nBackend: openssl\n\n[A-Za-z0-9+/=\n]+-----END TLSPORT SESSION-----\n$/);
      const second = await client(['-sess_in', file, '-backend', 'openssl', version]);
      expect(second.code, second.stderr).to.equal(0);
      expect(connected(second.stderr)).to.include({ resumed: 'yes' });
      const wrongBackend = await client(['-sess_in', file, '-backend', 'pure']);
      expect(wrongBackend.code).to.equal(2);
      expect(wrongBackend.stderr).to.include('written by the openssl backend, this is pure');
    });
  }

  it('-verify_hostname and -verify_ip check the name apart from the -connect address', async () => {
    expect((await client(['-verify_hostname', 'localhost'])).code).to.equal(0);
    expect((await client(['-verify_ip', '127.0.0.1'])).code).to.equal(0);
    const wrongName = await client(['-verify_hostname', 'elsewhere.test']);
    expect(wrongName.code).to.equal(1);
    expect(wrongName.stderr).to.match(/^FAILED GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH \(\d+\): /);
    const wrongIp = await client(['-verify_ip', '10.9.8.7']);
    expect(wrongIp.code).to.equal(1);
    expect(wrongIp.stderr).to.match(/^FAILED GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH \(\d+\): /);
    const clash = await client(['-verify_hostname', 'localhost', '-servername', 'other.test']);
    expect(clash.code).to.equal(2);
  });

  describe('k/K on stdin -> openssl s_server -msg', () => {
    for (const [line, requested] of [['k', false], ['K', true]] as const) {
      it(`a "${line}" line sends a KeyUpdate${requested ? ' with update_requested' : ''}; data before and after arrives`, async () => {
        const server = await opensslServer(['-msg', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile], { lineBuffered: true });
        const r = await tlsport(['s_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile, '-backend', 'openssl'], `before\n${line}\nafter\n`, 30_000);
        expect(r.code, r.stderr).to.equal(0);
        expect(r.stderr).to.include(requested ? 'KEYUPDATE requested\n' : 'KEYUPDATE\n');
        await server.child.waitFor(/after\n/, 'stdout', 10_000);
        const trace = server.child.stdout;
        expect(trace.indexOf('before\n')).to.be.lessThan(trace.indexOf('<<< TLS 1.3, Handshake [length 0005], KeyUpdate'));
        expect(trace.indexOf('<<< TLS 1.3, Handshake [length 0005], KeyUpdate')).to.be.lessThan(trace.indexOf('after\n'));
        // KeyUpdate's update_requested byte (RFC 8446 §4.6.3), in the hex dump under -msg's line.
        expect(trace).to.match(new RegExp(`KeyUpdate\\n +18 00 00 01 0${requested ? 1 : 0}\\n`));
        await server.child.kill();
      });
    }
  });
});
