import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { createServer } from '@tlsport/core';
import { usePki } from './support/fixture.js';

/** What a node:tls client hears from the server at `port` before it hangs up. */
function answerFrom(port: number, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    connect({ port, host: '127.0.0.1', ca, servername: 'localhost' })
      .setEncoding('utf8')
      .on('data', (chunk: string) => (text += chunk))
      .on('end', () => resolve(text))
      .on('error', reject);
  });
}

describe('createServer({ workers })', () => {
  const pki = usePki();

  it('serves from N worker processes with one listen() call in the primary; close() ends them', async function () {
    this.timeout(90_000);
    const dir = mkdtempSync(join(tmpdir(), 'tlsport-workers-'));
    try {
      const options = join(dir, 'options.json');
      writeFileSync(options, JSON.stringify({ cert: pki().leaf.chain, key: pki().leaf.key, backend: 'openssl' }));
      const workerModule = fileURLToPath(new URL('./support/workerServer.js', import.meta.url));
      const server = createServer({ cert: pki().leaf.chain, key: pki().leaf.key, backend: 'openssl', workers: 2, workerModule, workerArgs: [options] }, () => {
        throw new Error('the primary accepted a connection');
      });
      server.listen(0);
      await once(server, 'listening');
      const port = (server.address() as AddressInfo).port;
      const pids = new Set<string>();
      for (let i = 0; i < 6; i++) pids.add(await answerFrom(port, pki().ca.cert));
      expect(pids.size, `answers from ${[...pids].join(', ')}`).to.equal(2);
      expect(pids.has(String(process.pid))).to.equal(false);
      server.close();
      await once(server, 'close');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a worker count that is not a positive integer, naming it', () => {
    expect(() => createServer({ cert: pki().leaf.chain, key: pki().leaf.key, backend: 'pure', workers: 0 })).to.throw(TypeError, /^workers: /);
  });
});
