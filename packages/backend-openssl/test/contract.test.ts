import { execFile } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { resolveTlsConfig, TlsError } from '@tlsport/core';
import { EnginePair, silentSink } from '@tlsport/testkit';
import { backend, deliver } from './helpers/pair.js';
import { makePki, serverWith, type Pki } from './helpers/pki.js';

const run = promisify(execFile);
/** packages/backend-openssl (this file runs from dist/test/). */
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('openssl engine and context contract', () => {
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => pki.dispose());

  it('a disposed context makes no engines', async () => {
    const config = resolveTlsConfig({ role: 'server', ...serverWith(pki.ecdsa) });
    const context = await backend.createContext(config);
    await context.dispose();
    expect(() => context.createEngine(config, silentSink())).to.throw(TlsError).with.property('fault', 'internal');
  });

  it('send() before the handshake fails; closeNotify() during it is sent once the handshake completes', async () => {
    const pair = await EnginePair.create(backend, { ca: pki.ca.cert }, backend, serverWith(pki.ecdsa));
    try {
      const early = await new Promise<TlsError | undefined>((resolve) => pair.client.engine.send(Buffer.from('early'), resolve));
      expect(early?.fault).to.equal('unsupported');
      pair.server.engine.start();
      pair.client.engine.start();
      pair.client.engine.closeNotify();
      await pair.until(() => pair.server.peerClosed);
      expect(pair.client.handshake).to.not.equal(undefined);
      expect(pair.client.error).to.equal(undefined);
      await deliver(pair, pair.server, 'the server may still talk');
    } finally {
      await pair.destroy();
    }
  });

  it('receiveEnd() resolves once the input already received is processed (an alert before FIN)', async () => {
    const pair = await EnginePair.create(backend, { ca: pki.ca.cert, maxVersion: 'TLSv1.2' }, backend, { ...serverWith(pki.ecdsa), minVersion: 'TLSv1.3' });
    try {
      pair.server.engine.start();
      pair.client.engine.start();
      await pair.until(() => pair.server.error !== undefined);
      // The server's protocol_version alert reaches the client on the next turn, as a FIN would.
      await new Promise((resolve) => setImmediate(resolve));
      await pair.client.engine.receiveEnd!();
      expect(pair.client.error?.fault).to.equal('protocol-version');
      expect(pair.client.error?.origin).to.equal('peer');
    } finally {
      await pair.destroy();
    }
  });

  it('engines and contexts dropped without destroy()/dispose() are freed by their finalizers', async () => {
    // Forcing collection needs --expose-gc: a child node runs the scenario, this test reads its counts.
    const script = `
      import { resolveTlsConfig } from '@tlsport/core';
      import { OpenSslBackend, liveObjects } from '${pathToFileURL(join(packageDir, 'dist/src/index.js')).href}';
      const config = resolveTlsConfig({ role: 'client', ca: process.env.CA });
      let context = await new OpenSslBackend().createContext(config);
      const sink = { transmit() {}, plaintext() {}, handshakeComplete() {}, peerClosed() {}, failed() {}, keylog() {}, session() {} };
      for (let i = 0; i < 10; i++) context.createEngine(config, sink).start();
      await new Promise((r) => setTimeout(r, 50));
      const before = liveObjects();
      context = undefined;
      for (let i = 0; i < 300 && (liveObjects().ssl > 0 || liveObjects().ctx > 0); i++) {
        globalThis.gc();
        await new Promise((r) => setTimeout(r, 10));
      }
      console.log(JSON.stringify({ before, after: liveObjects() }));`;
    const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd: packageDir, env: { ...process.env, CA: pki.ca.cert } });
    expect(JSON.parse(stdout)).to.deep.equal({ before: { ssl: 10, ctx: 1 }, after: { ssl: 0, ctx: 0 } });
  });

  // Core decrypts keys with the passphrase attribute; handed an encrypted key directly, the addon
  // must fail rather than ask OpenSSL's default callback, which prompts on /dev/tty and blocks.
  it('an encrypted key never prompts on the terminal: with a pty attached, createContext fails at once with bad-certificate', async () => {
    const encrypted = createPrivateKey(pki.ecdsa.key).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' });
    const script = `
      import { resolveTlsConfig } from '@tlsport/core';
      import { OpenSslBackend } from ${JSON.stringify(pathToFileURL(join(packageDir, 'dist', 'src', 'index.js')).href)};
      const config = { ...resolveTlsConfig({ role: 'server', cert: process.env.CERT, key: process.env.KEY }), certificate: { cert: process.env.CERT, key: process.env.ENCRYPTED } };
      const error = await new OpenSslBackend().createContext(config).then(() => undefined, (e) => e);
      console.log('fault=' + error?.fault);
    `;
    // script(1) runs the child on a pseudo-terminal, so a prompt would find a terminal to block on.
    const command = `${JSON.stringify(process.execPath)} --input-type=module -e "$PROBE"`;
    const { stdout } = await run('script', ['-qec', command, '/dev/null'], {
      cwd: packageDir,
      timeout: 20_000,
      env: { ...process.env, PROBE: script, CERT: pki.ecdsa.chain, KEY: pki.ecdsa.key, ENCRYPTED: String(encrypted) },
    });
    expect(stdout).to.not.include('pass phrase');
    expect(stdout).to.include('fault=bad-certificate');
  });
});
