/**
 * Slow-reader memory check against `tlsport s_server -rev`: a client sends for a while and never
 * reads (echo lines, or TLS 1.3 KeyUpdate requests), and the server's resident memory is sampled.
 * Usage: npm run slow-reader -- [--seconds 30] [--backend pure|openssl|node-tls] [--variant echo|keyupdate]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { pureBackend } from '@tlsport/backend-pure';
import { resolveTlsConfig } from '@tlsport/core';
import { Child, EngineSide, TestCa } from '@tlsport/testkit';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const BIN = join(ROOT, 'packages/cli/dist/src/bin.js');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

/** Resident set size of a process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

async function measure(backend: string, variant: string, seconds: number, ca: TestCa): Promise<string> {
  const leaf = ca.issue({ dns: ['localhost'] });
  const certFile = join(ca.dir, `slow-${backend}.pem`);
  const keyFile = join(ca.dir, `slow-${backend}.key`);
  writeFileSync(certFile, leaf.chain);
  writeFileSync(keyFile, leaf.key);
  const server = new Child(process.execPath, [BIN, 's_server', '-accept', '127.0.0.1:0', '-rev', '-quiet', '-backend', backend, '-cert', certFile, '-key', keyFile], { cwd: ROOT });
  try {
    const port = Number((await server.waitFor(/^ACCEPT \S+:(\d+)$/m, 'stdout', 10_000))[1]);
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.on('error', () => undefined);
    const config = resolveTlsConfig({ role: 'client', ca: ca.cert, servername: 'localhost', maxVersion: 'TLSv1.3' });
    const context = await pureBackend.createContext(config);
    const client = new EngineSide();
    client.engine = context.createEngine(config, client.sink((bytes) => socket.write(bytes)));
    const read = (chunk: Buffer): void => client.engine.receive(chunk);
    socket.on('data', read);
    client.engine.start();
    while (client.handshake === undefined && client.error === undefined) await sleep(5);
    socket.off('data', read);
    socket.pause();
    await sleep(500);
    const before = rssMb(server.pid!);
    const line = new TextEncoder().encode('slow reader '.repeat(1365) + '\n');
    const step = variant === 'echo' ? () => client.engine.send(line, () => undefined) : () => client.engine.keyUpdate(true);
    let sent = 0;
    let peak = before;
    const end = performance.now() + seconds * 1000;
    let nextSample = performance.now() + 1000;
    while (performance.now() < end && client.error === undefined) {
      if (socket.writableLength < 1 << 20) {
        for (let i = 0; i < 16; i++) step();
        sent += 16;
        await new Promise((r) => setImmediate(r));
      } else {
        await sleep(20);
      }
      if (performance.now() >= nextSample) {
        peak = Math.max(peak, rssMb(server.pid!));
        nextSample += 1000;
      }
    }
    const after = rssMb(server.pid!);
    socket.destroy();
    await client.engine.destroy();
    await context.dispose();
    return `${backend.padEnd(8)} ${variant.padEnd(9)} ${seconds}s: server RSS ${before.toFixed(1)} MB -> ${after.toFixed(1)} MB (peak ${Math.max(peak, after).toFixed(1)} MB, +${(Math.max(peak, after) - before).toFixed(1)} MB); client steps ${sent}, client queue ${(socket.writableLength / 1024).toFixed(0)} KiB`;
  } finally {
    await server.kill();
  }
}

const seconds = Number(option('seconds', '30'));
const backends = option('backend', 'pure,openssl,node-tls').split(',');
const variants = option('variant', 'echo,keyupdate').split(',');
const ca = TestCa.root();
try {
  for (const backend of backends) {
    for (const variant of variants) console.log(await measure(backend, variant, seconds, ca));
  }
} finally {
  ca.dispose();
}
