import { join } from 'node:path';
import { expect } from 'chai';
import { installedBackends } from '@tlsport/core';
import { run } from '@tlsport/testkit';
import { REPO_ROOT } from '../support/repoRoot.js';

const RUNNER = join(REPO_ROOT, 'examples/dist/run.js');
/** Examples run from the repository root, as `npm run example` does. */
const AT_ROOT = { cwd: REPO_ROOT };
const BACKENDS = await installedBackends();

/** Runs an example the way `npm run example -- NAME` does (after the build) and returns its output. */
async function example(...args: string[]): Promise<string> {
  const r = await run(process.execPath, [RUNNER, ...args], '', 20_000, AT_ROOT);
  expect(r.code, r.stdout + r.stderr).to.equal(0);
  expect(r.stderr).to.equal('');
  return r.stdout;
}

/** Each example runs as a child process, exits 0 on its own (nothing left open) and shows what it claims. */
describe('examples', function () {
  this.timeout(30_000);

  it('di-backend: binds every installed backend by name and handshakes with it', async () => {
    const out = await example('di-backend');
    for (const name of BACKENDS) expect(out).to.match(new RegExp(`^${name}: container.get\\(TLS_BACKEND\\) -> \\w+ "${name}"; handshake TLSv1\\.3 TLS_\\w+$`, 'm'));
  });

  it('di-backend: a name that is not a backend fails the example', async () => {
    const r = await run(process.execPath, [RUNNER, 'di-backend', 'gnutls'], '', 20_000, AT_ROOT);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.include('unknown backend "gnutls"');
  });

  // The examples that take a backend name run once per installed backend.
  for (const backend of BACKENDS) {
    it(`ibmi-style on ${backend}: one port, one wait loop, every operation kind completes`, async () => {
      const out = await example('ibmi-style', backend);
      expect(out).to.match(new RegExp(`^backend ${backend}, listening on 127\\.0\\.0\\.1:\\d+$`, 'm'));
      const completions = out.split('\n').filter((l) => l.startsWith('[')).map((l) => l.replace(/\s+/g, ' '));
      expect(completions[0]).to.equal('[server] StartAccept GSK_OK');
      expect(completions).to.include.members([
        '[client] StartInit GSK_OK',
        '[server] StartInit GSK_OK',
        '[server] StartRecv GSK_OK "hello, IBM i"',
        '[client] StartRecv GSK_OK "HELLO, IBM I"',
        '[server] StartRecv GSK_ERROR_SOCKET_CLOSED',
        '[client] Shutdown GSK_OK',
        '[server] Shutdown GSK_OK',
      ]);
      expect(out).to.match(/negotiated TLSv1\.3 TLS_\w+ (X25519MLKEM768|x25519) in \d+\.\d ms/);
      expect(out).to.match(/done: both sides shut down, port destroyed\n$/);
    });

    it(`cancel-handshake on ${backend}: ECANCELED arrives on the port and the session is closed`, async () => {
      const out = await example('cancel-handshake', backend);
      expect(out).to.match(/operation (\d+) pending: true\n/);
      expect(out).to.include('after 300 ms, still nothing on the port: true');
      expect(out).to.match(/cancelOperation\(\d+\) cancelled 1 operation\(s\)/);
      expect(out).to.include('port: StartInit for "never answered": GSK_TLSPORT_ERROR_CANCELLED, errno ECANCELED');
      expect(out).to.include('pending now: false; session state: closed; nothing else posted: true');
    });

    it(`rx-echo on ${backend}: handshake$, send$/data$ echoes, a timeout that cancels a receive, 2-step shutdown`, async () => {
      const out = await example('rx-echo', backend);
      expect(out).to.match(new RegExp(`^handshake\\$: TLSv1\\.3 TLS_\\w+ with the ${backend} backend$`, 'm'));
      expect(out).to.include('echoes: ALPHA BETA GAMMA\n');
      expect(out).to.include('data$ with a 200 ms timeout: timeout; session still established');
      expect(out).to.include('2-step shutdown: the server answered close_notify');
    });
  }

  it('an unknown example name prints the list and exits 2', async () => {
    const r = await run(process.execPath, [RUNNER, 'nope'], '', 10_000, AT_ROOT);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('examples: ibmi-style, di-backend, cancel-handshake, rx-echo, gskit-async-handshake-server, gskit-async-recv-server, gskit-client');
  });
});
