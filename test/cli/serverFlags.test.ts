import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { Child, killChildren, opensslClient, opensslClientProcess, type Issued } from '@tlsport/testkit';
import { interopPki, type InteropPki } from '../support/interopPki.js';
import { TLSPORT_BIN, tlsportServer } from '../support/tlsportCli.js';

/** `tlsport s_server …args` run in `cwd` (what -WWW serves), resolved once it prints ACCEPT. */
async function serverIn(cwd: string, args: readonly string[]): Promise<{ child: Child; port: number }> {
  const child = new Child(process.execPath, [TLSPORT_BIN, 's_server', '-accept', '127.0.0.1:0', ...args], { cwd });
  const accept = await child.waitFor(/^ACCEPT \S+:(\d+)$/m, 'stdout', 10_000);
  return { child, port: Number(accept[1]) };
}

/** tlsport s_server's openssl-named flags, each against a real `openssl s_client`. */
describe('tlsport s_server flags <- openssl s_client', function () {
  this.timeout(60_000);
  let pki: InteropPki;
  let other: Issued;

  before(() => {
    pki = interopPki();
    other = pki.ca.issue({ dns: ['other.test'], ips: [] });
  });
  after(async () => {
    await killChildren();
    pki.dispose();
  });

  for (const backend of ['node-tls', 'openssl', 'pure']) {
    it(`-servername/-cert2/-key2 (${backend}): a client asking for that name gets the second certificate, others the first`, async () => {
      const server = await tlsportServer(['-backend', backend, '-naccept', '2', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile, '-servername', 'other.test', '-cert2', other.chainFile, '-key2', other.keyFile]);
      const sni = await opensslClient(server.port, ['-servername', 'other.test', '-CAfile', pki.ca.certFile, '-verify_return_error', '-verify_hostname', 'other.test', '-brief']);
      expect(sni.code, sni.stderr).to.equal(0);
      expect(sni.stderr).to.include('Peer certificate: CN = other.test').and.include('Verification: OK');
      const plain = await opensslClient(server.port, ['-servername', 'localhost', '-CAfile', pki.ca.certFile, '-verify_return_error', '-brief']);
      expect(plain.code, plain.stderr).to.equal(0);
      expect(plain.stderr).to.include('Peer certificate: CN = localhost');
      expect(await server.child.exitCode()).to.equal(0);
    });
  }

  for (const tickets of [true, false]) {
    it(`${tickets ? 'without' : 'with'} -no_ticket: openssl s_client -sess_out/-sess_in ${tickets ? 'resumes' : 'cannot resume'} (TLS 1.3)`, async () => {
      const server = await tlsportServer(['-backend', 'openssl', '-rev', '-naccept', '2', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile, ...(tickets ? [] : ['-no_ticket'])]);
      const file = join(pki.ca.dir, `openssl-session-${tickets}.pem`);
      const first = opensslClientProcess(server.port, ['-CAfile', pki.ca.certFile, '-tls1_3', '-sess_out', file], { lineBuffered: true });
      // Tickets follow the server's Finished: once the -rev answer is back, any ticket came before it.
      first.write('stressed\n');
      await first.waitFor(/desserts\n/);
      first.end();
      await first.exitCode();
      // Without a ticket a TLS 1.3 client has no session to save: openssl writes no file.
      expect(existsSync(file)).to.equal(tickets);
      const second = await opensslClient(server.port, ['-CAfile', pki.ca.certFile, '-tls1_3', ...(tickets ? ['-sess_in', file] : [])]);
      expect(second.stdout).to.match(tickets ? /^Reused, TLSv1\.3,/m : /^New, TLSv1\.3,/m);
      expect(await server.child.exitCode()).to.equal(0);
      expect(server.child.stderr.split('\n').filter((line) => line.startsWith('CONNECTED')).map((line) => /resumed=(\w+)/.exec(line)![1])).to.deep.equal(['no', tickets ? 'yes' : 'no']);
    });
  }

  describe('-WWW and -HTTP', () => {
    let outside: string;
    let served: string;

    before(() => {
      outside = mkdtempSync(join(tmpdir(), 'tlsport-www-'));
      served = join(outside, 'site');
      mkdirSync(join(served, 'docs'), { recursive: true });
      writeFileSync(join(served, 'index.html'), '<h1>hello</h1>\n');
      writeFileSync(join(served, 'docs', 'note.txt'), 'a note\n');
      writeFileSync(join(served, 'raw.http'), 'HTTP/1.0 201 Made\r\nX-Raw: yes\r\n\r\nas is\n');
      writeFileSync(join(outside, 'secret.txt'), 'not for clients\n');
      symlinkSync(join(outside, 'secret.txt'), join(served, 'link.txt'));
    });
    after(() => rmSync(outside, { recursive: true, force: true }));

    const get = async (port: number, path: string): Promise<string> => {
      const r = await opensslClient(port, ['-quiet', '-ign_eof', '-CAfile', pki.ca.certFile], `GET ${path} HTTP/1.0\r\n\r\n`);
      return r.stdout;
    };

    it('-WWW serves files under the working directory as HTTP/1.0 pages, and nothing outside it', async () => {
      const server = await serverIn(served, ['-WWW', '-naccept', '7', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      expect(await get(server.port, '/index.html')).to.equal('HTTP/1.0 200 ok\r\nContent-Type: text/html\r\nContent-Length: 15\r\n\r\n<h1>hello</h1>\n');
      expect(await get(server.port, '/docs/note.txt')).to.match(/^HTTP\/1\.0 200 ok\r\nContent-Type: text\/plain\r\n[\s\S]*\r\n\r\na note\n$/);
      expect(await get(server.port, '/../secret.txt')).to.match(/^HTTP\/1\.0 403 Forbidden\r\n/);
      expect(await get(server.port, '/docs/%2e%2e/%2e%2e/secret.txt')).to.match(/^HTTP\/1\.0 403 Forbidden\r\n/);
      expect(await get(server.port, '/link.txt')).to.match(/^HTTP\/1\.0 403 Forbidden\r\n/).and.not.include('not for clients');
      expect(await get(server.port, '/missing.txt')).to.match(/^HTTP\/1\.0 404 Not Found\r\n/);
      expect(await get(server.port, '/docs')).to.match(/^HTTP\/1\.0 404 Not Found\r\n/);
      expect(await server.child.exitCode()).to.equal(0);
    });

    it('-HTTP sends the file as the whole response, headers included', async () => {
      const server = await serverIn(served, ['-HTTP', '-naccept', '1', '-cert', pki.ecdsa.chainFile, '-key', pki.ecdsa.keyFile]);
      expect(await get(server.port, '/raw.http')).to.equal('HTTP/1.0 201 Made\r\nX-Raw: yes\r\n\r\nas is\n');
      expect(await server.child.exitCode()).to.equal(0);
    });
  });
});
