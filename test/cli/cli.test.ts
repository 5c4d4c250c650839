import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { expect } from 'chai';
import { killChildren } from '@tlsport/testkit';
import { interopPki, type InteropPki } from '../support/interopPki.js';
import { connected, tlsport, tlsportProcess, tlsportServer } from '../support/tlsportCli.js';

/** The tlsport binary's own behaviour: arguments, exit codes, and both ends talking to each other. */
describe('tlsport CLI', function () {
  this.timeout(15_000);
  let pki: InteropPki;

  before(() => {
    pki = interopPki();
  });
  after(async () => {
    await killChildren();
    pki.dispose();
  });

  describe('arguments', () => {
    const usageErrors: [string, string[], RegExp][] = [
      ['no command', [], /^usage: tlsport <command>/],
      ['an unknown command', ['x_client'], /^usage: tlsport <command>/],
      ['an unknown option', ['s_client', '-bogus'], /unknown option "-bogus"[\s\S]*usage: tlsport s_client[\s\S]*-connect HOST:PORT/],
      ['a missing value', ['s_client', '-connect'], /-connect needs a value/],
      ['a malformed address', ['s_server', '-accept', 'localhost', '-cert', 'c', '-key', 'k'], /-accept needs \[host:\]port/],
      ['a non-numeric count', ['s_server', '-naccept', 'many'], /-naccept needs a non-negative integer/],
      ['a server without a certificate', ['s_server'], /s_server needs -cert and -key/],
      ['-cert without -key', ['s_client', '-cert', 'x.pem'], /-cert and -key go together/],
      ['both version pins', ['s_client', '-tls1_2', '-tls1_3'], /-tls1_2 and -tls1_3 exclude each other/],
      ['an unreadable file', ['s_client', '-CAfile', '/nonexistent/ca.pem'], /-CAfile \/nonexistent\/ca\.pem: ENOENT/],
      ['a positional argument', ['demo', 'now'], /unknown option "now"/],
    ];
    for (const [what, args, message] of usageErrors) {
      it(`${what}: usage on stderr, exit 2`, async () => {
        const r = await tlsport(args);
        expect(r.code).to.equal(2);
        expect(r.stderr).to.match(message);
        expect(r.stdout).to.equal('');
      });
    }

    it('-help prints every option of the command and exits 0', async () => {
      const r = await tlsport(['s_server', '-help']);
      expect(r.code).to.equal(0);
      for (const option of ['-accept', '-cert', '-key', '-CAfile', '-alpn', '-tls1_2', '-tls1_3', '-ciphersuites', '-cipher', '-groups', '-verify', '-Verify', '-keylogfile', '-legacy_ems', '-www', '-naccept', '-quiet', '-backend']) {
        expect(r.stdout).to.include(`  ${option} `);
      }
    });
  });

  describe('failures before a handshake', () => {
    it('connection refused: FAILED GSK_ERROR_IO, exit 1', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as { port: number };
      await new Promise((resolve) => closed.close(resolve));
      const r = await tlsport(['s_client', '-connect', `127.0.0.1:${port}`]);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.match(/^FAILED GSK_ERROR_IO \(406\): connect to 127\.0\.0\.1:\d+ failed: .*ECONNREFUSED.*\n$/);
    });

    it('an unknown backend: FAILED GSK_API_NOT_AVAILABLE, exit 1', async () => {
      const r = await tlsport(['s_client', '--backend', 'gnutls', '-connect', '127.0.0.1:1']);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.match(/^FAILED GSK_API_NOT_AVAILABLE \(2\): unknown backend "gnutls"/);
    });

    it('a -cert file that holds no certificate: s_server says FAILED GSK_ERROR_BAD_CERTIFICATE and exits 1', async () => {
      const r = await tlsport(['s_server', '-accept', '127.0.0.1:0', '-cert', pki.ecdsa.keyFile, '-key', pki.ecdsa.keyFile]);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.match(/^FAILED GSK_ERROR_BAD_CERTIFICATE \(404\): .+\n$/);
    });
  });

  describe('tlsport s_client -> tlsport s_server', () => {
    it('-rev echo, the key log file, -naccept 1: the server exits 0 after the client closed', async () => {
      const keylog = join(pki.ca.dir, 'cli-keylog.txt');
      const server = await tlsportServer(['-rev', '-naccept', '1', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      const client = tlsportProcess(['s_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile, '-keylogfile', keylog]);
      client.write('stressed\n');
      await client.waitFor(/desserts\n/);
      client.end();
      expect(await client.exitCode(), client.stderr).to.equal(0);
      expect(client.stdout).to.equal('desserts\n');
      expect(await server.child.exitCode()).to.equal(0);
      expect(server.child.stderr).to.equal(client.stderr);
      const labels = readFileSync(keylog, 'utf8').trim().split('\n').map((line) => line.split(' ')[0]);
      expect(labels).to.include.members(['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0']);
    });

    it('pure backend, -groups X25519MLKEM768: CONNECTED says group=X25519MLKEM768, and both key logs hold the same secrets', async function () {
      this.timeout(30_000); // two CLI processes with ML-KEM in pure JavaScript (Node 20 has no native ML-KEM)
      const [clientLog, serverLog] = ['pq-client-keylog.txt', 'pq-server-keylog.txt'].map((name) => join(pki.ca.dir, name)) as [string, string];
      const server = await tlsportServer(['-backend', 'pure', '-groups', 'X25519MLKEM768', '-rev', '-naccept', '1', '-keylogfile', serverLog, '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      const client = tlsportProcess(['s_client', '-backend', 'pure', '-groups', 'X25519:X25519MLKEM768', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile, '-keylogfile', clientLog]);
      client.write('mlkem\n');
      await client.waitFor(/meklm\n/);
      client.end();
      expect(await client.exitCode(), client.stderr).to.equal(0);
      expect(await server.child.exitCode()).to.equal(0);
      expect(connected(client.stderr)?.group).to.equal('X25519MLKEM768');
      expect(connected(server.child.stderr)?.group).to.equal('X25519MLKEM768');
      const lines = (file: string): string[] => readFileSync(file, 'utf8').trim().split('\n').sort();
      expect(lines(clientLog)).to.have.length.of.at.least(4).and.deep.equal(lines(serverLog));
    });

    it('-www over TLS 1.2 with ALPN and a verified client certificate; -quiet server prints nothing on stderr', async () => {
      const server = await tlsportServer(['-www', '-quiet', '-naccept', '1', '-Verify', '1', '-CAfile', pki.ca.certFile, '-alpn', 'http/1.1', '-cert', pki.rsa.chainFile, '-key', pki.rsa.keyFile]);
      const r = await tlsport(
        ['s_client', '-connect', `127.0.0.1:${server.port}`, '-servername', 'localhost', '-CAfile', pki.ca.certFile, '-tls1_2', '-alpn', 'h2,http/1.1', '-cert', pki.client.chainFile, '-key', pki.client.keyFile],
        'GET /status HTTP/1.0\r\n\r\n',
      );
      expect(r.code, r.stderr).to.equal(0);
      expect(connected(r.stderr)).to.deep.equal({ version: 'TLSv1.2', suite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', group: 'x25519', alpn: 'http/1.1', resumed: 'no' });
      expect(r.stdout).to.match(/^HTTP\/1\.0 200 OK\r\n/).and.include('SNI: localhost\n').and.include('Request: GET /status HTTP/1.0\n');
      expect(r.stdout).to.include('Client certificate: CN=tlsport interop client (verified: yes)');
      expect(await server.child.exitCode()).to.equal(0);
      expect(server.child.stderr).to.equal('');
    });

    it('-noverify connects to a server nobody vouches for; without it the client fails, and a -quiet server still reports that', async () => {
      const server = await tlsportServer(['-www', '-quiet', '-naccept', '2', '-cert', pki.stranger.chainFile, '-key', pki.stranger.keyFile]);
      const refused = await tlsport(['s_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile], 'GET / HTTP/1.0\r\n\r\n');
      expect(refused.code).to.equal(1);
      expect(refused.stderr).to.match(/^FAILED GSK_IBMI_ERROR_NOT_TRUSTED_ROOT \(6000\): /);
      const accepted = await tlsport(['s_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile, '-noverify'], 'GET / HTTP/1.0\r\n\r\n');
      expect(accepted.code, accepted.stderr).to.equal(0);
      expect(accepted.stdout).to.include('HTTP/1.0 200 OK');
      expect(await server.child.exitCode()).to.equal(0);
      // Which code the server sees depends on whether the refusing client sent its alert; that it is reported does not.
      expect(server.child.stderr).to.match(/^FAILED GSK_\w+ \(\d+\): .+\n$/);
    });

    it('SIGTERM stops a server that is waiting for connections, exit 0', async () => {
      const server = await tlsportServer(['-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      process.kill(server.child.pid!, 'SIGTERM');
      expect(await server.child.exitCode()).to.equal(0);
    });

    it('a client killed mid-session does not take the server down', async () => {
      const server = await tlsportServer(['-naccept', '2', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      const gone = tlsportProcess(['s_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile]);
      await gone.waitFor(/^CONNECTED /m, 'stderr');
      await gone.kill();
      const r = await tlsport(['s_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca.certFile], 'still here\n');
      expect(r.code, r.stderr).to.equal(0);
      expect(await server.child.exitCode()).to.equal(0);
      expect(server.child.stdout).to.include('still here\n');
    });
  });

  describe('-legacy_ems', () => {
    /** A node:tls TLS 1.2 client that does not do extended master secret (OpenSSL's SSL_OP_NO_EXTENDED_MASTER_SECRET). */
    const legacyClient = async (port: number): Promise<string> => {
      const socket = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ca: readFileSync(pki.ca.certFile), maxVersion: 'TLSv1.2', secureOptions: 1 });
      try {
        await once(socket, 'secureConnect');
        return socket.getProtocol() ?? 'none';
      } catch (error) {
        return String(error);
      } finally {
        socket.destroy();
      }
    };

    it('a pure s_server refuses a TLS 1.2 client without EMS by default and accepts it with -legacy_ems', async () => {
      const strict = await tlsportServer(['-backend', 'pure', '-quiet', '-naccept', '1', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      expect(await legacyClient(strict.port)).to.match(/handshake failure/i);
      expect(await strict.child.exitCode()).to.equal(0);
      expect(strict.child.stderr).to.match(/^FAILED GSK_ERROR_BAD_MESSAGE \(\d+\): .*extended_master_secret/);
      const legacy = await tlsportServer(['-backend', 'pure', '-legacy_ems', '-naccept', '1', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      expect(await legacyClient(legacy.port)).to.equal('TLSv1.2');
      expect(await legacy.child.exitCode()).to.equal(0);
    });
  });
});
