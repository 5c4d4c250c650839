import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { expect } from 'chai';
import { installedBackends } from '@tlsport/core';
import { GSK_ERROR_BAD_MESSAGE, gsk_strerror } from '@tlsport/gsk';
import { Child, TestCa, exportPkcs12, killChildren, opensslClientProcess, opensslServer, run } from '@tlsport/testkit';
import { REPO_ROOT } from '../support/repoRoot.js';

const RUNNER = join(REPO_ROOT, 'examples/dist/run.js');
const BACKENDS = await installedBackends();

/**
 * IBM's three GSKit example programs, translated line by line (examples/gskit-*.ts), run against
 * openssl s_client / s_server on every backend. Their key stores come from application ids, as on
 * IBM i: a registry maps MY_SERVER_APP and MY_CLIENT_APP to PKCS#12 files made by openssl.
 */
describe('examples: IBM GSKit programs against openssl', function () {
  this.timeout(30_000);
  let ca: TestCa;
  let leafFile: string;
  let leafKeyFile: string;

  before(() => {
    ca = TestCa.root({ cn: 'GSKit example CA' });
    const leaf = ca.issue({ dns: ['localhost'], ips: ['127.0.0.1'] });
    leafFile = leaf.certFile;
    leafKeyFile = leaf.keyFile;
    exportPkcs12(leaf, { file: join(ca.dir, 'server.p12'), password: 'server-pw', label: 'MY_SERVER_CERT', caCerts: ca.certFile });
    exportPkcs12(undefined, { file: join(ca.dir, 'trust.p12'), password: 'trust-pw', caCerts: ca.certFile });
    const registry = {
      MY_SERVER_APP: { keyring: 'server.p12', password: 'server-pw', label: 'MY_SERVER_CERT' },
      MY_CLIENT_APP: { keyring: 'trust.p12', password: 'trust-pw' },
    };
    writeFileSync(join(ca.dir, 'applications.json'), JSON.stringify(registry));
    // The example processes inherit it: the registry plays IBM i's Digital Certificate Manager.
    process.env.TLSPORT_GSK_APPLICATIONS = join(ca.dir, 'applications.json');
  });

  after(async () => {
    delete process.env.TLSPORT_GSK_APPLICATIONS;
    await killChildren();
    ca.dispose();
  });

  function startExample(name: string, backend: string): Child {
    return new Child(process.execPath, [RUNNER, name, backend, '0'], { cwd: REPO_ROOT });
  }

  /** s_client connects, waits for the handshake, then sends one line and reads the echo. */
  async function sClientEcho(port: number, line: string): Promise<Child> {
    const client = opensslClientProcess(port, ['-CAfile', ca.certFile, '-verify_return_error', '-ign_eof'], { lineBuffered: true });
    await client.waitFor(/Verify return code: 0 \(ok\)/, 'stdout', 10_000);
    // Written after the handshake: the asynchronous-receive server starts its receive only then.
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.write(`${line}\n`);
    return client;
  }

  for (const backend of BACKENDS) {
    it(`gskit-async-handshake-server on ${backend}: s_client's line comes back; the C program's success path is taken`, async () => {
      const server = startExample('gskit-async-handshake-server', backend);
      const port = Number((await server.waitFor(/^listening on port (\d+)$/m))[1]);
      const client = await sClientEcho(port, `async handshake on ${backend}`);
      await client.waitFor(new RegExp(`^async handshake on ${backend}$`, 'm'), 'stdout', 10_000);
      expect(await server.exitCode(15_000), server.output).to.equal(0);
      expect(server.output).to.include('gsk_secure_soc_startInit got GSK_OS400_ASYNCHRONOUS_SOC_INIT\n');
      expect(server.output).to.match(new RegExp(`received \\d+ bytes on descriptor \\d+, here they are \\.\\.\\.\\nasync handshake on ${backend}\\nSuccess\\.\\n$`));
      await client.kill();
    });

    it(`gskit-async-handshake-server on ${backend}: a peer that does not speak TLS takes the C program's failure path`, async () => {
      const server = startExample('gskit-async-handshake-server', backend);
      const port = Number((await server.waitFor(/^listening on port (\d+)$/m))[1]);
      const peer = connect(port, '127.0.0.1', () => peer.write('GET / HTTP/1.0\r\n\r\n'));
      peer.on('error', () => undefined); // the server may reset it
      try {
        expect(await server.exitCode(15_000), server.output).to.equal(1);
      } finally {
        peer.destroy();
      }
      // The worker's error branch, as in IBM's program: the completion arrives (rc 1) carrying the handshake's status.
      const failure = 'QsoWaitForIOCompletion()/gsk_secure_soc_startInit() failed.\n'
        + `rc == 1, returnValue - ${GSK_ERROR_BAD_MESSAGE}, operationCompleted = GSKSECURESOCSTARTINIT, errno = 0\n`
        + `rc of ${GSK_ERROR_BAD_MESSAGE} means ${gsk_strerror(GSK_ERROR_BAD_MESSAGE)}\n`;
      expect(server.output).to.include(failure);
      expect(server.output).to.match(/pthread_join\(\) reported failure\n$/);
    });

    it(`gskit-async-recv-server on ${backend}: synchronous handshake, receive completed by the worker`, async () => {
      const server = startExample('gskit-async-recv-server', backend);
      const port = Number((await server.waitFor(/^listening on port (\d+)$/m))[1]);
      const client = await sClientEcho(port, `async receive on ${backend}`);
      await client.waitFor(new RegExp(`^async receive on ${backend}$`, 'm'), 'stdout', 10_000);
      expect(await server.exitCode(15_000), server.output).to.equal(0);
      expect(server.output).to.match(new RegExp(`here they are \\.\\.\\.\\nasync receive on ${backend}\\nSuccess\\.\\n$`));
      await client.kill();
    });

    it(`gskit-client on ${backend}: verifies s_server's certificate against MY_CLIENT_APP's trust store and reads its answer`, async () => {
      const sServer = await opensslServer(['-cert', leafFile, '-key', leafKeyFile, '-rev'], { lineBuffered: true });
      const r = await run(process.execPath, [RUNNER, 'gskit-client', backend, String(sServer.port), `client on ${backend}`], '', 20_000, { cwd: REPO_ROOT });
      await sServer.child.kill();
      expect(r.code, r.stdout + r.stderr).to.equal(0);
      const sent = `client on ${backend}`;
      expect(r.stdout).to.equal(`gsk_secure_soc_write() wrote ${sent.length + 1} bytes\ngsk_secure_soc_read() received ${sent.length + 1} bytes, here they are ...\n${[...sent].reverse().join('')}\n`);
    });

    // One backend is enough here: the fault -> status table is shared, and its parity is tested elsewhere.
    if (backend === BACKENDS[0]) it(`gskit-client on ${backend}: a server outside MY_CLIENT_APP's trust store fails gsk_secure_soc_init with GSKit's status`, async () => {
      const stranger = TestCa.root({ cn: 'not trusted' });
      try {
        const leaf = stranger.issue({ dns: ['localhost'] });
        const sServer = await opensslServer(['-cert', leaf.certFile, '-key', leaf.keyFile, '-rev']);
        const r = await run(process.execPath, [RUNNER, 'gskit-client', backend, String(sServer.port)], '', 20_000, { cwd: REPO_ROOT });
        await sServer.child.kill();
        expect(r.code).to.equal(1);
        expect(r.stdout).to.equal('gsk_secure_soc_init() failed with rc = 6000: The certificate does not chain to a trusted root\n');
      } finally {
        stranger.dispose();
      }
    });
  }
});
