import { execFile } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { makePki, type Pki } from './helpers/pki.js';

const run = promisify(execFile);
/** packages/backend-openssl (this file runs from dist/test/). */
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('openssl backend: an encrypted key never prompts on the terminal', () => {
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => pki.dispose());

  // Core decrypts keys with the passphrase attribute; handed an encrypted key directly, the addon
  // must fail rather than ask OpenSSL's default callback, which prompts on /dev/tty and blocks.
  it('with a terminal attached, createContext fails at once with bad-certificate', async () => {
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
